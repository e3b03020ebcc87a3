import Contract
import Foundation
import HTTP
import Primitives
import ServiceKit
import Store
import TestSupport
import Testing

@testable import DiscountsCore

/// The discounts service started in-process (`InProcessService`) on 127.0.0.1, port 0, with a
/// manual clock, and the calls the campaign tests make. Call `stop()` in a `defer`.
final class CampaignTestService: @unchecked Sendable {
    // @unchecked: every stored property is immutable and itself thread-safe.
    static let admin = Principal(role: .admin, name: "tester")
    static let storefront = Principal(role: .storefront, name: "shop")
    static let customer = Principal(role: .customer, customerId: "c-1")

    let service: InProcessService
    let clock: ManualClock

    init(
        clock: ManualClock = ManualClock(), generation: GenerationSettings = GenerationSettings(chunkSize: 1_000),
        databasePath: String? = nil
    ) throws {
        self.clock = clock
        service = try InProcessService(
            DiscountsService.definition(clock: clock.wall, generation: generation), databasePath: databasePath)
    }

    var database: Database { service.environment.database }

    func stop(keepDatabase: Bool = false) { service.stop(keepDatabase: keepDatabase) }

    // MARK: - Calls

    func call(_ method: HTTPMethod, _ path: String, as principal: Principal = admin, text: String? = nil) throws
        -> HTTPClientResponse
    {
        let headers: HTTPHeaders = text == nil ? [:] : ["Content-Type": "application/json"]
        return try service.call(method, "/v1" + path, as: principal, body: Array((text ?? "").utf8), headers: headers)
    }

    func call<T: Encodable>(_ method: HTTPMethod, _ path: String, json value: T, as principal: Principal = admin)
        throws -> HTTPClientResponse
    {
        try service.call(
            method, "/v1" + path, json: value, as: principal, headers: ["Content-Type": "application/json"])
    }

    /// A campaign input with the tests' defaults.
    static func input(
        name: String = "Spring sale", kind: CampaignKind = .singleUse, count: Int64 = 100, mask: String? = nil,
        validFrom: Date? = nil, validTo: Date? = nil
    ) -> CampaignInput {
        CampaignInput(
            name: name, kind: kind, count: count, validFrom: validFrom, validTo: validTo,
            discount: CampaignDiscount(type: .percent, value: 10), mask: mask, currency: "PLN")
    }

    /// Creates a campaign (requiring a 202) and waits until its codes are ready.
    @discardableResult
    func createReady(_ input: CampaignInput) throws -> Campaign {
        let answer = try call(.post, "/campaigns", json: input)
        try #require(answer.status.code == 202, "create: \(answer.text)")
        return try waitUntilSettled(try answer.decode(Campaign.self).id)
    }

    /// The campaign as GET shows it.
    func campaign(_ id: Int64) throws -> Campaign {
        let answer = try call(.get, "/campaigns/\(id)")
        try #require(answer.status.code == 200, "campaign \(id): \(answer.text)")
        return try answer.decode()
    }

    /// Polls the campaign until it is no longer generating (at most 30 s).
    func waitUntilSettled(_ id: Int64) throws -> Campaign {
        var last = try campaign(id)
        _ = try eventually(interval: .milliseconds(10)) {
            last = try campaign(id)
            return last.status != .generating
        }
        return last
    }

    /// The campaign's codes in code order, straight from the table.
    func storedCodes(_ campaignId: Int64) throws -> [String] {
        try database.read { connection in
            try connection.query("SELECT code FROM codes WHERE campaign_id = ? ORDER BY code", campaignId).map {
                try $0.get("code", as: String.self)
            }
        }
    }

    /// Records a live redemption of `code` as the checkout routes would: the row, the code's use
    /// count and, for its first use, the campaign's used count.
    func redeem(
        _ code: String, order: String, value: Int64, discount: Int64, customer: String? = nil, at date: Date? = nil
    ) throws {
        let when = date ?? clock.date
        try database.write { connection in
            let row = try #require(
                try connection.queryOne(
                    "SELECT c.id, c.campaign_id, c.use_count, k.kind FROM codes c JOIN campaigns k ON k.id = c.campaign_id WHERE c.code = ?",
                    code))
            let codeId: Int64 = try row.get("id")
            let campaignId: Int64 = try row.get("campaign_id")
            let uses: Int64 = try row.get("use_count")
            let exclusive = try row.get("kind", as: String.self) != "multiUse"
            try connection.run(
                """
                INSERT INTO redemptions (code_id, campaign_id, exclusive, order_number, customer_id, order_value,
                    discount_value, free_shipping, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)
                """, codeId, campaignId, exclusive, order, customer, value, discount, when)
            try connection.run("UPDATE codes SET use_count = use_count + 1 WHERE id = ?", codeId)
            if uses == 0 {
                try connection.run("UPDATE campaigns SET used_count = used_count + 1 WHERE id = ?", campaignId)
            }
        }
    }

    /// Releases every live redemption of `order` as a cancellation would.
    func release(order: String) throws {
        try database.write { connection in
            for row in try connection.query(
                "SELECT id, code_id, campaign_id FROM redemptions WHERE order_number = ? AND released_at IS NULL", order
            ) {
                let codeId: Int64 = try row.get("code_id")
                try connection.run(
                    "UPDATE redemptions SET released_at = ? WHERE id = ?", clock.date, try row.get("id", as: Int64.self)
                )
                try connection.run("UPDATE codes SET use_count = use_count - 1 WHERE id = ?", codeId)
                if try connection.scalar("SELECT use_count FROM codes WHERE id = ?", codeId, as: Int64.self) == 0 {
                    try connection.run(
                        "UPDATE campaigns SET used_count = used_count - 1 WHERE id = ?",
                        try row.get("campaign_id", as: Int64.self))
                }
            }
        }
    }
}
