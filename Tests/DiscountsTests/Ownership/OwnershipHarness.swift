import Contract
import Foundation
import HTTP
import Primitives
import ServiceKit
import Store
import TestSupport
import Testing

@testable import DiscountsCore
@testable import LoyaltyCore

/// Discounts served in process beside a real loyalty service (for purchases) and a fake SMTP
/// relay (for assignment mail), with campaigns, codes and orders written straight into the
/// discounts database, as the campaign and checkout routes would leave them. Call `stop()` in a
/// `defer`.
final class OwnershipHarness: @unchecked Sendable {
    // @unchecked: every stored property is immutable and itself thread-safe.
    static let admin = Principal(role: .admin, name: "tester")
    static let storefront = Principal(role: .storefront, name: "shop")
    static func customer(_ id: String) -> Principal { Principal(role: .customer, customerId: CustomerId(id)) }

    let smtp: FakeSMTPServer
    let loyalty: InProcessService
    let discounts: InProcessService
    let clock: ManualClock

    /// `loyaltyURL` overrides where discounts finds loyalty (an address nobody listens on, to
    /// test an unreachable loyalty).
    init(loyaltyURL: Upstream? = nil, recoveryInterval: Duration = .seconds(3600)) throws {
        smtp = try FakeSMTPServer()
        clock = ManualClock()
        loyalty = try InProcessService(LoyaltyService.definition(clock: clock.wall, expiryInterval: .seconds(3600)))
        discounts = try InProcessService(
            DiscountsService.definition(
                clock: clock.wall,
                // A campaign inserted as `generating` stays so: the job writes one code, then rests.
                generation: GenerationSettings(chunkSize: 1, roundSize: 1, pause: .seconds(600)),
                purchaseRecoveryInterval: recoveryInterval),
            serviceURLs: ["loyalty": loyaltyURL ?? loyalty.upstream],
            environment: ["ZAPLECZE_SMTP_URL": smtp.url])
    }

    func stop() {
        discounts.stop()
        loyalty.stop()
        smtp.stop()
    }

    var database: Database { discounts.environment.database }

    // MARK: - Rows

    /// Inserts a campaign (ready unless said otherwise) with `codes` codes `<prefix>0001…`;
    /// returns its id.
    @discardableResult
    func campaign(
        codes: Int, status: String = "ready", kind: String = "assigned", pointsPrice: Int64? = nil,
        currency: String = "PLN", prefix: String = "CODE", archived: Bool = false, name: String = "Wiosna"
    ) throws -> Int64 {
        let now = clock.date
        return try database.write { connection in
            try connection.run(
                """
                INSERT INTO campaigns (name, kind, code_count, discount_type, discount_value, min_order_value,
                    points_price, currency, status, generated, valid_to, created_at, archived_at)
                VALUES (?, ?, ?, 'percent', 15, 10000, ?, ?, ?, ?, ?, ?, ?)
                """, name, kind, Int64(max(codes, 1)), pointsPrice, currency, status,
                status == "ready" ? Int64(max(codes, 1)) : 0, now.addingTimeInterval(30 * 86_400), now,
                archived ? now : nil)
            let id = connection.lastInsertRowID
            for index in 0..<codes {
                let code = "\(prefix)\(id)X" + String(format: "%04d", index + 1)
                try connection.run("INSERT INTO codes (campaign_id, code) VALUES (?, ?)", id, code)
            }
            return id
        }
    }

    /// Inserts the latest version of an order.
    func order(
        _ number: String, customer: String?, email: String? = nil, value: Int64, counted: Bool = true,
        placedAt: Date? = nil, currency: String = "PLN"
    ) throws {
        let placed = placedAt ?? clock.date
        try database.write { connection in
            try connection.run(
                """
                INSERT INTO orders (order_number, sequence, customer_id, email, currency, order_value, status,
                    counted, placed_at)
                VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)
                """, number, customer, email, currency, value, counted ? "fulfilled" : "cancelled",
                Int64(counted ? 1 : 0), placed)
        }
    }

    /// The codes of a campaign each customer holds, by customer.
    func holders(campaign: Int64) throws -> [String: [String]] {
        try database.read { connection in
            var result: [String: [String]] = [:]
            for row in try connection.query(
                "SELECT customer_id, code FROM codes WHERE campaign_id = ? AND customer_id IS NOT NULL", campaign)
            {
                result[try row.get("customer_id"), default: []].append(try row.get("code"))
            }
            return result
        }
    }

    /// Codes of the campaign no one holds.
    func freeCodes(campaign: Int64) throws -> Int64 {
        try database.read { connection in
            try connection.scalar(
                "SELECT COUNT(*) FROM codes WHERE campaign_id = ? AND customer_id IS NULL AND active = 1", campaign,
                as: Int64.self) ?? 0
        }
    }

    // MARK: - Calls

    func assign(_ campaign: Int64, _ criteria: AssignmentCriteria) throws -> HTTPClientResponse {
        try discounts.call(.post, "/v1/campaigns/\(campaign)/assignments", json: criteria, as: Self.admin)
    }

    func recipients(_ campaign: Int64, query: String) throws -> HTTPClientResponse {
        try discounts.call(.get, "/v1/campaigns/\(campaign)/assignments/recipients.csv?\(query)", as: Self.admin)
    }

    func purchase(
        _ campaign: Int64, for customer: String, as principal: Principal = storefront, key: String? = nil
    ) throws -> HTTPClientResponse {
        var headers: HTTPHeaders = [:]
        if let key { headers.add(name: "Idempotency-Key", value: key) }
        return try discounts.call(
            .post, "/v1/campaigns/\(campaign)/purchases", json: CodePurchaseRequest(customerId: CustomerId(customer)!),
            as: principal, headers: headers)
    }

    /// Gives a customer points in loyalty.
    func credit(_ customer: String, _ points: Int64) throws {
        let response = try loyalty.call(
            .post, "/v1/customers/\(customer)/adjustments",
            json: PointsAdjustmentRequest(points: points, reason: "test credit"), as: Self.admin)
        try #require(response.status.code < 300, "\(response.text)")
    }

    /// A customer's loyalty balance.
    func balance(_ customer: String) throws -> Int64 {
        try loyalty.call(.get, "/v1/customers/\(customer)", as: Self.admin).decode(CustomerPoints.self).points
    }

    /// Waits (up to 10 s) until the fake relay holds `count` messages.
    func waitForMail(_ count: Int) -> [ReceivedMail] {
        eventually(timeout: .seconds(10), interval: .milliseconds(20)) { smtp.messages.count >= count }
        return smtp.messages
    }
}
