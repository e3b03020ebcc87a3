import Contract
import Foundation
import Glibc
import HTTP
import ServiceKit
import Store
import TestSupport
import Testing

/// A code bought for points survives a crash at the worst moment: the real suite runs with the
/// discounts service set to kill itself (SIGKILL, once) right after loyalty took the points and
/// before the code is handed over. The launcher restarts it, its recovery job settles the
/// purchase under the same debit id, and in the end the customer holds the code and paid for it
/// exactly once: never points gone without a code, nor a code without points.
@Suite(.serialized)
struct DiscountsPurchaseCrashTests {
    static let buyer = "crash-buyer"
    static let price: Int64 = 250

    @Test func aPurchaseKilledBetweenTheDebitAndTheHandOver_EndsWithTheCode_AndThePointsTakenOnce() throws {
        let flags = try TemporaryDirectory(prefix: "discounts-crash")
        defer { flags.remove() }
        let crashFlag = flags.file("crash-after-debit")
        let suite = try SuiteHarness(extraEnvironment: ["ZAPLECZE_TEST_CRASH_AFTER_DEBIT_FILE": crashFlag])
        defer { suite.stop() }
        let database = try Database(path: suite.directory.file("data/discounts.sqlite"))
        defer { database.close() }
        let campaign = try Self.campaign(in: database, codes: 3)
        try Self.credit(suite, 1_000)
        let pid = try #require(suite.childPID("discounts"))
        #expect(FileManager.default.createFile(atPath: crashFlag, contents: Data()))

        // Discounts' routes are not published through the gateway yet: call the service as the
        // gateway would, with the internal secret and the storefront's identity.
        let interrupted = try? Self.purchase(suite, campaign: campaign)
        #expect(interrupted == nil || interrupted!.status.code >= 500, "the service died mid-request")
        #expect(!FileManager.default.fileExists(atPath: crashFlag), "the service removed the flag before dying")
        #expect(
            eventually(interval: .milliseconds(50)) { suite.childPID("discounts").map { $0 != pid } ?? false },
            "discounts restarted")
        try suite.waitUntilReady(timeout: .seconds(30))

        // The restarted service settles the purchase at start, before anyone asks again (well
        // before its periodic pass, 30 s later).
        #expect(
            eventually(timeout: .seconds(15), interval: .milliseconds(50)) {
                (try? Self.purchaseStates(database)) == ["completed"]
            },
            "the purchase settled")
        let retried = try Self.purchase(suite, campaign: campaign)
        #expect(retried.status == .created, "\(retried.text)")
        #expect(retried.headers["Idempotent-Replayed"] == "true")

        let holders = try database.read { connection in
            try connection.query(
                "SELECT code, customer_id, active, assigned_at FROM codes WHERE campaign_id = ? AND customer_id IS NOT NULL",
                campaign)
        }
        #expect(holders.count == 1)
        #expect(try holders.first?.get("customer_id", as: String.self) == Self.buyer)
        #expect(try holders.first?.get("active", as: Int64.self) == 1)
        #expect(try holders.first?.get("assigned_at", as: Int64?.self) != nil)
        #expect(try retried.decode(CodePurchase.self).code.text == holders.first?.get("code", as: String.self))
        #expect(try Self.balance(suite) == 1_000 - Self.price, "the points were taken exactly once")
    }

    // MARK: - Helpers

    /// A ready campaign sold for `price` points with `codes` codes, written as the campaign
    /// routes would leave it.
    static func campaign(in database: Database, codes: Int) throws -> Int64 {
        try database.write { connection in
            try connection.run(
                """
                INSERT INTO campaigns (name, kind, code_count, discount_type, discount_value, points_price, currency,
                    status, generated, created_at)
                VALUES ('Za punkty', 'assigned', ?, 'amount', 2000, ?, 'PLN', 'ready', ?, 0)
                """, Int64(codes), price, Int64(codes))
            let id = connection.lastInsertRowID
            for index in 1...codes {
                try connection.run("INSERT INTO codes (campaign_id, code) VALUES (?, ?)", id, "CRASH\(id)X\(index)")
            }
            return id
        }
    }

    static func purchase(_ suite: SuiteHarness, campaign: Int64) throws -> HTTPClientResponse {
        var headers: HTTPHeaders = ["Idempotency-Key": "crash-purchase-1"]
        InternalHeaders.apply(
            Principal(role: .storefront, name: "shop"), secret: SuiteHarness.internalSecret, to: &headers)
        let body = try JSONCoding.encode(CodePurchaseRequest(customerId: CustomerId(buyer)!))
        return try suite.client(for: "discounts").request(
            .post, "/v1/campaigns/\(campaign)/purchases", body: body, headers: headers, timeout: .seconds(10))
    }

    static func credit(_ suite: SuiteHarness, _ points: Int64) throws {
        let response = try suite.gateway.json(
            .post, "/api/v1/loyalty/customers/\(buyer)/adjustments",
            PointsAdjustmentRequest(points: points, reason: "crash test"), token: SuiteHarness.adminKey)
        #expect(response.status.code < 300, "\(response.text)")
    }

    static func balance(_ suite: SuiteHarness) throws -> Int64 {
        try suite.gateway.request(.get, "/api/v1/loyalty/customers/\(buyer)", token: SuiteHarness.adminKey)
            .decode(CustomerPoints.self).points
    }

    static func purchaseStates(_ database: Database) throws -> [String] {
        try database.read { connection in
            try connection.query("SELECT state FROM purchases ORDER BY id").map { try $0.get("state") }
        }
    }
}
