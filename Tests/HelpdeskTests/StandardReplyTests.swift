import Contract
import Foundation
import HTTP
import ServiceKit
import TestSupport
import Testing

@testable import HelpdeskCore

/// Standard replies: kept by the admin, listed by title, their placeholders checked when saved
/// and filled in from the thread when one is sent.
@Suite struct StandardReplyTests {
    typealias Service = HelpdeskTestService

    static let notFound = "standard_reply_not_found"

    @Test func create_Read_Replace_Delete() throws {
        let service = try Service()
        defer { service.stop() }
        let created = try service.standardReply("Paczka w drodze", "Zamówienie {orderNumber} jest w drodze.")
        #expect(created.title == "Paczka w drodze" && created.body == "Zamówienie {orderNumber} jest w drodze.")
        #expect(created.updatedAt == service.clock.date)
        #expect(try service.get("/standard-replies/\(created.id)") == created)

        service.clock.advance(seconds: 60)
        let input = StandardReplyInput(title: "Zwrot", body: "Pieniądze za {orderNumber} wrócą w 14 dni.")
        let replaced: StandardReply = try service.decoded(
            try service.call(.put, "/standard-replies/\(created.id)", json: input))
        #expect(
            replaced
                == StandardReply(id: created.id, title: input.title, body: input.body, updatedAt: service.clock.date))
        #expect(try service.get("/standard-replies/\(created.id)") == replaced)

