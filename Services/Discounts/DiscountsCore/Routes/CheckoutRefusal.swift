import Contract
import HTTP

/// A redemption or release refused, as the routes declare it (`DiscountsRoutes`).
enum CheckoutRefusal: HTTPResponseError {
    /// 409 `code_used`: an exclusive code another order holds.
    case codeUsed
    /// 409 `code_not_usable` (the request is sound, the code's state or terms refuse it); the reason as the caller may see it (`notFound` for non-admins).
    case notUsable(shownReason: String)
    /// 404: no redemption with this id.
    case noRedemption(Int64)

    var status: HTTPStatus {
        switch self {
        case .codeUsed: .conflict
        case .notUsable: .conflict
        case .noRedemption: .notFound
        }
    }

    var code: String {
        switch self {
        case .codeUsed: "code_used"
        case .notUsable: "code_not_usable"
        case .noRedemption: "not_found"
        }
    }

    var message: String {
        switch self {
        case .codeUsed: "The code is single-use and another order has it."
        case .notUsable(let reason): "The code cannot be used on this order (\(reason))."
        case .noRedemption(let id): "No redemption \(id)."
        }
    }

    var details: [String: ErrorDetail] {
        guard case .notUsable(let reason) = self else { return [:] }
        return ["reason": .string(reason)]
    }
}
