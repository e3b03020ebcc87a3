/// The moves an exchange order allows once placed: the admin's "Exchanged" mark goes on and off
/// until the order is rejected, and rejecting needs an unmarked order that was not rejected
/// before. Rejected is final.
enum ExchangeOrderTransition {
    /// Whether setting the mark to `exchanged` changes `record`; a rejected order refuses.
    static func mark(_ record: ExchangeOrderRecord, exchanged: Bool) throws(ExchangeOrderRefusal) -> Bool {
        guard record.rejectedAt == nil else { throw .markingRejected(record.id) }
        return record.exchanged != exchanged
    }

    /// Checks that `record` may be rejected: not rejected already, not marked exchanged.
    static func reject(_ record: ExchangeOrderRecord) throws(ExchangeOrderRefusal) {
        guard record.rejectedAt == nil else { throw .alreadyRejected(record.id) }
        guard !record.exchanged else { throw .alreadyExchanged(record.id) }
    }
}
