import FoundationEssentials
import Glibc

/// The conditions of an earning rule; every one that is given must hold, not just any
/// one of them. An absent condition does not restrict anything.
public struct RuleConditions: Codable, Sendable, Hashable {
    /// The least total gross value of the order, in minor units.
    public var minOrderValue: Int64?
    /// The first instant the rule applies (inclusive).
    public var validFrom: Date?
    /// The last instant the rule applies (inclusive).
    public var validTo: Date?
    /// The order must contain one of these products, and only their lines earn.
    public var productIds: [String]?
    /// The order must contain a product of one of these categories, and only their lines earn.
    public var categories: [String]?

    /// Conditions that restrict nothing.
    public static let none = RuleConditions()

    /// Creates rule conditions.
    public init(
        minOrderValue: Int64? = nil,
        validFrom: Date? = nil,
        validTo: Date? = nil,
        productIds: [String]? = nil,
        categories: [String]? = nil
    ) {
        self.minOrderValue = minOrderValue
        self.validFrom = validFrom
        self.validTo = validTo
        self.productIds = productIds
        self.categories = categories
    }

    /// Whether the conditions look at the order's contents or value, which only orders have.
    public var needsOrder: Bool {
        minOrderValue != nil || productIds != nil || categories != nil
    }

    /// Whether a line belongs to the rule's product set: its product is listed (when products are
    /// given) and its category is listed (when categories are given).
    public func selects(productId: ProductId, category: String?) -> Bool {
        if let productIds, !productId.isAmong(productIds) { return false }
        if let categories {
            guard let category, categories.contains(category) else { return false }
        }
        return true
    }
}
