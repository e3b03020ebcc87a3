import FoundationEssentials

/// `POST /v1/campaigns/{id}/assignments` (and the query of `recipients.csv`): the customers to
/// give a code, by their orders in the campaign's currency (cancelled and refunded orders do not
/// count). At least one criterion is required. With `orderedFrom`/`orderedTo`, the value and the
/// count are those of the orders placed within the window; the window alone matches customers
/// with at least one order in it.
public struct AssignmentCriteria: Codable, Sendable, Hashable {
    /// The customer's orders are worth at least this much in total (minor units).
    public var ordersValueFrom: Int64?
    /// The customer placed at least this many orders.
    public var ordersCountFrom: Int64?
    /// The customer ordered at or after this instant…
    public var orderedFrom: Date?
    /// …and at or before this one.
    public var orderedTo: Date?
    /// E-mail each customer their code.
    public var notify: Bool?

    /// Creates the criteria.
    public init(
        ordersValueFrom: Int64? = nil, ordersCountFrom: Int64? = nil, orderedFrom: Date? = nil,
        orderedTo: Date? = nil, notify: Bool? = nil
    ) {
        self.ordersValueFrom = ordersValueFrom
        self.ordersCountFrom = ordersCountFrom
        self.orderedFrom = orderedFrom
        self.orderedTo = orderedTo
        self.notify = notify
    }
}

/// What an assignment did.
public struct AssignmentResult: Codable, Sendable, Hashable {
    /// Customers the criteria match.
    public var matched: Int64
    /// Codes assigned now.
    public var assigned: Int64
    /// Matching customers who had a code of the campaign already.
    public var alreadyAssigned: Int64
    /// E-mails queued.
    public var notified: Int64

    /// Creates the result.
    public init(matched: Int64, assigned: Int64, alreadyAssigned: Int64, notified: Int64) {
        self.matched = matched
        self.assigned = assigned
        self.alreadyAssigned = alreadyAssigned
        self.notified = notified
    }
}

/// `POST /v1/campaigns/{id}/purchases`: a customer buys one of the campaign's codes for points.
public struct CodePurchaseRequest: Codable, Sendable, Hashable {
    public var customerId: CustomerId

    /// Creates the request.
    public init(customerId: CustomerId) { self.customerId = customerId }
}

/// A code bought for points, now the customer's.
public struct CodePurchase: Codable, Sendable, Hashable {
    public var code: DiscountCode
    public var campaignId: Int64
    public var customerId: CustomerId
    public var pointsSpent: Int64
    public var purchasedAt: Date

    /// Creates the purchase.
    public init(code: DiscountCode, campaignId: Int64, customerId: CustomerId, pointsSpent: Int64, purchasedAt: Date) {
        self.code = code
        self.campaignId = campaignId
        self.customerId = customerId
        self.pointsSpent = pointsSpent
        self.purchasedAt = purchasedAt
    }
}

/// A code that belongs to a customer, with the terms they need to use it.
public struct CustomerCode: Codable, Sendable, Hashable {
    public var code: DiscountCode
    public var campaignId: Int64
    public var campaignName: String
    public var discount: CampaignDiscount
    public var currency: String
    public var minOrderValue: Int64?
    public var validFrom: Date?
    public var validTo: Date?
    public var active: Bool
    /// Whether an order has used it.
    public var used: Bool

    /// Creates the entry.
    public init(
        code: DiscountCode, campaignId: Int64, campaignName: String, discount: CampaignDiscount, currency: String,
        minOrderValue: Int64?, validFrom: Date?, validTo: Date?, active: Bool, used: Bool
    ) {
        self.code = code
        self.campaignId = campaignId
        self.campaignName = campaignName
        self.discount = discount
        self.currency = currency
        self.minOrderValue = minOrderValue
        self.validFrom = validFrom
        self.validTo = validTo
        self.active = active
        self.used = used
    }
}
