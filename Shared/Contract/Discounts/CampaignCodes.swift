import FoundationEssentials

/// One code of a campaign in the admin's list: whom it is assigned to, its last use, whether it works.
public struct CampaignCode: Codable, Sendable, Hashable {
    public var code: DiscountCode
    public var active: Bool
    /// The customer the code belongs to (assigned or bought).
    public var customerId: CustomerId?
    /// The order of its latest live redemption.
    public var orderNumber: OrderNumber?
    /// When that redemption was made.
    public var usedAt: Date?
    /// How many live redemptions the code has.
    public var uses: Int64

    /// Creates an entry.
    public init(
        code: DiscountCode, active: Bool, customerId: CustomerId?, orderNumber: OrderNumber?, usedAt: Date?,
        uses: Int64
    ) {
        self.code = code
        self.active = active
        self.customerId = customerId
        self.orderNumber = orderNumber
        self.usedAt = usedAt
        self.uses = uses
    }
}

/// `POST /v1/campaigns/{id}/codes/activation`: switch the listed codes, or every code of the
/// campaign (`all: true`), on or off.
public struct CodeActivationRequest: Codable, Sendable, Hashable {
    /// The codes to switch (1–`maximumCodes`), in any letter case; or leave out and send `all`.
    public var codes: [DiscountCode]?
    /// Every code of the campaign.
    public var all: Bool?
    public var active: Bool

    /// The most codes one request may list.
    public static let maximumCodes = 10_000

    /// Creates the request.
    public init(codes: [DiscountCode]? = nil, all: Bool? = nil, active: Bool) {
        self.codes = codes
        self.all = all
        self.active = active
    }
}

/// What an activation changed.
public struct CodeActivationResult: Codable, Sendable, Hashable {
    /// Codes whose state changed.
    public var changed: Int64
    /// Listed codes that are not codes of the campaign (none with `all`).
    public var notFound: [DiscountCode]

    /// Creates the result.
    public init(changed: Int64, notFound: [DiscountCode]) {
        self.changed = changed
        self.notFound = notFound
    }
}

/// `POST /v1/campaigns/preview`: what a mask would give, nothing written.
public struct MaskPreviewRequest: Codable, Sendable, Hashable {
    public var mask: String
    /// The number of codes the campaign would have, 1…`CampaignInput.maximumCount`.
    public var count: Int64

    /// The most codes a preview shows.
    public static let shownCodes = 20

    /// Creates the request.
    public init(mask: String, count: Int64) {
        self.mask = mask
        self.count = count
    }
}

/// The first codes a mask gives and how many it can give.
public struct MaskPreview: Codable, Sendable, Hashable {
    /// The first codes, at most `MaskPreviewRequest.shownCodes` (random parts drawn for the preview).
    public var codes: [String]
    /// How many distinct codes the mask can give (capped at 9223372036854775807).
    public var keySpace: Int64
    /// How many of those are not codes of the shop already.
    public var available: Int64
    /// Whether `count` codes can be generated.
    public var enough: Bool

    /// Creates a preview.
    public init(codes: [String], keySpace: Int64, available: Int64, enough: Bool) {
        self.codes = codes
        self.keySpace = keySpace
        self.available = available
        self.enough = enough
    }
}
