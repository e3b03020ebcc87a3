import Contract
import FoundationEssentials
import Store

/// Reading a campaign from its row.
extension CampaignRecord {
    /// The columns `init(row:)` reads, for `SELECT \(CampaignRecord.columns) FROM campaigns`.
    static let columns = """
        id, name, kind, code_count, valid_from, valid_to, discount_type, discount_value, min_order_value,
        points_price, currency, mask, status, generated, used_count, failure, created_at, archived_at
        """

    init(row: Row) throws {
        id = try row.get("id")
        name = try row.get("name")
        kind = try Self.decode(CampaignKind.self, try row.get("kind"))
        count = try row.get("code_count")
        validFrom = try row.get("valid_from")
        validTo = try row.get("valid_to")
        discount = CampaignDiscount(
            type: try Self.decode(CampaignDiscount.Kind.self, try row.get("discount_type")),
            value: try row.get("discount_value"))
        minOrderValue = try row.get("min_order_value")
        pointsPrice = try row.get("points_price")
        currency = try row.get("currency")
        mask = try row.get("mask")
        status = try Self.decode(CampaignStatus.self, try row.get("status"))
        generated = try row.get("generated")
        usedCount = try row.get("used_count")
        failure = try row.get("failure")
        createdAt = try row.get("created_at")
        archivedAt = try row.get("archived_at")
    }

    fileprivate static func decode<T: RawRepresentable>(_ type: T.Type, _ raw: String) throws -> T
    where T.RawValue == String {
        guard let value = T(rawValue: raw) else { throw CampaignRowError("unknown \(T.self) '\(raw)'") }
        return value
    }
}

/// A campaign row holding a value the code does not know (a hand-edited database).
struct CampaignRowError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
