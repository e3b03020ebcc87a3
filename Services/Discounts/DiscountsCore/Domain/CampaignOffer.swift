import Contract
import FoundationEssentials

/// A campaign as assignment and purchase see it: what its codes give (for the e-mail), whether
/// they can be handed out now, and their price in points.
struct CampaignOffer: Sendable, Equatable {
    var id: Int64
    var name: String
    var kind: CampaignKind
    /// `generating`, `ready` or `failed`, as stored.
    var status: CampaignStatus
    /// Set once the campaign was deleted with used codes: its codes no longer work.
    var archivedAt: Date?
    var discount: CampaignDiscount
    var currency: String
    var minOrderValue: Int64?
    var validFrom: Date?
    var validTo: Date?
    var pointsPrice: Int64?

    /// Whether its codes may be given out: generated in full and not archived.
    var isReady: Bool { status == .ready && archivedAt == nil }

    /// The state a caller is told about when the campaign is not ready.
    var shownStatus: CampaignStatus { archivedAt == nil ? status : .archived }
}

/// Why a code could not be given to a customer. Plain values; their HTTP answers are in
/// `OwnershipRefusal+HTTP.swift`.
enum OwnershipRefusal: Error, Sendable, Equatable {
    /// No campaign with that id.
    case noCampaign(Int64)
    /// The campaign has no points price, so it is not sold.
    case notForSale(Int64)
    /// Still generating, failed or archived.
    case notReady(Int64, CampaignStatus)
    /// Fewer free codes than customers who need one; nothing (more) was assigned.
    case notEnoughCodes(needed: Int64, free: Int64, assigned: Int64)
    /// No free code is left for a purchase.
    case noFreeCodes(Int64)
}
