import Contract
import Foundation
import Testing

@testable import LoyaltyCore

/// Cancellations and refunds take back what an order earned, never more, never twice.
struct OrderReversalTests {
    @Test func cancelling_DeductsCreditedPoints_AndDropsPendingOnes_WhenTheProgramSaysSo() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.createRule(Rules.fixed(40))
        try service.createRule(Rules.fixed(15, action: .orderStatus, status: .fulfilled))

        try service.deliverOK(Orders.event("A1", sequence: 1, status: .created))
        #expect(try service.balance("c1").points == 40)
        #expect(try service.balance("c1").pendingPoints == 15)
        let points = try service.deliverOK(Orders.event("A1", sequence: 2, status: .cancelled))

        #expect(points.awards.map(\.state) == [.credited, .cancelled])
        #expect(points.awards.map(\.reversed) == [40, 0])
        let balance = try service.balance("c1")
        #expect(balance.points == 0)
        #expect(balance.pendingPoints == 0)
        #expect(Set(try service.history("c1").prefix(2).map(\.kind)) == [.cancelled, .pendingCancelled])

        // Terminal: a later "fulfilled" credits nothing.
        try service.deliverOK(Orders.event("A1", sequence: 3, status: .fulfilled))
        #expect(try service.balance("c1").points == 0)
        try service.expectLedgerConsistent("c1")
    }

    @Test func cancelling_KeepsCreditedPoints_WhenDeductOnCancelIsOff() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.updateProgram { $0.deductOnCancel = false }
        try service.createRule(Rules.fixed(40))
        try service.createRule(Rules.fixed(15, action: .orderStatus, status: .fulfilled))

        try service.deliverOK(Orders.event("A1", sequence: 1, status: .created))
        try service.deliverOK(Orders.event("A1", sequence: 2, status: .cancelled))

        let balance = try service.balance("c1")
        #expect(balance.points == 40)
        #expect(balance.pendingPoints == 0)
        try service.expectLedgerConsistent("c1")
    }

    @Test func cancelling_AfterThePointsWereSpent_DeductsWhatIsThere_AndRecordsTheShortfall() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.createRule(Rules.fixed(100))
        try service.deliverOK(Orders.event("A1", sequence: 1, status: .created))
        try service.adjust("c1", -70)

        try service.deliverOK(Orders.event("A1", sequence: 2, status: .cancelled))

        #expect(try service.balance("c1").points == 0)
        let entry = try #require(try service.history("c1").first)
        #expect(entry.kind == .cancelled)
        #expect(entry.points == -30)
        #expect(entry.cause.reason?.contains("Only 30 of 100") == true)
        try service.expectLedgerConsistent("c1")
    }

    @Test func aFullRefund_ReversesEveryCreditedPoint_EvenWithoutDeductOnCancel() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.updateProgram { $0.deductOnCancel = false }
        try service.createRule(Rules.perValue(10_00, action: .orderStatus, status: .paid))
        try service.createRule(Rules.fixed(5, action: .orderStatus, status: .fulfilled))
        try service.deliverOK(Orders.event("A1", sequence: 1, status: .paid, lines: [Orders.line(net: 300_00)]))
        #expect(try service.balance("c1").points == 30)

        let points = try service.deliverOK(
            Orders.event("A1", sequence: 2, status: .refunded, lines: [Orders.line(net: 300_00)]))

        #expect(points.awards.map(\.reversed) == [30, 0])
        #expect(points.awards.map(\.state) == [.credited, .cancelled])
        #expect(try service.balance("c1").points == 0)
        #expect(try service.balance("c1").pendingPoints == 0)
        try service.expectLedgerConsistent("c1")
    }

    @Test func anEventNamingAnotherCustomer_IsRefused_AndTheOwnersPointsStay() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.createRule(Rules.perValue(1_00))
        try service.deliverOK(Orders.event("COL-1", sequence: 1, status: .fulfilled, customerId: "victimV"))
        #expect(try service.balance("victimV").points == 100)

        let stolen = try service.deliver(Orders.event("COL-1", sequence: 2, status: .refunded, customerId: "attackerA"))
        #expect(stolen.status == 409)
        #expect(stolen.error?.code == "order_customer_changed")
        #expect(try service.balance("victimV").points == 100)
        try service.expectLedgerConsistent("victimV")
    }

    @Test func twoPartialRefunds_ReverseProportionally_AndNeverOverDeduct() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.createRule(Rules.perValue(1_00))  // 1 point per 1.00 net
        let lines = [Orders.line(net: 100_00, gross: 123_00)]
        try service.deliverOK(Orders.event("A1", sequence: 1, status: .fulfilled, lines: lines))
        #expect(try service.balance("c1").points == 100)

        // 30 % of the gross refunded: 30 points back (the award is on net; the share is the same).
        try service.deliverOK(Orders.event("A1", sequence: 2, status: .refunded, lines: lines, refundedGross: 36_90))
        #expect(try service.balance("c1").points == 70)

        // Cumulative 50 % net: 20 more, not 50.
        try service.deliverOK(Orders.event("A1", sequence: 3, status: .refunded, lines: lines, refundedNet: 50_00))
        #expect(try service.balance("c1").points == 50)

        // The same figure reported again takes nothing.
        try service.deliverOK(Orders.event("A1", sequence: 4, status: .refunded, lines: lines, refundedNet: 50_00))
        #expect(try service.balance("c1").points == 50)

        // The rest refunded: everything left goes.
        let points = try service.deliverOK(
            Orders.event("A1", sequence: 5, status: .refunded, lines: lines, refundedNet: 100_00))
        #expect(points.awards.first?.reversed == 100)
        #expect(try service.balance("c1").points == 0)
        #expect(try service.history("c1").filter { $0.kind == .refunded }.map(\.points) == [-50, -20, -30])
        try service.expectLedgerConsistent("c1")
    }

    @Test func pointsSpentElsewhere_AreNotTakenTwice_ByARefund() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.createRule(Rules.fixed(50))
        try service.adjust("c1", 200)
        try service.deliverOK(Orders.event("A1", sequence: 1, status: .created))

        try service.deliverOK(Orders.event("A1", sequence: 2, status: .refunded))
        try service.deliverOK(Orders.event("A1", sequence: 3, status: .refunded))

        #expect(try service.balance("c1").points == 200)
    }
}
