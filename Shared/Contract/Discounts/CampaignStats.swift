/// `GET /v1/campaigns/{id}/stats`: the orders that used the campaign's codes, in minor units of
/// its currency. Released redemptions (cancelled orders) do not count.
public struct CampaignStats: Codable, Sendable {
    public var summary: CodeUsage
    /// Per code, for the codes with at least one order, most orders first; paged by `limit` and
    /// `cursor` like any list.
    public var perCode: Page<CodeUsage>

    /// Creates the statistics.
    public init(summary: CodeUsage, perCode: Page<CodeUsage>) {
        self.summary = summary
        self.perCode = perCode
    }
}

/// Orders, their value and the discount granted, for one code or (without `code`) a whole campaign.
public struct CodeUsage: Codable, Sendable, Hashable {
    /// The code; left out in a campaign's summary.
    public var code: DiscountCode?
    /// Orders that used the code(s).
    public var orders: Int64
    /// Their goods value, in minor units.
    public var orderValue: Int64
    /// The discount they were granted, in minor units (shipping given free included).
    public var discountGranted: Int64
    /// Distinct codes used (1 for one code).
    public var codesUsed: Int64

    /// Creates the figures.
    public init(code: DiscountCode? = nil, orders: Int64, orderValue: Int64, discountGranted: Int64, codesUsed: Int64) {
        self.code = code
        self.orders = orders
        self.orderValue = orderValue
        self.discountGranted = discountGranted
        self.codesUsed = codesUsed
    }
}
