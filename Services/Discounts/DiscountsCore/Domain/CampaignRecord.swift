import Contract
import FoundationEssentials
import Store

/// A campaign as stored: its row, read once, and the view the admin gets of it.
struct CampaignRecord: Sendable, Equatable {
    var id: Int64
    var name: String
    var kind: CampaignKind
    var count: Int64
    var validFrom: Date?
    var validTo: Date?
    var discount: CampaignDiscount
    var minOrderValue: Int64?
    var pointsPrice: Int64?
    var currency: String
    var mask: String?
    /// `generating`, `ready` or `failed` as the generator left it.
    var status: CampaignStatus
    var generated: Int64
    var usedCount: Int64
    var failure: String?
    var createdAt: Date
    var archivedAt: Date?

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

    /// The admin's view: an archived campaign shows `archived` whatever its generation did.
    var view: Campaign {
        Campaign(
            id: id, name: name, kind: kind, count: count, validFrom: validFrom, validTo: validTo, discount: discount,
            minOrderValue: minOrderValue, pointsPrice: pointsPrice, currency: currency, mask: mask,
            status: archivedAt == nil ? status : .archived,
            progress: status == .ready ? 1 : Double(generated) / Double(max(count, 1)),
            generated: generated, usedCount: usedCount, failure: failure, createdAt: createdAt,
            archivedAt: archivedAt)
    }

    /// The name as the search compares it: folded to lower case, every script, not ASCII only.
    static func nameKey(_ name: String) -> String { name.lowercased() }

    private static func decode<T: RawRepresentable>(_ type: T.Type, _ raw: String) throws -> T
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
