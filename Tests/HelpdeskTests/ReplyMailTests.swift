import Contract
import Foundation
import HTTP
import ServiceKit
import TestSupport
import Testing

@testable import HelpdeskCore

/// The mail of an operator's reply: one per reply, to the thread's address, naming the order, with
/// a link to the shop's page of the thread, delivered through the outbox to the SMTP server. A note
/// and a customer's reply send none, nor does a reply to an address the SMTP client cannot send to.
@Suite struct ReplyMailTests {
    typealias Service = HelpdeskTestService

    @Test func anOperatorReply_MailsTheThreadsAddress_ALinkToTheThread() throws {
        let service = try Service(mail: true)
        defer { service.stop() }
        let thread = try service.opened(
            Service.opening(order: "2027/01-7", email: "ola.kowalska@example.pl", subject: "Zły rozmiar")
        ).thread
        try service.reply(thread.id, "Wymienimy bez kłopotu.")
        let queued = try service.queuedMail()
        try #require(queued.count == 1)
        #expect(queued[0].to == ["ola.kowalska@example.pl"])
        #expect(queued[0].subject.contains("2027/01-7"))

        let mail = try #require(try service.waitForMail(1).first)
        #expect(mail.recipients == ["ola.kowalska@example.pl"])
        #expect(mail.decodedSubject == "Odpowiedź w sprawie zamówienia 2027/01-7: Zły rozmiar")
        let link = "https://sklep.example.pl/orders/2027%2F01-7/messages#thread-\(thread.id)"
        #expect(mail.decodedBody.contains("Odpowiedź przeczytasz tutaj: \(link)\n"), "\(mail.decodedBody)")
        #expect(!mail.decodedBody.contains("Wymienimy"), "the answer itself stays in the shop")

        service.clock.advance(seconds: 60)
        try service.posted(MessageRequest(body: "I jeszcze jedno."), to: thread.id)
        #expect(try service.queuedMail().count == 2, "each operator reply sends its own")
        #expect(try service.waitForMail(2).count == 2)
    }

    @Test func aReplyRepeatedWithTheSameIdempotencyKey_PostsAndMailsOnce() throws {
        let service = try Service(mail: true)
        defer { service.stop() }
        let thread = try service.opened().thread
        let key: HTTPHeaders = ["Idempotency-Key": "reply-1"]
        let path = "/threads/\(thread.id)/messages"
        let first = try service.call(.post, path, json: MessageRequest(body: "Już wysłane."), headers: key)
        #expect(first.status == .created)
        let repeated = try service.call(.post, path, json: MessageRequest(body: "Już wysłane."), headers: key)
        #expect(repeated.status == .created && repeated.headers["Idempotent-Replayed"] == "true")
        #expect(try repeated.decode(ThreadMessage.self) == first.decode(ThreadMessage.self))
        #expect(try service.thread(thread.id).messages.count == 2)
        #expect(try service.queuedMail().count == 1)
    }

    @Test func theThreadPath_ComesFromTheConfiguration() throws {
        let service = try Service(mail: true, threadPath: "konto/zamowienia/{orderNumber}/watki/{threadId}")
        defer { service.stop() }
        let thread = try service.opened(Service.opening(order: "A.B_C-1")).thread
        try service.reply(thread.id)
        let mail = try #require(try service.waitForMail(1).first)
        #expect(
            mail.decodedBody.contains("https://sklep.example.pl/konto/zamowienia/A.B_C-1/watki/\(thread.id)\n"),
            "\(mail.decodedBody)")
    }

    @Test func aNote_AndACustomersReply_SendNoMail() throws {
        let service = try Service(mail: true)
        defer { service.stop() }
        let thread = try service.opened(Service.opening(email: "jan@example.pl")).thread
        try service.note(thread.id)
        try service.reply(thread.id, "Halo?", as: Service.customer("c-1"))
        try service.reply(thread.id, "Halo?", as: Service.storefront)
        try service.setStatus(.operatorReplied, of: thread.id)
        try service.setStatus(.closed, of: thread.id)
        #expect(try service.queuedMail().isEmpty)

        // The one mail that follows is the reply's, and the only one the relay receives.
        try service.reply(thread.id)
        #expect(try service.queuedMail().count == 1)
        let mails = try service.waitForMail(1)
        #expect(mails.count == 1, "the outbox held no other mail to send")
        #expect(mails.first?.recipients == ["jan@example.pl"])
    }

    @Test func anAddressTheSMTPClientCannotSendTo_IsStored_ButNotMailed() throws {
        let service = try Service(mail: true)
        defer { service.stop() }
        let address = "zażółć@przykład.pl"
        #expect(!Mailer.isDeliverable(address))
        let thread = try service.opened(Service.opening(email: address)).thread
        #expect(thread.email == address)
        let reply = try service.reply(thread.id)
        let detail = try service.thread(thread.id)
        #expect(detail.thread.status == .operatorReplied && detail.thread.firstResponseAt == reply.createdAt)
        #expect(try service.queuedMail().isEmpty)
        #expect(service.smtp?.messages.isEmpty == true)
    }
}
