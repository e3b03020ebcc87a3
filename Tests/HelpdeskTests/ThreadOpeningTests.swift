import Contract
import Foundation
import HTTP
import TestSupport
import Testing

@testable import HelpdeskCore

/// Opening a thread: it starts reported with the customer's message; a body that breaks a rule
/// is a 422 naming the field and stores nothing; a customer writes only for themselves; a repeat
/// with the same `Idempotency-Key` opens one thread.
@Suite struct ThreadOpeningTests {
    typealias Service = HelpdeskTestService

    @Test func anOpenedThread_Is201Reported_WithTheCustomersMessage_AndItsOpeningInTheHistory() throws {
        let service = try Service()
        defer { service.stop() }
        let opening = Service.opening(message: "Dzień dobry,\npaczka nie dotarła.\tCo się stało?\r\nJan")
        let answer = try service.open(opening)
        #expect(answer.status == .created, "\(answer.text)")
        let detail: ThreadDetail = try answer.decode()
        let now = service.clock.date
        let expected = ThreadSummary(
            id: detail.thread.id, orderNumber: "ORD-1", customerId: "c-1", email: opening.email,
            subject: opening.subject, status: .reported, createdAt: now, updatedAt: now, firstResponseAt: nil,
            closedAt: nil)
        #expect(detail.thread == expected)
        let message = try #require(detail.messages.first)
        #expect(detail.messages.count == 1)
        #expect(message.from == .customer && message.author == "storefront:shop")
        #expect(message.body == opening.message, "line breaks and tabs are kept")
        #expect(!message.note && message.standardReplyId == nil && message.createdAt == now)
        #expect(detail.statusChanges.isEmpty, "the storefront sees no status history")

        let opened = StatusChangeRecord(from: nil, to: .reported, actor: "storefront:shop", at: now)
        let asAdmin = try service.thread(detail.thread.id)
        #expect(asAdmin.thread == expected && asAdmin.messages == detail.messages)
        #expect(asAdmin.statusChanges == [opened])
        #expect(try service.threads() == [expected])

        let byAdmin = try service.opened(Service.opening(customer: nil), as: Service.admin)
        #expect(byAdmin.thread.customerId == nil)
        #expect(byAdmin.messages.map(\.author) == ["admin:tester"])
        #expect(byAdmin.statusChanges == [StatusChangeRecord(from: nil, to: .reported, actor: "admin:tester", at: now)])
    }

    /// One broken opening and the field its 422 must name.
    struct Broken: Sendable, CustomStringConvertible {
        let description: String
        let field: String
        let change: @Sendable (inout ThreadOpening) -> Void
    }

    static let longAddress =
        String(repeating: "a", count: EmailRules.maximumLength - "@example.pl".count + 1)
        + "@example.pl"

    static let broken: [Broken] = [
        Broken(description: "no @", field: "email") { $0.email = "jan.example.pl" },
        Broken(description: "two @", field: "email") { $0.email = "jan@nowak@example.pl" },
        Broken(description: "nothing before @", field: "email") { $0.email = "@example.pl" },
        Broken(description: "no dot in the domain", field: "email") { $0.email = "jan@localhost" },
        Broken(description: "domain ends with the dot", field: "email") { $0.email = "jan@example." },
        Broken(description: "domain starts with the dot", field: "email") { $0.email = "jan@.pl" },
        Broken(description: "space inside", field: "email") { $0.email = "jan nowak@example.pl" },
        Broken(description: "space around", field: "email") { $0.email = " jan@example.pl" },
        Broken(description: "empty address", field: "email") { $0.email = "" },
        Broken(description: "address over 254", field: "email") { $0.email = longAddress },
        Broken(description: "blank subject", field: "subject") { $0.subject = "   " },
        Broken(description: "empty subject", field: "subject") { $0.subject = "" },
        Broken(description: "two-line subject", field: "subject") { $0.subject = "Paczka\nnie dotarła" },
        Broken(description: "tab in subject", field: "subject") { $0.subject = "Paczka\tnie dotarła" },
        Broken(description: "subject over 200", field: "subject") {
            $0.subject = String(repeating: "ż", count: HelpdeskRules.maximumSubjectLength + 1)
        },
        Broken(description: "blank message", field: "message") { $0.message = " \n\t " },
        Broken(description: "empty message", field: "message") { $0.message = "" },
        Broken(description: "message over 10,000", field: "message") {
            $0.message = String(repeating: "ą", count: HelpdeskRules.maximumMessageLength + 1)
        },
        Broken(description: "bell in message", field: "message") { $0.message = "Dzwoni \u{07} kurier" },
        Broken(description: "escape in message", field: "message") { $0.message = "Kolor \u{1B}[31m" },
        Broken(description: "delete in message", field: "message") { $0.message = "Skasuj\u{7F}" },
        Broken(description: "C1 control in message", field: "message") { $0.message = "Następna\u{85}linia" },
        Broken(description: "NUL in message", field: "message") { $0.message = "Zero\u{0}" },
    ]

