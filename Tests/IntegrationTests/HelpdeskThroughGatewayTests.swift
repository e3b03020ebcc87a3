import Contract
import Foundation
import HTTP
import TestSupport
import Testing

/// The helpdesk as the shop uses it, every process real: the storefront opens a thread for a
/// customer, the operator answers with a standard reply, which mails the customer a link through
/// SMTP, and keeps a note the customer never sees.
@Suite(.serialized)
struct HelpdeskThroughGatewayTests {
    @Test func threadAnsweredFromAStandardReply_MailsTheCustomer_AndTheNoteStaysInternal() throws {
        let smtp = try FakeSMTPServer()
        defer { smtp.stop() }
        let suite = try SuiteHarness(extraEnvironment: [
            "ZAPLECZE_SMTP_URL": smtp.url, "ZAPLECZE_SHOP_URL": "https://sklep.example.pl",
        ])
        defer { suite.stop() }
        let admin = SuiteHarness.adminKey
        let opening = ThreadOpening(
            orderNumber: "ZM/7", customerId: "bok-c-1", email: "ewa@example.pl", subject: "Gdzie paczka?",
            message: "Paczka nie dotarła.")
        let opened = try suite.gateway.json(
            .post, "/api/v1/helpdesk/threads", opening, token: SuiteHarness.storefrontKey)
        #expect(opened.status == .created, "\(opened.text)")
        let thread = try opened.decode(ThreadDetail.self).thread
        let reply = try suite.gateway.json(
            .post, "/api/v1/helpdesk/standard-replies",
            StandardReplyInput(title: "W drodze", body: "Paczka z zamówienia {orderNumber} jest w drodze."),
            token: admin
        ).decode(StandardReply.self)

        let messages = "/api/v1/helpdesk/threads/\(thread.id)/messages"
        let sent = try suite.gateway.json(.post, messages, MessageRequest(standardReplyId: reply.id), token: admin)
        #expect(try sent.decode(ThreadMessage.self).body == "Paczka z zamówienia ZM/7 jest w drodze.")
        _ = try suite.gateway.json(
            .post, messages, MessageRequest(body: "Klient dzwonił, sprawdzić kuriera.", kind: .note), token: admin)
        #expect(
            eventually(timeout: .seconds(20), interval: .milliseconds(50)) { smtp.messages.count == 1 })
        let mail = try #require(smtp.messages.first)
        #expect(mail.recipients == ["ewa@example.pl"])
        #expect(mail.decodedBody.contains("https://sklep.example.pl/orders/ZM%2F7/messages#thread-\(thread.id)"))
        #expect(!mail.decodedBody.contains("w drodze"), "the answer stays in the shop")
        #expect(mail.decodedSubject?.contains("ZM/7") == true)

        let token = try suite.gateway.json(
            .post, "/api/v1/auth/customer-tokens", CustomerTokenRequest(customerId: "bok-c-1"),
            token: SuiteHarness.storefrontKey
        ).decode(CustomerToken.self).token
        let seen = try suite.gateway.request(.get, "/api/v1/helpdesk/threads/\(thread.id)", token: token)
            .decode(ThreadDetail.self)
        #expect(seen.thread.status == .operatorReplied)
        #expect(seen.messages.map(\.from) == [.customer, .operator])
        #expect(seen.messages.allSatisfy { !$0.note } && seen.statusChanges.isEmpty)
        let other = try suite.gateway.json(
            .post, "/api/v1/auth/customer-tokens", CustomerTokenRequest(customerId: "bok-c-2"),
            token: SuiteHarness.storefrontKey
        ).decode(CustomerToken.self).token
        #expect(
            try suite.gateway.request(.get, "/api/v1/helpdesk/threads/\(thread.id)", token: other).status
                == .notFound)
        #expect(smtp.messages.count == 1, "a note mails no one")
    }
}
