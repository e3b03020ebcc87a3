import Contract
import FoundationEssentials
import ServiceKit
import Store

/// Loyalty's side of the privacy contract (`PrivacyEndpoints`): what it holds about a person, in
/// the forms its routes answer, and their erasure under the pseudonym with every amount kept.
enum LoyaltyPrivacy {
    /// The person's account (`CustomerPoints`), whole history (`HistoryEntry`, newest first),
    /// exchange orders (`ExchangeOrder`, as the admin sees them), debits (`PointDebit`), orders
    /// with their awards (`OrderPoints`) and activities. Lots are left out: the account's
    /// expiring points and the history's credits say what they hold. Lists are read a page at a
    /// time through the routes' own reads.
    static func subject(_ customerId: CustomerId, in connection: Connection) throws -> [String: JSONValue] {
        let id = customerId.text
        var holds: [String: JSONValue] = [:]
        if try LoyaltyPrivacyRepository.hasAccount(id, in: connection) {
            holds["account"] = try PrivacyEndpoints.record(AccountRepository.summary(id, in: connection))
        }
        holds["history"] = try PrivacyEndpoints.records(
            PrivacyEndpoints.all(
                { try HistoryRepository.page(id, beforeId: $0, limit: $1, in: connection) }, position: \.id))
        let filter = ExchangeOrderRepository.Filter(customerId: id)
        holds["exchangeOrders"] = try PrivacyEndpoints.records(
            PrivacyEndpoints.all(
                { try ExchangeOrderRepository.list(filter, beforeId: $0, limit: $1, in: connection) }, position: \.id
            ).map { $0.view(forAdmin: true) })
        holds["pointDebits"] = try PrivacyEndpoints.records(LoyaltyPrivacyRepository.debits(id, in: connection))
        holds["orders"] = try PrivacyEndpoints.records(
            PrivacyEndpoints.all(
                { try LoyaltyPrivacyRepository.orderNumbers(id, after: $0, limit: $1, in: connection) },
                position: { $0 }
            ).compactMap { try order($0, in: connection) })
        holds["activities"] = try PrivacyEndpoints.records(LoyaltyPrivacyRepository.activities(id, in: connection))
        return holds
    }

    /// Renames the person to the pseudonym everywhere (`LoyaltyPrivacyRepository.erase`).
    static func erase(_ erasure: SubjectErasure, in connection: Connection) throws -> Int64 {
        try LoyaltyPrivacyRepository.erase(erasure, in: connection)
    }

    /// Order `orderNumber` with its awards, as the order-event route answers it.
    private static func order(_ orderNumber: String, in connection: Connection) throws -> OrderPoints? {
        guard let order = try OrderRepository.find(orderNumber, in: connection) else { return nil }
        return OrderPoints(
            orderNumber: order.orderNumber, customerId: order.customerId, status: order.status,
            lastSequence: order.lastSequence, outcome: nil,
            awards: try OrderRepository.awards(orderNumber, in: connection).map(\.view))
    }
}
