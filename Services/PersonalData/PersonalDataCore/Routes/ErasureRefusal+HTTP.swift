import HTTP

/// 409 `confirmation_invalid` for a token that does not confirm the erasure; 404 for an unknown
/// erasure.
extension ErasureRefusal: HTTPResponseError {
    public var status: HTTPStatus {
        switch self {
        case .confirmationInvalid: return .conflict
        case .noErasure: return .notFound
        }
    }

    public var code: String {
        switch self {
        case .confirmationInvalid: return "confirmation_invalid"
        case .noErasure: return "erasure_not_found"
        }
    }

    public var message: String {
        switch self {
        case .confirmationInvalid:
            return "The confirmation token is not this customer's, was used, or has expired; ask for a new one."
        case .noErasure(let id): return "No erasure \(id)."
        }
    }
}

/// 503 `services_unavailable` naming the services an export could not ask.
extension PersonRights.ServicesUnavailable: HTTPResponseError {
    public var status: HTTPStatus { .serviceUnavailable }
    public var code: String { "services_unavailable" }
    public var message: String {
        "No export: \(services.joined(separator: ", ")) did not answer, and an export must be complete. Try again."
    }
    public var details: [String: ErrorDetail] { ["services": .strings(services)] }
}