        #expect(try service.call(.delete, "/standard-replies/\(created.id)").status == .noContent)
        for answer in [
            try service.call(.get, "/standard-replies/\(created.id)"),
            try service.call(.delete, "/standard-replies/\(created.id)"),
            try service.call(.put, "/standard-replies/\(created.id)", json: input),
        ] {
            #expect(answer.status == .notFound, "\(answer.text)")
            #expect(answer.errorCode == Self.notFound)
        }
        #expect(try service.walk("/standard-replies", limit: 10, of: StandardReply.self).isEmpty)
        for caller in [Service.storefront, Service.customer("c-1")] {
            #expect(try service.call(.get, "/standard-replies", as: caller).status == .forbidden)
            #expect(try service.call(.post, "/standard-replies", json: input, as: caller).status == .forbidden)
        }
    }

    @Test(arguments: [
        ("Tytuł", "Dzień dobry, {customerName}!", "body"),
        ("Tytuł", "Zamówienie {orderNumber} dla {name}", "body"),
        ("Tytuł", "{OrderNumber}", "body"),
        ("Tytuł", "   ", "body"),
        ("Tytuł", "Dzwonek \u{07}", "body"),
        ("Tytuł", String(repeating: "a", count: HelpdeskRules.maximumMessageLength + 1), "body"),
        ("  ", "Treść", "title"),
        ("Dwie\nlinie", "Treść", "title"),
        (String(repeating: "t", count: HelpdeskRules.maximumSubjectLength + 1), "Treść", "title"),
    ])
    func aBrokenStandardReply_Is422NamingItsField(_ title: String, _ body: String, _ field: String) throws {
        let service = try Service()
        defer { service.stop() }
        let kept = try service.standardReply("Dobry", "Zamówienie {orderNumber}, {subject}, {email}, {threadId}.")
        let input = StandardReplyInput(title: title, body: body)
        for (method, path) in [(HTTPMethod.post, "/standard-replies"), (.put, "/standard-replies/\(kept.id)")] {
            let answer = try service.call(method, path, json: input)
            #expect(answer.status == .unprocessableContent, "\(method): \(answer.text)")
            #expect(answer.errorCode == "validation_failed")
            #expect(answer.errorField == field, "\(method): \(answer.text)")
        }
        #expect(try service.walk("/standard-replies", limit: 10, of: StandardReply.self) == [kept])
    }

    @Test func theList_IsSortedByTitleThenId_AndPaged() throws {
        let service = try Service()
        defer { service.stop() }
        var saved: [StandardReply] = []
        for title in ["Zwrot", "Anulowanie", "Żółw", "Zwrot", "anulowanie", "Ąę", "Zwrot", "B", "Anulowanie"] {
            saved.append(try service.standardReply(title, "Treść: \(title)."))
        }
        let expected = saved.sorted { ($0.title, $0.id) < ($1.title, $1.id) }
        for limit in [1, 2, 4, 9, 10, PageRequest.maxLimit] {
            #expect(
                try service.walk("/standard-replies", limit: limit, of: StandardReply.self) == expected,
                "limit \(limit)")
        }
        for cursor in ["abc", "%%%", TextCursor.encode("no newline"), TextCursor.encode("Zwrot\nx")] {
            let answer = try service.call(.get, "/standard-replies?cursor=" + Service.encoded(cursor))
            #expect(answer.status == .badRequest, "cursor \(cursor): \(answer.text)")
            #expect(answer.errorCode == "invalid_cursor")
        }
        #expect(try service.call(.get, "/standard-replies?limit=0").errorParameter == "limit")
    }

    @Test func aStandardReply_IsSentWithTheThreadsValuesFilledIn() throws {
        let service = try Service()
        defer { service.stop() }
        let thread = try service.opened(
            Service.opening(order: "2027/01-7", email: "Ola@Example.pl", subject: "Zły rozmiar")
        )
        .thread
        let reply = try service.standardReply(
            "Wszystko", "Zamówienie {orderNumber}: „{subject}”, {email}, wątek {threadId}; {orderNumber} raz jeszcze.")
        let message = try service.posted(MessageRequest(standardReplyId: reply.id), to: thread.id)
        #expect(
            message.body
                == "Zamówienie 2027/01-7: „Zły rozmiar”, Ola@Example.pl, wątek \(thread.id); 2027/01-7 raz jeszcze.")
        #expect(message.standardReplyId == reply.id && message.from == .operator && !message.note)
        #expect(try service.thread(thread.id).messages.last == message)
        #expect(try service.thread(thread.id).thread.status == .operatorReplied)

        let note = try service.posted(MessageRequest(standardReplyId: reply.id, kind: .note), to: thread.id)
        #expect(note.note && note.body == message.body && note.standardReplyId == reply.id)

        // Deleting the reply leaves the messages sent with it as they were.
        #expect(try service.call(.delete, "/standard-replies/\(reply.id)").status == .noContent)
        #expect(try service.thread(thread.id).messages.suffix(2) == [message, note])
    }

    @Test func aThreadsValues_AreNotFilledInAgain() throws {
        let service = try Service()
        defer { service.stop() }
        let thread = try service.opened(Service.opening(subject: "Kto ma {email} i {threadId}?")).thread
        let reply = try service.standardReply("Temat", "Dotyczy: {subject} ({orderNumber})")
        let message = try service.posted(MessageRequest(standardReplyId: reply.id), to: thread.id)
        #expect(message.body == "Dotyczy: Kto ma {email} i {threadId}? (ORD-1)", "the subject is the customer's text")
    }

    @Test func aBodyWithAStandardReply_IsSentAsGiven() throws {
        let service = try Service()
        defer { service.stop() }
        let thread = try service.opened().thread
        let reply = try service.standardReply("Szablon", "Zamówienie {orderNumber} jest w drodze.")
        let edited = "Zamówienie {orderNumber} jest w drodze, kurier będzie jutro."
        let message = try service.posted(MessageRequest(body: edited, standardReplyId: reply.id), to: thread.id)
        #expect(message.body == edited && message.standardReplyId == reply.id)
    }

    @Test func anUnknownStandardReply_Is404_AndNothingIsPosted() throws {
        let service = try Service()
        defer { service.stop() }
        let opened = try service.opened(as: Service.admin)
        for request in [MessageRequest(standardReplyId: 42), MessageRequest(body: "Tekst", standardReplyId: 42)] {
            let answer = try service.post(request, to: opened.thread.id)
            #expect(answer.status == .notFound, "\(answer.text)")
            #expect(answer.errorCode == Self.notFound)
        }
        #expect(try service.thread(opened.thread.id) == opened)
    }

    @Test(arguments: [
        (MessageRequest(), "body"), (MessageRequest(kind: .note), "body"), (MessageRequest(body: " \n "), "body"),
        (MessageRequest(standardReplyId: 0), "standardReplyId"),
        (MessageRequest(body: "Tekst", standardReplyId: 0), "standardReplyId"),
        (MessageRequest(body: "Tekst", standardReplyId: -3), "standardReplyId"),
    ])
    func aMessageWithoutText_OrWithABadReplyId_Is422(_ request: MessageRequest, _ field: String) throws {
        let service = try Service()
        defer { service.stop() }
        let opened = try service.opened(as: Service.admin)
        let answer = try service.post(request, to: opened.thread.id)
        #expect(answer.status == .unprocessableContent, "\(answer.text)")
        #expect(answer.errorCode == "validation_failed")
        #expect(answer.errorField == field, "\(answer.text)")
        #expect(try service.thread(opened.thread.id) == opened)
    }
}
