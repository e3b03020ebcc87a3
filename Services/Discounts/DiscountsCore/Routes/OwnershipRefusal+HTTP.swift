import Contract
import HTTP

/// The answers of `OwnershipRefusal`, as `DiscountsRoutes.assign` and `.purchase` declare them.
extension OwnershipRefusal: HTTPResponseError {
    var status: HTTPStatus {
        switch self {
        case .noCampaign, .notForSale: return .notFound
        case .notReady, .notEnoughCodes, .noFreeCodes: return .conflict
        }
    }

    var code: String {
        switch self {
        case .noCampaign, .notForSale: return "not_found"
        case .notReady: return "campaign_not_ready"
        case .notEnoughCodes: return "not_enough_codes"
        case .noFreeCodes: return "no_free_codes"
        }
    }

    var message: String {
        switch self {
        case .noCampaign(let id):
            return "No campaign \(id)."
        case .notForSale(let id):
            return "Campaign \(id) is not sold for points."
        case .notReady(let id, let status):
            return "Campaign \(id) is \(status.rawValue): its codes cannot be given out."
        case .notEnoughCodes(let needed, let free, let assigned):
            let done = assigned > 0 ? " \(assigned) were assigned before the codes ran out." : " Nothing was assigned."
            return "\(needed) customers need a code but the campaign has \(free) free; \(needed - free) missing."
                + done
        case .noFreeCodes(let id):
            return "Every code of campaign \(id) is taken."
        }
    }

    var details: [String: ErrorDetail] {
        switch self {
        case .noCampaign, .notForSale, .noFreeCodes:
            return [:]
        case .notReady(_, let status):
            return ["status": .string(status.rawValue)]
        case .notEnoughCodes(let needed, let free, let assigned):
            return [
                "missing": .int(needed - free), "needed": .int(needed), "free": .int(free), "assigned": .int(assigned),
            ]
        }
    }
}
