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

extension TokenBucketLimiter {
    /// Spends one of `key`'s requests, or throws the 429 with `code` and `message` and the
    /// seconds until a request is there again.
    public func spend(_ key: String, code: String, message: String) throws(HTTPError) {
        if case .limited(let seconds) = acquire(key) {
            throw HTTPError.tooManyRequests(retryAfter: seconds, message: message, code: code)
        }
    }
}
