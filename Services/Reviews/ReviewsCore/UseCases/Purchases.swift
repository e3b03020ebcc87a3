import Contract
import Store

/// Who bought what, from the gateway's order fan-out: the "verified purchase" mark of a review is
/// read from it, so a later payment, cancellation or refund shows on reviews already posted.
enum Purchases {
    /// Applies one version of an order in the caller's transaction; false when a later version
    /// was applied already.
    static func apply(_ event: ReviewOrderEvent, in connection: Connection) throws -> Bool {
        try PurchaseRepository.apply(event, in: connection)
    }
}
