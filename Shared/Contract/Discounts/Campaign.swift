import FoundationEssentials

/// How a campaign's codes may be used.
public enum CampaignKind: String, Codable, Sendable, CaseIterable {
    /// Any number of orders may use each code.
    case multiUse
    /// Each code serves one order.
    case singleUse
    /// Each code belongs to one customer (by assignment or purchase) and serves one order of theirs.
    case assigned
}

/// Where a campaign's code generation stands.
public enum CampaignStatus: String, Codable, Sendable, CaseIterable {
    /// Codes are being written in the background; `progress` advances from 0 to 1.
    case generating
    /// Every code exists; they can be used.
    case ready
    /// Generation stopped for the reason in `failure`; the campaign's codes cannot be used.
    case failed
    /// Deleted after its codes were used: its codes no longer work, its history and statistics stay.
    case archived
}

/// What a campaign's codes take off an order: `{type: percent, value: 10}` (1–100),
/// `{type: amount, value: 2500}` (minor units of the campaign's currency) or `{type: freeShipping}`.
public struct CampaignDiscount: Codable, Sendable, Hashable {
    /// The three kinds of discount.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case percent, amount, freeShipping
    }

    public var type: Kind
    /// The percentage (1–100) or the amount in minor units (≥ 1); left out for free shipping.
    public var value: Int64?

    /// Creates a discount.
    public init(type: Kind, value: Int64? = nil) {
        self.type = type
        self.value = value
    }

    /// The largest amount a campaign may take off, in minor units (100,000,000.00).
    public static let maximumAmount: Int64 = 10_000_000_000
}

/// `POST /v1/campaigns`: a campaign and the codes to generate for it.
public struct CampaignInput: Codable, Sendable, Hashable {
    public var name: String
    public var kind: CampaignKind
    /// How many codes to generate, 1…`maximumCount`.
    public var count: Int64
    /// The codes work from this instant; left out, at once.
    public var validFrom: Date?
    /// The codes work until this instant; left out, without end.
    public var validTo: Date?
    public var discount: CampaignDiscount
    /// The least order value (goods, minor units) the codes take.
    public var minOrderValue: Int64?
    /// The price of one code in loyalty points, for customers who buy codes; left out, not for sale.
    public var pointsPrice: Int64?
    /// The generator mask (`PROMO<NUM:1000><RAND:10000:99999>`); left out, random codes of
    /// 12 characters from an alphabet without look-alikes.
    public var mask: String?
    /// ISO 4217 code of the orders the codes apply to.
    public var currency: String

    /// The most codes one campaign may have.
    public static let maximumCount: Int64 = 10_000_000
    /// The longest mask, in characters.
    public static let maximumMaskLength = 200

    /// Creates the request.
    public init(
        name: String, kind: CampaignKind, count: Int64, validFrom: Date? = nil, validTo: Date? = nil,
        discount: CampaignDiscount, minOrderValue: Int64? = nil, pointsPrice: Int64? = nil, mask: String? = nil,
        currency: String
    ) {
        self.name = name
        self.kind = kind
        self.count = count
        self.validFrom = validFrom
        self.validTo = validTo
        self.discount = discount
        self.minOrderValue = minOrderValue
        self.pointsPrice = pointsPrice
        self.mask = mask
        self.currency = currency
    }
}

/// A campaign as the admin sees it: its terms, the state of its generation and its use.
public struct Campaign: Codable, Sendable, Hashable {
    public var id: Int64
    public var name: String
    public var kind: CampaignKind
    /// The number of codes asked for.
    public var count: Int64
    public var validFrom: Date?
    public var validTo: Date?
    public var discount: CampaignDiscount
    public var minOrderValue: Int64?
    public var pointsPrice: Int64?
    public var currency: String
    public var mask: String?
    public var status: CampaignStatus
    /// The share of codes written, 0–1 (1 once ready).
    public var progress: Double
    /// Codes written so far.
    public var generated: Int64
    /// Codes with at least one live redemption.
    public var usedCount: Int64
    /// Why generation failed, for a `failed` campaign.
    public var failure: String?
    public var createdAt: Date
    /// When a campaign with used codes was deleted (and so archived).
    public var archivedAt: Date?

    /// Creates a campaign.
    public init(
        id: Int64, name: String, kind: CampaignKind, count: Int64, validFrom: Date?, validTo: Date?,
        discount: CampaignDiscount, minOrderValue: Int64?, pointsPrice: Int64?, currency: String, mask: String?,
        status: CampaignStatus, progress: Double, generated: Int64, usedCount: Int64, failure: String?,
        createdAt: Date, archivedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.count = count
        self.validFrom = validFrom
        self.validTo = validTo
        self.discount = discount
        self.minOrderValue = minOrderValue
        self.pointsPrice = pointsPrice
        self.currency = currency
        self.mask = mask
        self.status = status
        self.progress = progress
        self.generated = generated
        self.usedCount = usedCount
        self.failure = failure
        self.createdAt = createdAt
        self.archivedAt = archivedAt
    }
}

/// `PATCH /v1/campaigns/{id}`: the campaign's new name (its terms are fixed once codes exist).
public struct CampaignUpdate: Codable, Sendable, Hashable {
    public var name: String

    /// Creates the request.
    public init(name: String) { self.name = name }
}

/// The `time` filter of the campaign search.
public enum CampaignTime: String, Codable, Sendable, CaseIterable {
    /// Valid now: started (or no start) and not ended (or no end).
    case current
    /// Ended: `validTo` is in the past.
    case historical
    /// Every campaign that is not archived.
    case all
    /// Campaigns deleted after their codes were used.
    case archived
}
