import HTTP

/// 404s naming what the registry does not hold.
extension RegistryRefusal: HTTPResponseError {
    public var status: HTTPStatus { .notFound }

    public var code: String {
        switch self {
        case .noCustomer, .noOrder: return "not_found"
        case .noDisclosure: return "disclosure_not_found"
        }
    }

    public var message: String {
        switch self {
        case .noCustomer(let id): return "The customer base has no customer \(id)."
        case .noOrder(let number): return "The order base has no order \(number)."
        case .noDisclosure(let id): return "No disclosure \(id)."
        }
    }
}
