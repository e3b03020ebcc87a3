import Contract
import Foundation
import HTTP
import Primitives
import ServiceKit
import Store
import TestSupport
import Testing

@testable import DiscountsCore

/// The discounts service in-process on 127.0.0.1:0 with a manual clock, for the checkout routes.
/// Campaigns and codes are written straight into its tables (ready at once), as the campaign
/// routes would leave them. Call `stop()` in a `defer`.
final class CheckoutTestService: @unchecked Sendable {
    // @unchecked: every stored property is immutable and itself thread-safe.
    static let admin = Principal(role: .admin, name: "Anna Admin")
    static let storefront = Principal(role: .storefront, name: "shop")
    static let gatewayFanOut = Principal(role: .service, name: "gateway")

    /// So many failures allowed that only the throttling tests, which pass the real rule, meet it.
    static let unthrottled = TokenBucketLimiter.Rule(perSecond: 1_000, burst: 1_000_000)

    /// A customer's token identity.
    static func customer(_ id: CustomerId) -> Principal { Principal(role: .customer, customerId: id) }

    let service: InProcessService
    let clock: ManualClock

    init(
        clock: ManualClock = ManualClock(),
        failureRule: TokenBucketLimiter.Rule = CheckoutTestService.unthrottled
    ) throws {
        self.clock = clock
        service = try InProcessService(
            DiscountsService.definition(clock: clock.wall, monotonic: clock.monotonic, failureRule: failureRule),
            logLevel: .error)
    }

    func stop() { service.stop() }

    var database: Database { service.environment.database }

    // MARK: - Rows

