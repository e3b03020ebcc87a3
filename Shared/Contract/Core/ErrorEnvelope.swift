/// The body of every non-2xx answer:
/// `{"error": {"code": "…", "message": "…", "details": {…}}, "requestId": "…"}`.
public struct ErrorEnvelope: Codable, Sendable, Equatable {
    public struct Body: Codable, Sendable, Equatable {
        public var code: String
        public var message: String
        public var details: [String: JSONValue]?

        public init(code: String, message: String, details: [String: JSONValue]? = nil) {
            self.code = code
            self.message = message
            self.details = details
        }
    }

    public var error: Body
    public var requestId: String?

    public init(error: Body, requestId: String?) {
        self.error = error
        self.requestId = requestId
    }
}
