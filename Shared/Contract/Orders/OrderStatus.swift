import FoundationEssentials
import Glibc

/// The status of a sales order as the storefront reports it.
public enum OrderStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case created
    case paid
    case fulfilled
    case cancelled
    case refunded
}