    /// Inserts a ready campaign; returns its id. Times are seconds from the clock's start.
    @discardableResult
    func campaign(
        kind: CampaignKind = .singleUse, discount: CampaignDiscount = CampaignDiscount(type: .percent, value: 10),
        from: TimeInterval? = nil, to: TimeInterval? = nil, minimum: Int64? = nil, currency: String = "PLN",
        status: CampaignStatus = .ready, name: String = "Spring sale", count: Int64 = 1
    ) throws -> Int64 {
        let start = clock.date
        return try database.write { connection in
            try connection.run(
                """
                INSERT INTO campaigns (name, kind, code_count, valid_from, valid_to, discount_type, discount_value,
                    min_order_value, currency, status, generated, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, name, kind.rawValue, count, from.map { start.addingTimeInterval($0) },
                to.map { start.addingTimeInterval($0) }, discount.type.rawValue, discount.value, minimum, currency,
                status.rawValue, status == .ready ? count : 0, start)
            return connection.lastInsertRowID
        }
    }

    /// Inserts a code (upper-cased, as the generator stores it) of campaign `campaignId`.
    @discardableResult
    func code(
        _ text: String, campaign campaignId: Int64, customer: String? = nil, active: Bool = true,
        assignedAt: Date? = nil
    ) throws -> Int64 {
        try database.write { connection in
            try connection.run(
                "INSERT INTO codes (code, campaign_id, active, customer_id, assigned_at) VALUES (?, ?, ?, ?, ?)",
                text.uppercased(), campaignId, active, customer, assignedAt ?? (customer == nil ? nil : clock.date))
            return connection.lastInsertRowID
        }
    }

    /// A campaign of `kind` with one code `text`.
    @discardableResult
    func singleCode(
        _ text: String, kind: CampaignKind = .singleUse,
        discount: CampaignDiscount = CampaignDiscount(type: .percent, value: 10), customer: String? = nil
    ) throws -> Int64 {
        let id = try campaign(kind: kind, discount: discount)
        try code(text, campaign: id, customer: customer)
        return id
    }

    /// `codes.use_count` of the code and `campaigns.used_count` of its campaign.
    func counts(_ code: String) throws -> (uses: Int64, campaignUsed: Int64) {
        try database.read { connection in
            let row = try #require(
                try connection.queryOne(
                    """
                    SELECT c.use_count, k.used_count FROM codes c JOIN campaigns k ON k.id = c.campaign_id
                    WHERE c.code = ?
                    """, code.uppercased()))
            return (try row.get("use_count"), try row.get("used_count"))
        }
    }

    /// Live redemptions of the code.
    func liveRedemptions(_ code: String) throws -> Int64 {
        try database.read { connection in
            try connection.scalar(
                """
                SELECT count(*) FROM redemptions r JOIN codes c ON c.id = r.code_id
                WHERE c.code = ? AND r.released_at IS NULL
                """, code.uppercased(), as: Int64.self) ?? 0
        }
    }

    // MARK: - Calls

    /// `POST /v1/validations`.
    func validate(
        _ code: DiscountCode, customer: CustomerId? = nil, value: Int64 = 10_000, shipping: Int64 = 1_500,
        currency: String = "PLN", as principal: Principal = storefront, headers: HTTPHeaders = [:]
    ) throws -> HTTPClientResponse {
        try service.call(
            .post, "/v1/validations",
            json: CodeValidationRequest(
                code: code, customerId: customer, orderValue: value, shippingCost: shipping, currency: currency),
            as: principal, headers: headers)
    }

    /// The validation's answer, requiring a 200.
    func validation(
        _ code: DiscountCode, customer: CustomerId? = nil, value: Int64 = 10_000, shipping: Int64 = 1_500,
        currency: String = "PLN", as principal: Principal = storefront
    ) throws -> CodeValidation {
        let response = try validate(
            code, customer: customer, value: value, shipping: shipping, currency: currency, as: principal)
        try #require(response.status == .ok, "validation: \(response.status) \(response.text)")
        return try response.decode()
    }

    /// `POST /v1/redemptions`.
    func redeem(
        _ code: DiscountCode, order: OrderNumber, customer: CustomerId? = nil, value: Int64 = 10_000,
        shipping: Int64 = 1_500, currency: String = "PLN", as principal: Principal = storefront,
        headers: HTTPHeaders = [:]
    ) throws -> HTTPClientResponse {
        try service.call(
            .post, "/v1/redemptions",
            json: RedemptionRequest(
                code: code, customerId: customer, orderNumber: order, orderValue: value, shippingCost: shipping,
                currency: currency),
            as: principal, headers: headers)
    }

    /// `DELETE /v1/redemptions/{id}`.
    func release(_ id: Int64, as principal: Principal = storefront) throws -> HTTPClientResponse {
        try service.call(.delete, "/v1/redemptions/\(id)", as: principal)
    }

    /// Delivers an order version as the gateway's fan-out would, requiring a 204.
    func deliver(
        _ number: OrderNumber, sequence: Int64, status: OrderStatus = .paid, code: DiscountCode? = nil,
        customer: CustomerId? = "c-1", goods: Int64 = 10_000, shipping: Int64 = 1_500, currency: String = "PLN",
        placedAt: Date? = nil
    ) throws {
        let order = OrderDocument(
            customerId: customer,
            buyer: Buyer(
                name: "Jan Nowak", street: "Polna 1", postcode: "00-001", city: "Warszawa", email: "jan@example.pl",
                phone: "+48 600 000 000"),
            currency: currency,
            lines: [OrderLine(productId: "p-1", name: "Kubek", quantity: 1, unitNet: goods, unitGross: goods)],
            shipping: ShippingCost(net: shipping, gross: shipping), totalNet: goods + shipping,
            totalGross: goods + shipping, discountCode: code, status: status, placedAt: placedAt ?? clock.date)
        let event = DiscountOrderEvent(
            eventId: "discounts:\(number):\(sequence)", orderNumber: number, sequence: sequence, order: order)
        let response = try service.call(
            .post, "/v1/orders/\(number)/events", json: event, as: Self.gatewayFanOut)
        try #require(response.status == .noContent, "order event: \(response.status) \(response.text)")
    }
}
