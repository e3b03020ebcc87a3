import Contract
import FoundationEssentials
import Store

/// Reads a campaign's terms for assignment and purchase.
enum CampaignOfferRepository {
    /// The campaign with `id`, or nil.
    static func find(_ id: Int64, in connection: Connection) throws -> CampaignOffer? {
        guard
            let row = try connection.queryOne(
                """
                SELECT id, name, kind, status, archived_at, discount_type, discount_value, currency,
                    min_order_value, valid_from, valid_to, points_price
                FROM campaigns WHERE id = ?
                """, id)
        else { return nil }
        return CampaignOffer(
            id: try row.get("id"), name: try row.get("name"), kind: try enumValue(row, "kind"),
            status: try enumValue(row, "status"), archivedAt: try row.get("archived_at"),
            discount: CampaignDiscount(type: try enumValue(row, "discount_type"), value: try row.get("discount_value")),
            currency: try row.get("currency"), minOrderValue: try row.get("min_order_value"),
            validFrom: try row.get("valid_from"), validTo: try row.get("valid_to"),
            pointsPrice: try row.get("points_price"))
    }

    /// The campaign, ready to give out codes: `noCampaign` or `notReady` otherwise.
    static func ready(_ id: Int64, in connection: Connection) throws -> CampaignOffer {
        guard let offer = try find(id, in: connection) else { throw OwnershipRefusal.noCampaign(id) }
        guard offer.isReady else { throw OwnershipRefusal.notReady(id, offer.shownStatus) }
        return offer
    }

    private static func enumValue<Value: RawRepresentable>(_ row: Row, _ column: String) throws -> Value
    where Value.RawValue == String {
        let text: String = try row.get(column)
        guard let value = Value(rawValue: text) else { throw UnknownStoredValue(column: column, text: text) }
        return value
    }
}

/// A stored word the code does not know (a row written by a newer version, or by hand).
struct UnknownStoredValue: Error, CustomStringConvertible {
    let column: String
    let text: String
    var description: String { "column \(column) holds \(text.debugDescription)" }
}
