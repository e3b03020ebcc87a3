import Contract
import FoundationEssentials
import Glibc

/// Prices an exchange order from the rewards catalogue: every product must be in it, active,
/// eligible under the program and priced above zero; the total must fit a 64-bit integer.
public enum ExchangePricing {
    /// The problems of the request's shape, naming `items[i].field`; empty when it is fine.
    public static func problems(of request: ExchangeOrderRequest) -> [LoyaltyValidationProblem] {
        var problems: [LoyaltyValidationProblem] = []
        if request.items.isEmpty {
            problems.append(.init(field: "items", message: "An exchange order needs at least one item."))
        } else if request.items.count > ExchangeOrderRequest.maximumItems {
            problems.append(.init(field: "items", message: "At most \(ExchangeOrderRequest.maximumItems) items."))
        }
        var seen = Set<String>()
        for (index, item) in request.items.enumerated() {
            if let problem = InputRules.identifierProblem(
                item.productId, field: "items[\(index)].productId", kind: ProductIdKind.self)
            {
                problems.append(problem)
            } else if !seen.insert(item.productId).inserted {
                problems.append(
                    .init(
                        field: "items[\(index)].productId",
                        message: "Each product may appear once; raise its quantity instead."))
            }
            if !(1...ExchangeOrderRequest.maximumQuantity).contains(item.quantity) {
                problems.append(
                    .init(
                        field: "items[\(index)].quantity",
                        message: "Must be between 1 and \(ExchangeOrderRequest.maximumQuantity)."
                    ))
            }
        }
        return problems
    }

    /// The priced items and their total; throws `ValidationFailure` naming each item that cannot
    /// be exchanged.
    public static func price(
        _ request: ExchangeOrderRequest,
        rewards: [String: RewardRecord],
        program: LoyaltyProgram
    ) throws(ValidationFailure) -> (items: [ExchangeOrderItem], total: Int64) {
        var problems: [LoyaltyValidationProblem] = []
        var items: [ExchangeOrderItem] = []
        var total: Int64 = 0
        for (index, requested) in request.items.enumerated() {
            let field = "items[\(index)].productId"
            guard let reward = rewards[requested.productId] else {
                problems.append(
                    .init(field: field, message: "\"\(requested.productId)\" is not in the rewards catalogue."))
                continue
            }
            guard reward.active else {
                problems.append(.init(field: field, message: "\"\(reward.name)\" cannot be exchanged at the moment."))
                continue
            }
            guard reward.isEligible(program: program) else {
                problems.append(
                    .init(field: field, message: "\"\(reward.name)\" is not eligible for points under the program."))
                continue
            }
            guard let unit = try? reward.pointsPrice(program: program), unit > 0 else {
                problems.append(.init(field: field, message: "\"\(reward.name)\" has no price in points."))
                continue
            }
            let (points, overflow) = unit.multipliedReportingOverflow(by: requested.quantity)
            let (sum, sumOverflow) = total.addingReportingOverflow(points)
            guard !overflow, !sumOverflow else {
                problems.append(.init(field: "items[\(index)].quantity", message: "The total in points is too large."))
                continue
            }
            total = sum
            items.append(
                ExchangeOrderItem(
                    productId: reward.productId, name: reward.name, category: reward.category,
                    quantity: requested.quantity, unitPoints: unit, points: points
                ))
        }
        try ValidationFailure.check(problems)
        return (items, total)
    }
}
