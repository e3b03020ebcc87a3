import Contract
import Foundation
import HTTP
import Primitives
import ServiceKit
import Store
import TestSupport
import Testing

@testable import HelpdeskCore

/// The helpdesk service started in-process (`InProcessService`) on 127.0.0.1, port 0, with a
/// manual clock for its dates, and the calls the helpdesk tests make. With `mail`, a fake SMTP
/// relay receives the outbox's mail (`ZAPLECZE_SMTP_URL`). Call `stop()` in a `defer`.
final class HelpdeskTestService: @unchecked Sendable {
    // @unchecked: every stored property is immutable and itself thread-safe.
    static let admin = Principal(role: .admin, name: "tester")
    static let storefront = Principal(role: .storefront, name: "shop")
    static let anonymous = Principal.anonymous

    /// A customer's token identity.
    static func customer(_ id: CustomerId) -> Principal { Principal(role: .customer, customerId: id) }

    /// `ZAPLECZE_SHOP_URL`; the trailing slash is the link's to drop.
    static let shopURL = "https://sklep.example.pl/"

    let service: InProcessService
    let clock: ManualClock
    let smtp: FakeSMTPServer?

    /// `threadPath` is `ZAPLECZE_HELPDESK_THREAD_PATH` (the service's default without one).
    /// `writerRule` is generous unless a test of the limit passes the service's own.
    init(
        clock: ManualClock = ManualClock(), mail: Bool = false, threadPath: String? = nil,
        writerRule: TokenBucketLimiter.Rule = .init(perSecond: 1_000, burst: 100_000)
    ) throws {
        self.clock = clock
        let smtp = mail ? try FakeSMTPServer() : nil
        var environment = ["ZAPLECZE_SHOP_URL": Self.shopURL]
        environment["ZAPLECZE_SMTP_URL"] = smtp?.url
        environment["ZAPLECZE_HELPDESK_THREAD_PATH"] = threadPath
        do {
            service = try InProcessService(
                HelpdeskService.definition(clock: clock.wall, monotonic: clock.monotonic, writerRule: writerRule),
                environment: environment, logLevel: .error)
        } catch {
            smtp?.stop()
            throw error
        }
        self.smtp = smtp
    }

    func stop() {
        service.stop()
        smtp?.stop()
    }

    var database: Database { service.environment.database }

    // MARK: - Calls

    /// `method` on `/v1<path>`, with `text` as the JSON body.
    func call(
        _ method: HTTPMethod, _ path: String, as principal: Principal = admin, text: String? = nil,
        headers: HTTPHeaders = [:]
    ) throws -> HTTPClientResponse {
        try service.call(method, "/v1" + path, as: principal, body: Array((text ?? "").utf8), headers: headers)
    }

    /// `method` on `/v1<path>` with `value` as the JSON body.
    func call<T: Encodable>(
        _ method: HTTPMethod, _ path: String, json value: T, as principal: Principal = admin,
        headers: HTTPHeaders = [:]
    ) throws -> HTTPClientResponse {
        try service.call(method, "/v1" + path, json: value, as: principal, headers: headers)
    }

    /// `answer` decoded, requiring `status`.
    func decoded<T: Decodable>(_ answer: HTTPClientResponse, _ status: HTTPStatus = .ok) throws -> T {
        try #require(answer.status == status, "\(answer.status) \(answer.text)")
        return try answer.decode()
    }

    /// `GET /v1<path>` decoded, requiring a 200.
    func get<T: Decodable>(_ path: String, as principal: Principal = admin) throws -> T {
        try decoded(try call(.get, path, as: principal))
    }

    /// Every item of a paged list at `/v1<path>` (which may hold a query), walked `limit` at a time.
    func walk<Item: Codable & Sendable>(
        _ path: String, limit: Int, as principal: Principal = admin, of type: Item.Type = Item.self
    ) throws -> [Item] {
        try service.walk("/v1" + path, limit: limit, as: principal, of: type)
    }

    /// Every thread, newest first, as the admin's search lists them.
    func threads() throws -> [ThreadSummary] {
        try walk("/threads", limit: PageRequest.maxLimit)
    }

