import Contract
import Foundation
import HTTP
import TestSupport
import Testing

@testable import HelpdeskCore

/// The status rules: an operator's reply sets operatorReplied and, the first time, the first
/// response; a note changes no status; a customer's reply sets customerReplied and reopens a
/// closed thread; the admin sets any status, closing records when; every change is in the history.
@Suite struct ThreadWorkflowTests {
    typealias Service = HelpdeskTestService

    static let admin = "admin:tester"

    @Test func anOperatorReply_SetsOperatorReplied_AndTheFirstResponseOnce() throws {
        let service = try Service()
        defer { service.stop() }
        let opened = try service.opened().thread
        service.clock.advance(seconds: 90)
        let first = service.clock.date
        let reply = try service.reply(opened.id)
        #expect(reply.from == .operator && reply.author == Self.admin && !reply.note && reply.createdAt == first)
        var thread = try service.thread(opened.id).thread
        #expect(thread.status == .operatorReplied && thread.firstResponseAt == first && thread.updatedAt == first)

        service.clock.advance(seconds: 60)
        try service.reply(opened.id, as: Service.customer("c-1"))
        service.clock.advance(seconds: 60)
        try service.reply(opened.id, "Jeszcze raz.")
        thread = try service.thread(opened.id).thread
        #expect(thread.status == .operatorReplied)
        #expect(thread.firstResponseAt == first, "only the first reply is the first response")
        #expect(thread.updatedAt == service.clock.date)
    }

    @Test func aNote_ChangesNoStatus_NoFirstResponse_AndNoHistory() throws {
        let service = try Service()
        defer { service.stop() }
        let opened = try service.opened(as: Service.admin)
        service.clock.advance(seconds: 60)
        let note = try service.note(opened.thread.id)
        #expect(note.note && note.from == .operator && note.author == Self.admin)
        let detail = try service.thread(opened.thread.id)
        #expect(detail.thread.status == .reported && detail.thread.firstResponseAt == nil)
        #expect(detail.statusChanges == opened.statusChanges)
        #expect(detail.thread.updatedAt == service.clock.date, "a note is a message: updatedAt moves")

        try service.setStatus(.closed, of: opened.thread.id)
        let closed = try service.thread(opened.thread.id)
        service.clock.advance(seconds: 60)
        try service.note(opened.thread.id)
        let after = try service.thread(opened.thread.id)
        #expect(after.thread.status == .closed && after.thread.closedAt == closed.thread.closedAt)
        #expect(after.statusChanges == closed.statusChanges)
    }

    @Test func aCustomerReply_SetsCustomerReplied_AndReopensAClosedThread() throws {
        let service = try Service()
        defer { service.stop() }
        let id = try service.opened().thread.id
        try service.reply(id)
        service.clock.advance(seconds: 60)
        let closed = try service.setStatus(.closed, of: id)
        #expect(closed.status == .closed && closed.closedAt == service.clock.date)
        service.clock.advance(seconds: 60)
        let answer = try service.reply(id, "Jednak nie doszła.", as: Service.customer("c-1"))
        #expect(answer.from == .customer && answer.author == "customer:c-1")
        let thread = try service.thread(id)
        #expect(thread.thread.status == .customerReplied && thread.thread.closedAt == nil)
        #expect(
            thread.statusChanges.last
                == StatusChangeRecord(
                    from: .closed, to: .customerReplied, actor: "customer:c-1", at: service.clock.date))
        try service.reply(id, "Od sklepu.", as: Service.storefront)
        #expect(try service.thread(id).thread.status == .customerReplied)
    }

    @Test func settingAStatus_ClosesWithTheTime_LeavingClosedClearsIt_TheSameStatusRecordsNothing() throws {
        let service = try Service()
        defer { service.stop() }
        let id = try service.opened().thread.id
        service.clock.advance(seconds: 60)
        #expect(try service.setStatus(.closed, of: id).closedAt == service.clock.date)
        service.clock.advance(seconds: 60)
        let forwarded = try service.setStatus(.forwardedPayments, of: id)
        #expect(forwarded.status == .forwardedPayments && forwarded.closedAt == nil)
        #expect(forwarded.updatedAt == service.clock.date)
        let before = try service.thread(id)
        service.clock.advance(seconds: 60)
        #expect(
            try service.setStatus(.forwardedPayments, of: id) == before.thread, "nothing changes, not even updatedAt")
        #expect(try service.thread(id) == before)

        let missing = try service.call(.put, "/threads/9999/status", json: StatusUpdate(status: .closed))
        #expect(missing.status == .notFound)
        for caller in [Service.storefront, Service.customer("c-1")] {
            let refused = try service.call(
                .put, "/threads/\(id)/status", json: StatusUpdate(status: .closed), as: caller)
            #expect(refused.status == .forbidden, "\(caller)")
        }
        #expect(try service.thread(id) == before)
    }

    /// What a step does to the thread, by the rules, and what the model expects.
    enum Step: CaseIterable {
        case customerReply, storefrontReply, operatorReply, note, setStatus
    }

    /// The rules as a model: the thread and its history after each step.
    struct Model {
        var thread: ThreadSummary
        var history: [StatusChangeRecord]

        mutating func change(to status: ThreadStatus, by actor: String, at now: Date) {
            guard status != thread.status else { return }
            history.append(StatusChangeRecord(from: thread.status, to: status, actor: actor, at: now))
            thread.status = status
            thread.updatedAt = now
            thread.closedAt = status == .closed ? now : nil
        }
    }

    @Test func aRandomSequence_AgreesWithTheRules_AndTheHistoryListsEveryChangeInOrder() throws {
        let service = try Service()
        defer { service.stop() }
        var random = SeededGenerator(seed: 7)
        for round in 0..<4 {
            let opened = try service.opened(as: Service.admin)
            var model = Model(thread: opened.thread, history: opened.statusChanges)
            var messages = opened.messages
            for _ in 0..<30 {
                service.clock.advance(seconds: Double(Int.random(in: 1...600, using: &random)))
                let now = service.clock.date
                let id = model.thread.id
                switch Step.allCases.randomElement(using: &random)! {
                case .customerReply:
                    messages.append(try service.reply(id, "Klient.", as: Service.customer("c-1")))
                    model.change(to: .customerReplied, by: "customer:c-1", at: now)
                case .storefrontReply:
                    messages.append(try service.reply(id, "Sklep.", as: Service.storefront))
                    model.change(to: .customerReplied, by: "storefront:shop", at: now)
                case .operatorReply:
                    messages.append(try service.reply(id))
                    model.change(to: .operatorReplied, by: Self.admin, at: now)
                    if model.thread.firstResponseAt == nil { model.thread.firstResponseAt = now }
                case .note:
                    messages.append(try service.note(id))
                case .setStatus:
                    let status = ThreadStatus.allCases.randomElement(using: &random)!
                    let before = model.thread
                    model.change(to: status, by: Self.admin, at: now)
                    #expect(try service.setStatus(status, of: id) == model.thread)
                    if before == model.thread { continue }
                }
                model.thread.updatedAt = now
            }
            let detail = try service.thread(model.thread.id)
            #expect(detail.thread == model.thread, "round \(round)")
            #expect(detail.statusChanges == model.history, "round \(round)")
            #expect(detail.messages == messages, "round \(round)")
            #expect(detail.statusChanges.map(\.at) == detail.statusChanges.map(\.at).sorted())
        }
    }
}