    @Test(arguments: broken)
    func aBrokenOpening_Is422NamingItsField_AndStoresNothing(_ broken: Broken) throws {
        let service = try Service()
        defer { service.stop() }
        var opening = Service.opening()
        broken.change(&opening)
        let answer = try service.open(opening)
        #expect(answer.status == .unprocessableContent, "\(answer.text)")
        #expect(answer.errorCode == "validation_failed")
        #expect(answer.errorField == broken.field, "\(answer.text)")
        #expect(try service.threads().isEmpty)
    }

    @Test func theLimits_AreInclusive() throws {
        let service = try Service()
        defer { service.stop() }
        let address = String(Self.longAddress.dropFirst())
        #expect(address.count == EmailRules.maximumLength)
        #expect(try service.opened(Service.opening(email: address)).thread.email == address)
        #expect(try service.opened(Service.opening(email: "a@b.c")).thread.email == "a@b.c")
        let subject = String(repeating: "Ż", count: HelpdeskRules.maximumSubjectLength)
        #expect(try service.opened(Service.opening(subject: subject)).thread.subject == subject)
        let message = String(repeating: "ł", count: HelpdeskRules.maximumMessageLength)
        #expect(try service.opened(Service.opening(message: message)).messages.first?.body == message)
        #expect(try service.threads().count == 4)
    }

    @Test func anUnknownField_Is422NamingIt() throws {
        let service = try Service()
        defer { service.stop() }
        let answer = try service.call(
            .post, "/threads", as: Service.storefront,
            text: """
                {"orderNumber": "ORD-1", "email": "jan@example.pl", "subject": "Paczka", "message": "Gdzie?",
                 "status": "closed"}
                """)
        #expect(answer.status == .unprocessableContent)
        #expect(answer.errorCode == "unknown_field")
        #expect(answer.errorField == "status")
        #expect(try service.threads().isEmpty)
    }

    @Test(arguments: ["ORD 1", "zamówienie-1", "ORD-1?", String(repeating: "A", count: OrderNumberKind.maxLength + 1)])
    func aBadOrderNumber_Is422InvalidIdentifier(_ number: String) throws {
        let service = try Service()
        defer { service.stop() }
        let answer = try service.call(
            .post, "/threads", as: Service.storefront,
            text: """
                {"orderNumber": "\(number)", "email": "jan@example.pl", "subject": "Paczka", "message": "Gdzie?"}
                """)
        #expect(answer.status == .unprocessableContent, "\(answer.text)")
        #expect(answer.errorCode == "invalid_identifier")
        #expect(answer.errorField == "orderNumber")
        #expect(try service.threads().isEmpty)
    }

    @Test func aCustomerToken_OpensOnlyForItself() throws {
        let service = try Service()
        defer { service.stop() }
        let token = Service.customer("c-1")
        let forAnother = try service.open(Service.opening(customer: "c-2"), as: token)
        #expect(forAnother.status == .forbidden, "\(forAnother.text)")
        #expect(try service.threads().isEmpty)

        let itself = try service.opened(Service.opening(customer: nil), as: token)
        #expect(itself.thread.customerId == "c-1", "leaving customerId out opens for the token's customer")
        #expect(itself.messages.map(\.author) == ["customer:c-1"])
        let named = try service.opened(Service.opening(customer: "c-1"), as: token)
        #expect(named.thread.customerId == "c-1")
        #expect(try service.threads().map(\.customerId) == ["c-1", "c-1"])
    }

    @Test func anAnonymousCaller_CannotOpen() throws {
        let service = try Service()
        defer { service.stop() }
        let answer = try service.open(Service.opening(), as: Service.anonymous)
        #expect([401, 403].contains(answer.status.code), "\(answer.status)")
        #expect(try service.threads().isEmpty)
    }

    @Test func aRepeatWithTheSameIdempotencyKey_ReturnsTheSameThread_AndOpensOne() throws {
        let service = try Service()
        defer { service.stop() }
        let key: HTTPHeaders = ["Idempotency-Key": "open-1"]
        let first = try service.open(Service.opening(), headers: key)
        #expect(first.status == .created)
        service.clock.advance(seconds: 5)
        let repeated = try service.open(Service.opening(), headers: key)
        #expect(repeated.status == .created)
        #expect(repeated.headers["Idempotent-Replayed"] == "true")
        #expect(try repeated.decode(ThreadDetail.self) == first.decode(ThreadDetail.self))
        #expect(try service.threads().count == 1)

        let changed = try service.open(Service.opening(subject: "Inny temat"), headers: key)
        #expect(changed.status == .unprocessableContent, "the same key with another body")
        #expect(try service.open(Service.opening(), headers: ["Idempotency-Key": "open-2"]).status == .created)
        #expect(try service.threads().count == 2)
    }
}
