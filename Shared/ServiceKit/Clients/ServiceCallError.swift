import HTTP

/// A non-2xx answer from another service, carried on with its status and envelope so a caller can
/// pass it through unchanged.
public struct ServiceCallError: HTTPResponseError, CustomStringConvertible {
    public let status: HTTPStatus
    public let code: String
    public let message: String
    public let service: String
    /// The envelope's details that an error answer can carry on: strings, whole numbers, true or
    /// false, and lists of strings (nested objects are left out).
    public let details: [String: ErrorDetail]

    public init(
        status: HTTPStatus, code: String, message: String, service: String, details: [String: ErrorDetail] = [:]
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.service = service
        self.details = details
    }

    public var description: String { "\(service) answered \(status.code) \(code): \(message)" }
}
