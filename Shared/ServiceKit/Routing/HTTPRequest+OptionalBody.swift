import Contract
import HTTP

extension HTTPRequest {
    /// The JSON body, or `fallback` when the body is empty (optional bodies).
    ///
    /// ```swift
    /// let rejection = try request.decodeIfPresent(ExchangeRejectionRequest.self, default: ExchangeRejectionRequest())
    /// ```
    public func decodeIfPresent<T: Decodable>(_ type: T.Type = T.self, default fallback: T) throws -> T {
        body.isEmpty ? fallback : try decode(type)
    }
}
