import HTTP

/// A refused catalogue or rule request: 404 for an unknown product or rule, 409 for a product
/// created twice.
extension CatalogueRefusal: HTTPResponseError {
    var status: HTTPStatus {
        if case .rewardExists = self { return .conflict }
        return .notFound
    }

    var code: String {
        switch self {
        case .noReward, .noRule: "not_found"
        case .rewardExists: "reward_exists"
        }
    }

    var message: String {
        switch self {
        case .noReward(let productId): "No reward for product \(productId)."
        case .rewardExists(let productId): "Product \(productId) is in the catalogue already; change it with PUT."
        case .noRule(let id): "No rule \(id)."
        }
    }
}
