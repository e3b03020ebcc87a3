import Contract
import FoundationEssentials
import Glibc

/// What the points arithmetic needs to know about a sales order: its lines, its totals in minor
/// units (goods, shipping and discounts included, as the storefront reports them) and when it
/// was placed.
public struct OrderFacts: Sendable, Hashable {
    /// The order lines.
    public var lines: [OrderLine]
    /// The order total without VAT, in minor units.
    public var totalNet: Int64
    /// The order total with VAT, in minor units.
    public var totalGross: Int64
    /// When the customer placed the order.
    public var placedAt: Date

    /// Creates order facts.
    public init(lines: [OrderLine], totalNet: Int64, totalGross: Int64, placedAt: Date) {
        self.lines = lines
        self.totalNet = totalNet
        self.totalGross = totalGross
        self.placedAt = placedAt
    }
}
