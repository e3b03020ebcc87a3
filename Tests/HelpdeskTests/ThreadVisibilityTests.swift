import Contract
import Foundation
import HTTP
import TestSupport
import Testing

@testable import HelpdeskCore

/// Who sees what: a customer only their own threads (another's answers as a thread that does not
/// exist), neither a customer nor the storefront the notes or the status history, the admin all;
/// only the admin writes notes; a customer's list holds their threads alone.
@Suite struct ThreadVisibilityTests {
    typealias Service = HelpdeskTestService

    @Test func aCustomer_ReadsOnlyTheirOwnThreads_AnotherCustomersIsNotFound() throws {
        let service = try Service()
        defer { service.stop() }
        let own = try service.opened(Service.opening(customer: "c-1"))
        let others = try service.opened(Service.opening(customer: "c-2"))
        let nobodys = try service.opened(Service.opening(customer: nil))
        #expect(try service.thread(own.thread.id, as: Service.customer("c-1")).thread == own.thread)
        for id in [others.thread.id, nobodys.thread.id, 9_999] {
            let answer = try service.call(.get, "/threads/\(id)", as: Service.customer("c-1"))
            #expect(answer.status == .notFound, "thread \(id): \(answer.text)")
            #expect(answer.errorCode == "not_found")
        }
        let missing = try service.call(.get, "/threads/9999", as: Service.customer("c-1"))
        let hidden = try service.call(.get, "/threads/\(others.thread.id)", as: Service.customer("c-1"))
        #expect(
            hidden.errorEnvelope?.error.message.replacing(String(others.thread.id), with: "9999")
                == missing.errorEnvelope?.error.message, "nothing tells the two apart")
        #expect(try service.thread(others.thread.id, as: Service.storefront).thread == others.thread)
        #expect(try service.thread(nobodys.thread.id).thread == nobodys.thread)
        #expect(try service.call(.get, "/threads/1", as: Service.anonymous).status.code >= 401)
    }

    @Test func notesAndTheStatusHistory_AreTheAdminsAlone() throws {
        let service = try Service()
        defer { service.stop() }
        let id = try service.opened().thread.id
        service.clock.advance(seconds: 60)
        let reply = try service.reply(id)
        let note = try service.note(id)
        try service.setStatus(.forwardedSales, of: id)
        let answer = try service.reply(id, "Dziękuję.", as: Service.customer("c-1"))

        let admin = try service.thread(id)
        #expect(admin.messages.map(\.id).contains(note.id))
        #expect(admin.messages.count == 4)
        #expect(admin.statusChanges.map(\.to) == [.reported, .operatorReplied, .forwardedSales, .customerReplied])
        for caller in [Service.customer("c-1"), Service.storefront] {
            let detail = try service.thread(id, as: caller)
            #expect(detail.thread == admin.thread, "\(caller)")
            #expect(detail.messages == admin.messages.filter { !$0.note }, "\(caller)")
            #expect(detail.messages.map(\.id).contains(reply.id) && detail.messages.map(\.id).contains(answer.id))
            #expect(detail.statusChanges.isEmpty, "\(caller)")
            let raw = try service.call(.get, "/threads/\(id)", as: caller).text
            #expect(!raw.contains(note.body), "\(caller) never reads the note's text")
        }
    }

    @Test func aCustomerPostingToAnothersThread_IsNotFound_AndChangesNothing() throws {
        let service = try Service()
        defer { service.stop() }
        let others = try service.opened(Service.opening(customer: "c-2"), as: Service.admin)
        for request in [MessageRequest(body: "Halo?"), MessageRequest(body: "Notatka", kind: .note)] {
            let answer = try service.post(request, to: others.thread.id, as: Service.customer("c-1"))
            #expect(answer.status == .notFound, "\(answer.text)")
        }
        #expect(try service.thread(others.thread.id) == others)
    }

    @Test func aNoteFromACustomerOrTheStorefront_IsForbidden_AndChangesNothing() throws {
        let service = try Service()
        defer { service.stop() }
        let opened = try service.opened()
        let before = try service.thread(opened.thread.id)
        for caller in [Service.customer("c-1"), Service.storefront] {
            let answer = try service.post(
                MessageRequest(body: "Wewnętrzna", kind: .note), to: opened.thread.id, as: caller)
            #expect(answer.status == .forbidden, "\(caller): \(answer.text)")
            #expect(answer.errorCode == "forbidden")
        }
        #expect(try service.thread(opened.thread.id) == before)
    }

    @Test func aStandardReplyPickedByACustomerOrTheStorefront_IsForbidden_SoItsTextStaysTheAdmins() throws {
        let service = try Service()
        defer { service.stop() }
        let opened = try service.opened()
        let reply = try service.standardReply("Wewnętrzny tekst", "Tylko dla BOK: {email}")
        let before = try service.thread(opened.thread.id)
        for caller in [Service.customer("c-1"), Service.storefront] {
            for request in [
                MessageRequest(standardReplyId: reply.id), MessageRequest(body: "x", standardReplyId: reply.id),
            ] {
                let answer = try service.post(request, to: opened.thread.id, as: caller)
                #expect(
                    answer.status == .forbidden && !answer.text.contains("Tylko dla BOK"), "\(caller): \(answer.text)")
            }
        }
        #expect(try service.thread(opened.thread.id) == before)
    }

    @Test func aCustomersList_HoldsOnlyTheirThreads_NewestFirst_Paged() throws {
        let service = try Service()
        defer { service.stop() }
        var opened: [ThreadSummary] = []
        for index in 0..<9 {
            let customer: CustomerId? = index % 3 == 2 ? nil : CustomerId("c-\(index % 3)")
            opened.append(
                try service.opened(Service.opening(order: OrderNumber("ORD-\(index)")!, customer: customer)).thread)
            service.clock.advance(seconds: 30)
        }
        // A status change keeps the order: newest opened first.
        try service.setStatus(.closed, of: opened[0].id)
        let current = try service.threads()
        for customer in ["c-0", "c-1", "c-7"] as [CustomerId] {
            let expected = current.filter { $0.customerId == customer }
            for limit in [1, 2, 3, PageRequest.maxLimit] {
                for caller in [Service.customer(customer), Service.storefront, Service.admin] {
                    let listed = try service.walk(
                        "/customers/\(customer)/threads", limit: limit, as: caller, of: ThreadSummary.self)
                    #expect(listed == expected, "\(customer) as \(caller), limit \(limit)")
                }
            }
        }
        #expect(
            try service.walk("/customers/c-0/threads", limit: 2, of: ThreadSummary.self).map(\.id) == [
                opened[6].id, opened[3].id, opened[0].id,
            ])
        let another = try service.call(.get, "/customers/c-0/threads", as: Service.customer("c-1"))
        #expect(another.status == .forbidden, "\(another.text)")
        #expect(try service.call(.get, "/customers/c-0/threads", as: Service.anonymous).status.code >= 401)
        #expect(try service.call(.get, "/customers/c-0/threads?cursor=abc").status == .badRequest)
    }
}
