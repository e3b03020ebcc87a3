import Contract
import Foundation
import HTTP
import ServiceKit
import Store
import TestSupport
import Testing

@testable import LoyaltyCore

/// One HTTP answer of the service under test.
struct Answer {
    let status: Int
    let headers: HTTPHeaders
    let body: [UInt8]

    /// The body decoded with the suite's JSON settings.
    func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        try JSONCoding.decode(type, from: body)
    }

    /// The error envelope of a non-2xx answer.
    var error: ErrorEnvelope.Body? {
        (try? JSONCoding.decode(ErrorEnvelope.self, from: body))?.error
    }

    var text: String { String(decoding: body, as: UTF8.self) }
}

/// A loyalty service running in-process (`InProcessService`) on 127.0.0.1, port 0, with its own
/// temporary database, a manual clock and the internal secret. Call `shutdown()` in a `defer`.
final class LoyaltyTestService: @unchecked Sendable {
    // @unchecked: every stored property is immutable and itself thread-safe.
    static let secret = "loyalty-test-secret-0123456789"
    static let admin = Principal(role: .admin, name: "Anna Admin")
    static let storefront = Principal(role: .storefront, name: "shop")
    static let service = Principal(role: .service, name: "discounts")
    /// 2026-01-15T12:00:00Z, where the clock starts: mid-month, so month arithmetic in tests is
    /// unambiguous.
    static let startSeconds: Int64 = 1_768_478_400
    /// The same start as a date.
    static let start = Date(timeIntervalSince1970: TimeInterval(startSeconds))

    /// A customer's token identity.
    static func customer(_ id: CustomerId) -> Principal { Principal(role: .customer, customerId: id) }

    let running: InProcessService
    let clock: ManualClock
    let http = HTTPClient()

    init(
        adminEmail: String? = nil, workers: Int = 8,
        clock: ManualClock = ManualClock(seconds: LoyaltyTestService.startSeconds)
    ) throws {
        self.clock = clock
        running = try InProcessService(
            LoyaltyService.definition(clock: clock.wall, expiryInterval: .seconds(3600)), logLevel: .error,
            secret: Self.secret
        ) { configuration in
            configuration.workers = workers
            configuration.adminEmail = adminEmail
        }
    }

    var app: ServiceApp { running.app }
    var directory: TemporaryDirectory { running.directory }
    var upstream: Upstream { running.upstream }

    /// Stops the service and removes its files.
    func shutdown() {
        http.closeIdleConnections()
        running.stop()
    }

    var database: Database { app.environment.database }

    // MARK: - Requests

    /// Sends raw bytes with the internal secret and `principal`'s identity.
    func send(
        _ method: HTTPMethod, _ path: String, body: [UInt8] = [], as principal: Principal = admin,
        headers extra: HTTPHeaders = [:], contentType: String? = "application/json", secret: String? = secret
    ) throws -> Answer {
        var headers = extra
        if let secret { InternalHeaders.apply(principal, secret: secret, to: &headers) }
        if let contentType, !body.isEmpty, headers["Content-Type"] == nil {
            headers.add(name: "Content-Type", value: contentType)
        }
        let response = try http.send(
            HTTPRequest(method: method, target: path, headers: headers, body: body), to: upstream)
        return Answer(status: response.status.code, headers: response.headers, body: response.body)
    }

    /// Sends `value` as JSON.
    func send<Body: Encodable>(
        _ method: HTTPMethod, _ path: String, json value: Body, as principal: Principal = admin,
        headers: HTTPHeaders = [:]
    ) throws -> Answer {
        try send(method, path, body: try JSONCoding.encode(value), as: principal, headers: headers)
    }

    /// Sends JSON text as written.
    func send(
        _ method: HTTPMethod, _ path: String, text: String, as principal: Principal = admin, headers: HTTPHeaders = [:]
    ) throws -> Answer {
        try send(method, path, body: Array(text.utf8), as: principal, headers: headers)
    }

    // MARK: - Shortcuts

    /// Creates a rule as the admin and returns it with its id.
    @discardableResult
    func createRule(_ rule: LoyaltyRule) throws -> LoyaltyRule {
        let answer = try send(.post, "/v1/rules", json: rule)
        try #require(answer.status == 201, "creating a rule: \(answer.text)")
        return try answer.decode()
    }

    /// Changes the program as the admin.
    func updateProgram(_ change: (inout LoyaltyProgram) -> Void) throws {
        var program: LoyaltyProgram = try send(.get, "/v1/program").decode()
        change(&program)
        let answer = try send(.put, "/v1/program", json: program)
        try #require(answer.status == 200, "saving the program: \(answer.text)")
    }

    /// The customer's balance as the admin sees it.
    func balance(_ customerId: String) throws -> CustomerPoints {
        let answer = try send(.get, "/v1/customers/\(customerId)")
        try #require(answer.status == 200, "balance: \(answer.text)")
        return try answer.decode()
    }

