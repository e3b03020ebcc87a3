import FoundationEssentials
import Glibc
import Primitives

extension LoyaltyRule {
    /// The problems that make this rule unusable, each naming its field; empty when it is fine.
    /// Checks what decoding alone cannot: how the fields fit together.
    public func validate() -> [LoyaltyValidationProblem] {
        var problems: [LoyaltyValidationProblem] = []
        func add(_ field: String, _ message: String) {
            problems.append(LoyaltyValidationProblem(field: field, message: message))
        }

        if name.trimmed().isEmpty {
            add("name", "The name must not be empty.")
        } else if name.count > Self.maximumNameLength {
            add("name", "The name must be at most \(Self.maximumNameLength) characters.")
        }

        switch (action, status) {
        case (.orderStatus, nil):
            add("status", "A rule on an order status needs the status.")
        case (.orderStatus, let status?) where !Self.earningStatuses.contains(status):
            add("status", "Points cannot be earned by cancelling or refunding an order.")
        case (.orderStatus, _), (_, nil):
            break
        case (_, _?):
            add("status", "Only a rule on an order status takes a status.")
        }

        if let from = conditions.validFrom, let to = conditions.validTo, from > to {
            add("conditions.validTo", "The end of the window must not be before its start.")
        }
        if let minimum = conditions.minOrderValue, minimum < 0 {
            add("conditions.minOrderValue", "The minimum order value must not be negative.")
        }
        validateList(conditions.productIds, field: "conditions.productIds", add: add)
        validateList(conditions.categories, field: "conditions.categories", add: add)

        if !action.isOrderAction {
            // A signup or a review has no value and no products to look at.
            if conditions.needsOrder {
                add("conditions", "Only order rules can have a minimum value, products or categories.")
            }
            if case .proportional = award {
                add("award", "Only order rules can award points in proportion to a value.")
            }
        }
        return problems
    }

    private func validateList(_ list: [String]?, field: String, add: (String, String) -> Void) {
        guard let list else { return }
        if list.isEmpty {
            add(field, "An empty list would match nothing; leave the condition out instead.")
        } else if list.contains(where: \.isEmpty) {
            add(field, "Entries must not be empty.")
        }
    }
}
