import Contract
import FoundationEssentials

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
}
