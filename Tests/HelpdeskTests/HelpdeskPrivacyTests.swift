import Contract
import Foundation
import HTTP
import Store
import TestSupport
import Testing

@testable import HelpdeskCore

/// The privacy contract in the helpdesk: the person's threads as they see them, and their erasure:
/// no address, their own words gone, the operators' replies, notes and every figure kept.
struct HelpdeskPrivacyTests {
    /// A thread `customer` opens about `order` with their own token, an operator's reply, a note,
    /// the customer's answer, and the thread closed; returns the thread's id.
    @discardableResult
    private func conversation(_ service: HelpdeskTestService, _ customer: CustomerId, order: OrderNumber) throws
        -> Int64
    {
        let opened = try service.opened(
            HelpdeskTestService.opening(
                order: order, customer: customer, email: "\(customer)@example.pl",
                subject: "Paczka \(order) nie dotarła", message: "Pisze \(customer), czekam od tygodnia."),
            as: HelpdeskTestService.customer(customer))
        let id = opened.thread.id
        service.clock.advance(seconds: 3_600)
        try service.reply(id)
        try service.note(id)
        service.clock.advance(seconds: 600)
        try service.reply(id, "Dziękuję, \(customer).", as: HelpdeskTestService.customer(customer))
        try service.setStatus(.closed, of: id)
        return id
    }

    @Test func erasure_RemovesTheAddressAndTheCustomersWords_KeepingRepliesNotesAndFigures() throws {
        let service = try HelpdeskTestService()
        defer { service.stop() }
        let thread = try conversation(service, "anna-1", order: "A-100")
        try conversation(service, "bogdan-2", order: "B-200")
        let before = try service.thread(thread)
        let figures: HelpdeskStats = try service.get("/stats")

        let walk = try PrivacyProbe(service.service).walk(erasing: "anna-1", beside: "bogdan-2")

        #expect(walk.problems.isEmpty, "\(walk.problems)")
        #expect(Set(walk.person.holds.keys) == ["threads"])
        #expect(!PrivacyProbe.Walk.text(walk.person).contains("Sprawdzić u kuriera"), "a note in the subject")
        let after = try service.thread(thread)
        #expect(after.thread.customerId?.text == walk.erasure.pseudonym)
        #expect(after.thread.email == "" && after.thread.subject == HelpdeskPrivacyRepository.erasedText)
        #expect(after.thread.status == before.thread.status && after.thread.closedAt == before.thread.closedAt)
        #expect(after.messages.count == before.messages.count)
        for (old, new) in zip(before.messages, after.messages) {
            #expect(new.id == old.id && new.from == old.from && new.note == old.note && new.createdAt == old.createdAt)
            if old.from == .customer {
                #expect(new.body == HelpdeskPrivacyRepository.erasedText)
                #expect(new.author == "customer:" + walk.erasure.pseudonym)
            } else {
                #expect(new.body == old.body && new.author == old.author)
            }
        }
        #expect(after.statusChanges.map(\.to) == before.statusChanges.map(\.to))
        #expect(after.statusChanges.first?.actor == "customer:" + walk.erasure.pseudonym)
        #expect(try service.get("/stats") == figures)
        let probe = PrivacyProbe(service.service)
        #expect(try probe.tablesHolding("anna-1").isEmpty)
        #expect(
            try probe.tablesHolding("bogdan-2")
                == [
                    "messages.author", "messages.body", "status_changes.actor", "threads.customer_id", "threads.email",
                    "threads.email_key",
                ])
    }
}
