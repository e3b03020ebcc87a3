import Contract
import FoundationEssentials
import ServiceKit
import Store

/// Discounts' side of the privacy contract (`PrivacyEndpoints`): what it holds about a person and
/// their erasure under the pseudonym, every order value and discount kept.
enum DiscountsPrivacy {
    /// The person's codes (`CustomerCode`, those of archived campaigns too), redemptions
    /// (`Redemption`), purchases for points and the orders the gateway reported for them, each
    /// read a page at a time.
    static func subject(_ customerId: CustomerId, in connection: Connection) throws -> [String: JSONValue] {
        let id = customerId.text
        var holds: [String: JSONValue] = [:]
        holds["codes"] = try PrivacyEndpoints.records(
            PrivacyEndpoints.all(
                { try CustomerCodeRepository.page(id, after: $0, limit: $1, retired: true, in: connection) },
                position: \.position
            ).map(\.code))
        holds["redemptions"] = try PrivacyEndpoints.records(
            PrivacyEndpoints.all(
                { try DiscountsPrivacyRepository.redemptions(id, afterId: $0, limit: $1, in: connection) },
                position: \.id))
        holds["purchases"] = try PrivacyEndpoints.records(
            PrivacyEndpoints.all(
                { try DiscountsPrivacyRepository.purchases(id, afterId: $0, limit: $1, in: connection) },
                position: \.id
            ).map(HeldPurchase.init))
        holds["orders"] = try PrivacyEndpoints.records(
            PrivacyEndpoints.all(
                { try DiscountsPrivacyRepository.orders(id, after: $0, limit: $1, in: connection) },
                position: \.orderNumber))
        return holds
    }

    /// Renames the person to the pseudonym everywhere (`DiscountsPrivacyRepository.erase`).
    static func erase(_ erasure: SubjectErasure, in connection: Connection) throws -> Int64 {
        try DiscountsPrivacyRepository.erase(erasure, in: connection)
    }
}
