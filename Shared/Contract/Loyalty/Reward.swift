import FoundationEssentials
import Glibc

/// A product of the rewards catalogue as the admin writes it (`POST /v1/rewards`,
/// `PUT /v1/rewards/{productId}`). `productId` may be left out of a PUT (the path names it).
public struct RewardInput: Codable, Sendable, Hashable {
    public var productId: String?
    public var name: String
    /// The product's category ("special department"), for category eligibility.
    public var category: String?
    /// The product's money price in minor units of `currency`.
    public var moneyPrice: Int64
    public var currency: String
    /// A price in points set by hand; it always wins over the computed one.
    public var manualPoints: Int64?
    /// Whether customers can exchange points for it; true when left out.
    public var active: Bool?

    /// Creates a reward request.
    public init(
        productId: String? = nil, name: String, category: String? = nil, moneyPrice: Int64, currency: String,
        manualPoints: Int64? = nil, active: Bool? = nil
    ) {
        self.productId = productId
        self.name = name
        self.category = category
        self.moneyPrice = moneyPrice
        self.currency = currency
        self.manualPoints = manualPoints
        self.active = active
    }
}

/// A product of the rewards catalogue with its price in points.
public struct Reward: Codable, Sendable, Hashable {
    public var productId: String
    public var name: String
    public var category: String?
    public var moneyPrice: Int64
    public var currency: String
    public var manualPoints: Int64?
    public var active: Bool
    /// The price in points: `manualPoints` when set, else computed from the money price by the
    /// program's `pointsPerCurrencyUnit`, rounded up.
    public var pointsPrice: Int64
    /// Whether the program's reward eligibility admits the product.
    public var eligible: Bool
    public var createdAt: Date
    public var updatedAt: Date

    /// Creates a reward.
    public init(
        productId: String, name: String, category: String?, moneyPrice: Int64, currency: String,
        manualPoints: Int64?, active: Bool, pointsPrice: Int64, eligible: Bool, createdAt: Date, updatedAt: Date
    ) {
        self.productId = productId
        self.name = name
        self.category = category
        self.moneyPrice = moneyPrice
        self.currency = currency
        self.manualPoints = manualPoints
        self.active = active
        self.pointsPrice = pointsPrice
        self.eligible = eligible
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