    /// `text` percent-encoded for a path or a query string.
    static func encoded(_ text: String) -> String { PercentDecoding.encode(text) }

    // MARK: - Threads

    /// An opening with the tests' defaults.
    static func opening(
        order: OrderNumber = "ORD-1", customer: CustomerId? = "c-1", email: String = "jan.nowak@example.pl",
        subject: String = "Paczka nie dotarła", message: String = "Dzień dobry, gdzie jest moja paczka?"
    ) -> ThreadOpening {
        ThreadOpening(orderNumber: order, customerId: customer, email: email, subject: subject, message: message)
    }

    /// `POST /v1/threads`.
    func open(_ opening: ThreadOpening, as principal: Principal = storefront, headers: HTTPHeaders = [:]) throws
        -> HTTPClientResponse
    {
        try call(.post, "/threads", json: opening, as: principal, headers: headers)
    }

    /// Opens `opening`, requiring a 201.
    @discardableResult
    func opened(_ opening: ThreadOpening = opening(), as principal: Principal = storefront) throws -> ThreadDetail {
        try decoded(try open(opening, as: principal), .created)
    }

    /// Thread `id` as `principal` reads it, requiring a 200.
    func thread(_ id: Int64, as principal: Principal = admin) throws -> ThreadDetail {
        try get("/threads/\(id)", as: principal)
    }

    /// `POST /v1/threads/{id}/messages`.
    func post(
        _ request: MessageRequest, to id: Int64, as principal: Principal = admin, headers: HTTPHeaders = [:]
    ) throws -> HTTPClientResponse {
        try call(.post, "/threads/\(id)/messages", json: request, as: principal, headers: headers)
    }

    /// Posts `request` to thread `id`, requiring a 201.
    @discardableResult
    func posted(_ request: MessageRequest, to id: Int64, as principal: Principal = admin) throws -> ThreadMessage {
        try decoded(try post(request, to: id, as: principal), .created)
    }

    /// Posts `body` as a reply to thread `id` (the operator's, by default), requiring a 201.
    @discardableResult
    func reply(_ id: Int64, _ body: String = "Paczka jest w drodze.", as principal: Principal = admin) throws
        -> ThreadMessage
    {
        try posted(MessageRequest(body: body), to: id, as: principal)
    }

    /// Posts `body` as the admin's internal note on thread `id`, requiring a 201.
    @discardableResult
    func note(_ id: Int64, _ body: String = "Sprawdzić u kuriera.") throws -> ThreadMessage {
        try posted(MessageRequest(body: body, kind: .note), to: id)
    }

    /// Sets thread `id`'s status as the admin, requiring a 200.
    @discardableResult
    func setStatus(_ status: ThreadStatus, of id: Int64) throws -> ThreadSummary {
        try decoded(try call(.put, "/threads/\(id)/status", json: StatusUpdate(status: status)))
    }

    // MARK: - Standard replies

    /// Saves a standard reply, requiring a 201.
    @discardableResult
    func standardReply(_ title: String, _ body: String) throws -> StandardReply {
        try decoded(try call(.post, "/standard-replies", json: StandardReplyInput(title: title, body: body)), .created)
    }

    // MARK: - Mail

    /// The mail the outbox holds, sent or not, in the order it was queued.
    func queuedMail() throws -> [MailMessage] {
        try database.read { connection in
            try connection.query(
                "SELECT payload FROM outbox WHERE destination = ? ORDER BY id", Outbox.mailDestination
            ).map { try JSONCoding.decode(MailMessage.self, from: try $0.get("payload", as: [UInt8].self)) }
        }
    }

    /// Waits (up to 10 s) until the fake relay holds `count` messages, and returns them all.
    func waitForMail(_ count: Int) throws -> [ReceivedMail] {
        let smtp = try #require(smtp, "the service was started without mail")
        eventually(timeout: .seconds(10), interval: .milliseconds(20)) { smtp.messages.count >= count }
        return smtp.messages
    }
}