    /// The customer's whole history, newest first, following every cursor.
    func history(_ customerId: String, pageSize: Int = 100) throws -> [HistoryEntry] {
        var entries: [HistoryEntry] = []
        var cursor: String?
        repeat {
            let query = "limit=\(pageSize)" + (cursor.map { "&cursor=\($0)" } ?? "")
            let answer = try send(.get, "/v1/customers/\(customerId)/history?\(query)")
            try #require(answer.status == 200, "history: \(answer.text)")
            let page: Page<HistoryEntry> = try answer.decode()
            entries += page.items
            cursor = page.nextCursor
        } while cursor != nil
        return entries
    }

    /// Adds or subtracts points as the admin.
    @discardableResult
    func adjust(_ customerId: String, _ points: Int64, reason: String = "Test adjustment", key: String? = nil) throws
        -> Answer
    {
        var headers: HTTPHeaders = [:]
        if let key { headers.add(name: "Idempotency-Key", value: key) }
        return try send(
            .post, "/v1/customers/\(customerId)/adjustments",
            json: PointsAdjustmentRequest(points: points, reason: reason),
            headers: headers
        )
    }

    /// Delivers an order event as the gateway's fan-out would.
    @discardableResult
    func deliver(_ event: OrderEvent) throws -> Answer {
        try send(.post, "/v1/orders/\(event.orderNumber)/events", json: event, as: Self.service)
    }

    /// Delivers an order event and returns the order's points, requiring a 200.
    @discardableResult
    func deliverOK(_ event: OrderEvent) throws -> OrderPoints {
        let answer = try deliver(event)
        try #require(answer.status == 200, "order event: \(answer.text)")
        return try answer.decode()
    }

    /// Checks the ledger's invariants for a customer: balance = Σ history points = Σ open lots,
    /// pending = Σ history pending changes, and each entry's running balance is consistent.
    func expectLedgerConsistent(_ customerId: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (figures, totals, lots) = try database.read { connection in
            (
                try Ledger.figures(customerId, in: connection),
                try HistoryRepository.totals(customerId, in: connection),
                try connection.scalar(
                    "SELECT coalesce(sum(remaining), 0) FROM lots WHERE customer_id = ?", customerId, as: Int64.self
                ) ?? 0
            )
        }
        #expect(figures.points == totals.points, "balance vs history of \(customerId)", sourceLocation: sourceLocation)
        #expect(figures.points == lots, "balance vs lots of \(customerId)", sourceLocation: sourceLocation)
        #expect(
            figures.pendingPoints == totals.pending, "pending vs history of \(customerId)",
            sourceLocation: sourceLocation)
        var running: Int64 = 0
        for entry in try history(customerId).reversed() {
            running += entry.points
            #expect(
                entry.balanceAfter == running, "running balance at entry \(entry.id)", sourceLocation: sourceLocation)
        }
    }
}

/// Order events with defaults: one line of 100.00 net / 123.00 gross.
enum Orders {
    static let placedAt = Date(timeIntervalSince1970: 1_768_000_000)

    static func line(
        _ productId: ProductId = "p1", category: String? = nil, quantity: Int64 = 1, net: Int64 = 100_00,
        gross: Int64? = nil
    ) -> OrderLine {
        OrderLine(
            productId: productId, name: "Product \(productId)", category: category, quantity: quantity,
            unitNet: net, unitGross: gross ?? net * 123 / 100)
    }

    static func event(
        _ orderNumber: OrderNumber, sequence: Int64, status: OrderStatus, customerId: CustomerId? = "c1",
        lines: [OrderLine] = [line()], refundedNet: Int64? = nil, refundedGross: Int64? = nil, eventId: String? = nil
    ) -> OrderEvent {
        let net = lines.reduce(Int64(0)) { $0 + $1.quantity * $1.unitNet }
        let gross = lines.reduce(Int64(0)) { $0 + $1.quantity * $1.unitGross }
        let document = OrderDocument(
            customerId: customerId,
            buyer: Buyer(
                name: "Jan Nowak", street: "Polna 1", postcode: "00-001", city: "Warszawa", email: "jan@example.com",
                phone: "+48 600 000 000"),
            currency: "PLN", lines: lines, shipping: ShippingCost(net: 0, gross: 0), totalNet: net,
            totalGross: gross,
            status: status, placedAt: placedAt, refundedNet: refundedNet, refundedGross: refundedGross
        )
        return OrderEvent(
            eventId: eventId ?? "\(orderNumber)-\(sequence)", orderNumber: orderNumber, sequence: sequence,
            order: document)
    }
}

/// Rules with defaults.
enum Rules {
    static func fixed(
        _ points: Int64, action: LoyaltyAction = .orderCreated, status: OrderStatus? = nil, name: String = "Fixed"
    ) -> LoyaltyRule {
        LoyaltyRule(name: name, action: action, status: status, award: .fixed(points: points))
    }

    /// One point per `per` minor units of net value, rounded down.
    static func perValue(_ per: Int64, action: LoyaltyAction = .orderCreated, status: OrderStatus? = nil) -> LoyaltyRule
    {
        LoyaltyRule(
            name: "Per value", action: action, status: status,
            award: .proportional(ProportionalAward(points: 1, per: per, basis: .net, rounding: .down))
        )
    }
}
