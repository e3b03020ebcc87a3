import Contract
import Foundation
import HTTP
import Primitives
import ServiceKit
import Store
import TestSupport
import Testing

@testable import ReviewsCore

/// The reviews service started in-process (`InProcessService`) on 127.0.0.1, port 0, with a
/// manual clock for its dates and its per-author limit, and the calls the reviews tests make.
/// Call `stop()` in a `defer`.
final class ReviewsTestService: @unchecked Sendable {
    // @unchecked: every stored property is immutable and itself thread-safe.
    static let admin = Principal(role: .admin, name: "tester")
    static let storefront = Principal(role: .storefront, name: "shop")
    static let gatewayFanOut = Principal(role: .service, name: "gateway")
    static let anonymous = Principal.anonymous

    /// A customer's token identity.
    static func customer(_ id: CustomerId) -> Principal { Principal(role: .customer, customerId: id) }

    /// So many posts allowed that only the limit's own tests, which pass the real rule, meet it.
    static let unlimited = TokenBucketLimiter.Rule(perSecond: 1_000, burst: 1_000_000)

    let service: InProcessService
    let clock: ManualClock

    /// `loyalty` is where the outbox sends published reviews (a stand-in `LiveServer`); without
    /// one, an address nobody listens on.
    init(
        clock: ManualClock = ManualClock(), authorRule: TokenBucketLimiter.Rule = ReviewsTestService.unlimited,
        loyalty: Upstream? = nil
    ) throws {
        self.clock = clock
        service = try InProcessService(
            ReviewsService.definition(clock: clock.wall, monotonic: clock.monotonic, authorRule: authorRule),
            serviceURLs: ["loyalty": loyalty ?? Upstream(host: "127.0.0.1", port: 9)], logLevel: .error)
    }

    func stop() { service.stop() }

    var database: Database { service.environment.database }

    // MARK: - Calls

    /// `method` on `/v1<path>`, with `text` as a JSON body.
    func call(
        _ method: HTTPMethod, _ path: String, as principal: Principal = admin, text: String? = nil,
        headers extra: HTTPHeaders = [:]
    ) throws -> HTTPClientResponse {
        var headers = extra
        if text != nil { headers.add(name: "Content-Type", value: "application/json") }
        return try service.call(method, "/v1" + path, as: principal, body: Array((text ?? "").utf8), headers: headers)
    }

    /// `method` on `/v1<path>` with `value` as the JSON body.
    func call<T: Encodable>(
        _ method: HTTPMethod, _ path: String, json value: T, as principal: Principal = admin,
        headers extra: HTTPHeaders = [:]
    ) throws -> HTTPClientResponse {
        var headers = extra
        headers.add(name: "Content-Type", value: "application/json")
        return try service.call(method, "/v1" + path, json: value, as: principal, headers: headers)
    }

    /// A submission with the tests' defaults.
    static func submission(
        product: ProductId = "p-1", rating: Int = 5, comment: String = "Solidny kubek, polecam.",
        author: String = "Zofia", customer: CustomerId? = nil
    ) -> ReviewSubmission {
        ReviewSubmission(
            productId: product, productName: "Kubek", rating: rating, comment: comment, authorName: author,
            customerId: customer)
    }

    /// `POST /v1/reviews`.
    func post(_ submission: ReviewSubmission, as principal: Principal = storefront, headers: HTTPHeaders = [:])
        throws -> HTTPClientResponse
    {
        try call(.post, "/reviews", json: submission, as: principal, headers: headers)
    }

    /// Posts `submission`, requiring a 201.
    @discardableResult
    func posted(_ submission: ReviewSubmission, as principal: Principal = storefront) throws -> Review {
        let answer = try post(submission, as: principal)
        try #require(answer.status == .created, "post: \(answer.status) \(answer.text)")
        return try answer.decode()
    }

    /// Activates review `id`, requiring a 200.
    @discardableResult
    func activate(_ id: Int64) throws -> Review {
        let answer = try call(.post, "/reviews/\(id)/activation")
        try #require(answer.status == .ok, "activate \(id): \(answer.status) \(answer.text)")
        return try answer.decode()
    }

    /// Edits review `id`, requiring a 200.
    @discardableResult
    func edit(_ id: Int64, _ change: ReviewChange) throws -> Review {
        let answer = try call(.patch, "/reviews/\(id)", json: change)
        try #require(answer.status == .ok, "edit \(id): \(answer.status) \(answer.text)")
        return try answer.decode()
    }

    /// Deletes review `id`, requiring a 204.
    func delete(_ id: Int64) throws {
        let answer = try call(.delete, "/reviews/\(id)")
        try #require(answer.status == .noContent, "delete \(id): \(answer.status) \(answer.text)")
    }

    /// Review `id` as the admin reads it, requiring a 200.
    func review(_ id: Int64) throws -> Review {
        let answer = try call(.get, "/reviews/\(id)")
        try #require(answer.status == .ok, "review \(id): \(answer.status) \(answer.text)")
        return try answer.decode()
    }

    /// The product's rating summary, requiring a 200.
    func summary(_ product: ProductId, as principal: Principal = anonymous) throws -> RatingSummary {
        let answer = try call(.get, "/products/\(product.text)/summary", as: principal)
        try #require(answer.status == .ok, "summary \(product): \(answer.status) \(answer.text)")
        return try answer.decode()
    }

    /// Every item of a paged list at `path` (which may hold a query), walked `limit` at a time
    /// by its cursors; each page must be a 200.
    func walk<Item: Codable & Sendable>(
        _ path: String, limit: Int, as principal: Principal = admin, of type: Item.Type = Item.self
    ) throws -> [Item] {
        try service.walk("/v1" + path, limit: limit, as: principal, of: type)
    }

    /// `text` percent-encoded for a query string.
    static func encoded(_ text: String) -> String { PercentDecoding.encode(text) }

    /// Delivers an order version as the gateway's fan-out would, requiring a 204.
    func deliver(
        _ number: OrderNumber, sequence: Int64, status: OrderStatus = .paid, customer: CustomerId? = "c-1",
        products: [ProductId] = ["p-1"]
    ) throws {
        let answer = try call(
            .post, "/orders/\(number)/events",
            json: Self.orderEvent(number, sequence: sequence, status: status, customer: customer, products: products),
            as: Self.gatewayFanOut)
        try #require(answer.status == .noContent, "order event: \(answer.status) \(answer.text)")
    }

    /// The reviews part of one version of order `number`: a line of each product.
    static func orderEvent(
        _ number: OrderNumber, sequence: Int64, status: OrderStatus = .paid, customer: CustomerId? = "c-1",
        products: [ProductId] = ["p-1"]
    ) -> ReviewOrderEvent {
        let lines = products.map {
            OrderLine(productId: $0, name: "Kubek", quantity: 1, unitNet: 1_000, unitGross: 1_230)
        }
        let goods = Int64(lines.count) * 1_230
        let order = OrderDocument(
            customerId: customer,
            buyer: Buyer(
                name: "Jan Nowak", street: "Polna 1", postcode: "00-001", city: "Warszawa", email: "jan@example.pl",
                phone: "+48 600 000 000"),
            currency: "PLN", lines: lines, shipping: ShippingCost(net: 0, gross: 0),
            totalNet: Int64(lines.count) * 1_000, totalGross: goods, status: status,
            placedAt: Date(timeIntervalSince1970: 1_800_000_000))
        return ReviewOrderEvent(
            eventId: "reviews:\(number):\(sequence)", orderNumber: number, sequence: sequence, order: order)
    }
}
