import Contract
import Foundation
import HTTP
import TestSupport
import Testing

@testable import PersonalDataCore

/// The personal-data registry started in-process (`InProcessService`) on 127.0.0.1, port 0, with
/// a manual clock for every date it writes, and the calls the registry's tests make. Call
/// `stop()` in a `defer`.
final class PersonalDataTestService: @unchecked Sendable {
    // @unchecked: every stored property is immutable and itself thread-safe.
    static let admin = Principal(role: .admin, name: "tester")
    static let owner = Principal(role: .admin, name: "owner")
    static let storefront = Principal(role: .storefront, name: "shop")
    static let gatewayFanOut = Principal(role: .service, name: "gateway")
    static let anonymous = Principal.anonymous

    /// A customer's token identity.
    static func customer(_ id: CustomerId) -> Principal { Principal(role: .customer, customerId: id) }

    /// 2026-11-01T00:00:00Z: the registration and order dates of the tests count days from it.
    static let epoch = Date(timeIntervalSince1970: 1_793_491_200)

    /// `days` (and `minutes`) after `epoch`.
    static func day(_ days: Int, minutes: Int = 0) -> Date {
        epoch.addingTimeInterval(Double(days) * 86_400 + Double(minutes) * 60)
    }

    let service: InProcessService
    let clock: ManualClock

    init(clock: ManualClock = ManualClock()) throws {
        self.clock = clock
        service = try InProcessService(PersonalDataService.definition(clock: clock.wall), logLevel: .error)
    }

    func stop() { service.stop() }

    // MARK: - Calls

    /// `method` on `/v1<path>`, with `text` as a JSON body (the client names its type).
    func call(
        _ method: HTTPMethod, _ path: String, as principal: Principal = admin, text: String? = nil,
        headers: HTTPHeaders = [:]
    ) throws -> HTTPClientResponse {
        try service.call(method, "/v1" + path, as: principal, body: Array((text ?? "").utf8), headers: headers)
    }

    /// `method` on `/v1<path>` with `value` as the JSON body.
    func call<T: Encodable>(
        _ method: HTTPMethod, _ path: String, json value: T, as principal: Principal = admin, headers: HTTPHeaders = [:]
    ) throws -> HTTPClientResponse {
        try service.call(method, "/v1" + path, json: value, as: principal, headers: headers)
    }

    /// Every item of the paged list at `/v1<path>`, walked `limit` at a time.
    func walk<Item: Codable & Sendable>(
        _ path: String, limit: Int, as principal: Principal = admin, of type: Item.Type = Item.self
    ) throws -> [Item] {
        try service.walk("/v1" + path, limit: limit, as: principal, of: type)
    }

    /// `text` percent-encoded for a path or a query string.
    static func encoded(_ text: String) -> String { PercentDecoding.encode(text) }

    // MARK: - The customer base

    /// A customer record with the tests' defaults.
    static func record(
        name: String = "Jan Nowak", email: String = "jan@example.pl", phone: String? = "+48 600 100 200",
        login: String? = "jnowak", registeredAt: Date = day(0)
    ) -> CustomerRecordInput {
        CustomerRecordInput(
            login: login, registeredAt: registeredAt, name: name, street: "Polna 1", postcode: "00-001",
            city: "Warszawa", phone: phone, email: email)
    }

    /// `PUT /v1/customers/{id}`.
    func put(_ id: CustomerId, _ record: CustomerRecordInput, as principal: Principal = storefront) throws
        -> HTTPClientResponse
    {
        try call(.put, "/customers/\(Self.encoded(id.text))", json: record, as: principal)
    }

    /// Puts `record`, requiring a 200 or 201.
    @discardableResult
    func stored(_ id: CustomerId, _ record: CustomerRecordInput) throws -> CustomerRecord {
        let answer = try put(id, record)
        try #require([.ok, .created].contains(answer.status), "put \(id.text): \(answer.status) \(answer.text)")
        return try answer.decode()
    }

    /// Show of customer `id` as `admin`, requiring a 200.
    func shownCustomer(_ id: CustomerId, as admin: Principal = admin) throws -> CustomerRecord {
        let answer = try call(.get, "/customers/\(Self.encoded(id.text))", as: admin)
        try #require(answer.status == .ok, "show \(id.text): \(answer.status) \(answer.text)")
        return try answer.decode()
    }

    // MARK: - The order base

    /// A buyer with the tests' defaults.
    static func buyer(
        name: String = "Jan Nowak", email: String = "jan@example.pl", phone: String = "+48 600 100 200",
        login: String? = "jnowak"
    ) -> Buyer {
        Buyer(
            login: login, name: name, street: "Polna 1", postcode: "00-001", city: "Warszawa", email: email,
            phone: phone)
    }

    /// The registry's part of version `sequence` of order `number`, built from a whole order.
    static func orderEvent(
        _ number: OrderNumber, sequence: Int64 = 1, customer: CustomerId? = "c-1", buyer: Buyer = buyer(),
        placedAt: Date = day(0)
    ) -> BuyerOrderEvent {
        let order = OrderDocument(
            customerId: customer, buyer: buyer, currency: "PLN",
            lines: [OrderLine(productId: "p-1", name: "Kubek", quantity: 1, unitNet: 1_000, unitGross: 1_230)],
            shipping: ShippingCost(net: 0, gross: 0), totalNet: 1_000, totalGross: 1_230, status: .paid,
            placedAt: placedAt)
        return BuyerOrderEvent(
            eventId: "personal-data:\(number.text):\(sequence)", orderNumber: number, sequence: sequence, order: order)
    }

    /// `POST /v1/orders/{number}/events` as the gateway's fan-out.
    func send(_ event: BuyerOrderEvent, to number: OrderNumber? = nil) throws -> HTTPClientResponse {
        let path = "/orders/\(Self.encoded((number ?? event.orderNumber).text))/events"
        return try call(.post, path, json: event, as: Self.gatewayFanOut)
    }

    /// Delivers `event`, requiring a 204.
    func deliver(_ event: BuyerOrderEvent) throws {
        let answer = try send(event)
        try #require(answer.status == .noContent, "order event: \(answer.status) \(answer.text)")
    }

    /// Show of order `number` as `admin`, requiring a 200.
    func shownOrder(_ number: OrderNumber, as admin: Principal = admin) throws -> OrderRecord {
        let answer = try call(.get, "/orders/\(Self.encoded(number.text))", as: admin)
        try #require(answer.status == .ok, "show \(number.text): \(answer.status) \(answer.text)")
        return try answer.decode()
    }
}

extension HTTPClientResponse {
    /// The error envelope's code.
    var errorCode: String? { errorEnvelope?.error.code }

    /// A text of the error envelope's details: `field` of a 422, `parameter` of a 400.
    func errorDetail(_ key: String) -> String? {
        guard case .string(let value)? = errorEnvelope?.error.details?[key] else { return nil }
        return value
    }
}
