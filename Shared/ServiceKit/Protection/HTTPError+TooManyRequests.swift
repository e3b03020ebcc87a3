import HTTP

extension HTTPError {
    /// The 429 a limiter answers: `Retry-After` and `details.retryAfterSeconds` say when to come
    /// back; `code` is `rate_limited` unless the limit is one of a route's own.
    public static func tooManyRequests(
        retryAfter seconds: Int, message: String = "Too many requests; slow down.", code: String = "rate_limited"
    ) -> HTTPError {
        HTTPError(
            .tooManyRequests, code: code, message: message,
            details: ["retryAfterSeconds": .int(Int64(seconds))], headers: ["Retry-After": String(seconds)])
    }
}
