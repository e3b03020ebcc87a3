import Contract
import Foundation
import Testing

@testable import LoyaltyCore

/// The moves an exchange order allows, without a database.
struct ExchangeOrderTransitionTests {
    private func order(exchanged: Bool = false, rejected: Bool = false) -> ExchangeOrderRecord {
        ExchangeOrderRecord(
            id: 7, customerId: "c1", items: [], points: 100, historyId: 1, exchanged: exchanged,
            exchangedAt: nil, rejectedAt: rejected ? Date(timeIntervalSince1970: 0) : nil, rejectionReason: nil,
            placedBy: nil, createdAt: Date(timeIntervalSince1970: 0)
        )
    }

    @Test func markingAPlacedOrder_ChangesIt_AndMarkingItTheSameWayAgainDoesNot() throws {
        #expect(try ExchangeOrderTransition.mark(order(), exchanged: true))
        #expect(try !ExchangeOrderTransition.mark(order(exchanged: true), exchanged: true))
        #expect(try ExchangeOrderTransition.mark(order(exchanged: true), exchanged: false))
        #expect(try !ExchangeOrderTransition.mark(order(), exchanged: false))
    }

    @Test func aRejectedOrder_CannotBeMarkedEitherWay() {
        #expect(throws: ExchangeOrderRefusal.markingRejected(7)) {
            try ExchangeOrderTransition.mark(order(rejected: true), exchanged: true)
        }
        #expect(throws: ExchangeOrderRefusal.markingRejected(7)) {
            try ExchangeOrderTransition.mark(order(rejected: true), exchanged: false)
        }
    }

    @Test func onlyAnUnmarkedOrderNotRejectedBefore_MayBeRejected() throws {
        try ExchangeOrderTransition.reject(order())
        #expect(throws: ExchangeOrderRefusal.alreadyRejected(7)) {
            try ExchangeOrderTransition.reject(order(rejected: true))
        }
        #expect(throws: ExchangeOrderRefusal.alreadyExchanged(7)) {
            try ExchangeOrderTransition.reject(order(exchanged: true))
        }
    }
}
