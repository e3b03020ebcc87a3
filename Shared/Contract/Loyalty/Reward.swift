import FoundationEssentials
import Glibc

/// A product of the rewards catalogue as the admin writes it (`POST /v1/rewards`,
/// `PUT /v1/rewards/{productId}`). `productId` may be left out of a PUT (the path names it).
/// A reward has a price in points set by hand (`pointsPrice`), or a money price and currency to
/// compute one from by the program's rate, or both (the price set by hand wins).
/// Unknown fields are refused, so a misspelt price is never silently dropped.
public struct RewardInput: Codable, Sendable, Hashable {
    public var productId: String?
    public var name: String
    /// The product's category ("special department"), for category eligibility.
    public var category: String?
    /// The product's money price in minor units of `currency`; needed only without `pointsPrice`.
    public var moneyPrice: Int64?
    public var currency: String?
    /// The price in points set by hand; it always wins over the computed one.
    public var pointsPrice: Int64?
    /// Whether customers can exchange points for it; true when left out.
    public var active: Bool?

    /// Creates a reward request.
    public init(
        productId: String? = nil, name: String, category: String? = nil, moneyPrice: Int64? = nil,
        currency: String? = nil, pointsPrice: Int64? = nil, active: Bool? = nil
    ) {
        self.productId = productId
        self.name = name
        self.category = category
        self.moneyPrice = moneyPrice
        self.currency = currency
        self.pointsPrice = pointsPrice
        self.active = active
    }
}

/// A product of the rewards catalogue with its price in points, under the same field names as
/// `RewardInput`.
public struct Reward: Codable, Sendable, Hashable {
    public var productId: String
    public var name: String
    public var category: String?
    public var moneyPrice: Int64?
    public var currency: String?
    /// The price in points: the one set by hand when there is one, else computed from the money
    /// price by the program's `pointsPerCurrencyUnit`, rounded up.
    public var pointsPrice: Int64
    /// Whether `pointsPrice` was set by hand (false: computed from the money price).
    public var pointsPriceSetByHand: Bool
    public var active: Bool
    /// Whether the program's reward eligibility admits the product.
    public var eligible: Bool
    public var createdAt: Date
    public var updatedAt: Date

    /// Creates a reward.
    public init(
        productId: String, name: String, category: String?, moneyPrice: Int64?, currency: String?,
        pointsPrice: Int64, pointsPriceSetByHand: Bool, active: Bool, eligible: Bool, createdAt: Date,
        updatedAt: Date
    ) {
        self.productId = productId
        self.name = name
        self.category = category
        self.moneyPrice = moneyPrice
        self.currency = currency
        self.pointsPrice = pointsPrice
        self.pointsPriceSetByHand = pointsPriceSetByHand
        self.active = active
        self.eligible = eligible
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
