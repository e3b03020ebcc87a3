/// Where a helpdesk thread stands (seed 004, "BOK"): reported by the customer, answered by an
/// operator or the customer, closed, or forwarded to one of the shop's departments.
public enum ThreadStatus: String, Codable, Sendable, CaseIterable {
    /// New: the customer wrote.
    case reported
    case operatorReplied
    case customerReplied
    case closed
    case forwardedMarketing
    case forwardedSales
    case forwardedPayments
    case forwardedManager
}
