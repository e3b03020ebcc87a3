import Contract
import Foundation
import HTTP
import TestSupport
import Testing

@testable import LoyaltyCore

/// Points expire N calendar months after they were credited; spending uses the soonest first.
struct ExpiryTests {
    private static func date(_ text: String) throws -> Date {
        try #require(RFC3339.parse(text))
    }

    @Test func spending_UsesTheOldestPointsFirst_AndOnlyTheRestExpires() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.updateProgram { $0.expiryMonths = 1 }
        try service.adjust("c1", 100)  // expires 2026-02-15T12:00Z
        service.clock.advance(days: 10)
        try service.adjust("c1", 50)  // expires 2026-02-25T12:00Z
        try service.adjust("c1", -120)

        let before = try service.balance("c1")
        #expect(before.expiringPoints == [ExpiringPoints(points: 30, expiresAt: try Self.date("2026-02-25T12:00:00Z"))])

        service.clock.set(try Self.date("2026-02-20T00:00:00Z"))
        #expect(try service.balance("c1").points == 30)

        service.clock.set(try Self.date("2026-02-26T00:00:00Z"))
        let after = try service.balance("c1")
        #expect(after.points == 0)
        #expect(after.expiringPoints.isEmpty)
        let expired = try #require(try service.history("c1").first)
        #expect(expired.kind == .expired)
        #expect(expired.points == -30)
        #expect(expired.cause.reason?.contains("2026-01-25") == true)
        try service.expectLedgerConsistent("c1")
    }

    @Test func expiringPoints_AreSummedPerDay_SoonestFirst_AndOnlyForTheirOwnCustomer() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.adjust("c1", 40)  // never expires
        try service.updateProgram { $0.expiryMonths = 1 }
        try service.adjust("c1", 100)  // 2026-02-15T12:00Z
        service.clock.advance(days: 0.25)
        try service.adjust("c1", 50)  // 2026-02-15T18:00Z, the same day
        service.clock.advance(days: 1)
        try service.adjust("c1", 7)  // 2026-02-16T18:00Z

        let own = try service.send(.get, "/v1/customers/c1/expiring", as: LoyaltyTestService.customer("c1"))
        #expect(own.status == 200)
        #expect(
            try own.decode(ExpiringPointsByDate.self)
                == ExpiringPointsByDate(
                    customerId: "c1", points: 157,
                    dates: [.init(date: "2026-02-15", points: 150), .init(date: "2026-02-16", points: 7)]))
        let other = try service.send(.get, "/v1/customers/c1/expiring", as: LoyaltyTestService.customer("c2"))
        #expect(other.status == 403)

        service.clock.set(try Self.date("2026-02-16T00:00:00Z"))
        let later = try service.send(.get, "/v1/customers/c1/expiring").decode(ExpiringPointsByDate.self)
        #expect(later.dates == [.init(date: "2026-02-16", points: 7)])
    }

    @Test func spending_TakesTheSoonestExpiryFirst_AndPointsThatNeverExpireLast() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.adjust("c1", 100)  // never expires
        try service.updateProgram { $0.expiryMonths = 12 }
        try service.adjust("c1", 100)  // 2027-01-15
        try service.updateProgram { $0.expiryMonths = 1 }
        try service.adjust("c1", 100)  // 2026-02-15

        try service.adjust("c1", -150)

        let balance = try service.balance("c1")
        #expect(balance.points == 150)
        #expect(
            balance.expiringPoints == [ExpiringPoints(points: 50, expiresAt: try Self.date("2027-01-15T12:00:00Z"))])
    }

    @Test func theBackgroundPass_ExpiresCustomersNobodyTouches() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.updateProgram { $0.expiryMonths = 1 }
        try service.adjust("c1", 70)
        try service.adjust("c2", 30)

        let early = try LoyaltyService.expirePoints(in: service.database, now: service.clock.date)
        let expired = try LoyaltyService.expirePoints(in: service.database, now: try Self.date("2026-03-01T00:00:00Z"))
        let again = try LoyaltyService.expirePoints(in: service.database, now: try Self.date("2026-03-01T00:00:00Z"))

        #expect(early == 0)
        #expect(expired == 2)
        #expect(again == 0)
        #expect(try service.balance("c1").points == 0)
        #expect(try service.balance("c2").points == 0)
        try service.expectLedgerConsistent("c1")
    }

    @Test func returnedPoints_KeepTheirOriginalExpiry() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.updateProgram {
            $0.expiryMonths = 1
            $0.rewardEligibility = .allExceptExcluded
        }
        _ = try service.send(
            .post, "/v1/rewards",
            json: RewardInput(productId: "mug", name: "Mug", moneyPrice: 1_00, currency: "PLN", pointsPrice: 80))
        try service.adjust("c1", 100)  // expires 2026-02-15
        let order: ExchangeOrder = try service.send(
            .post, "/v1/customers/c1/exchange-orders",
            json: ExchangeOrderRequest(items: [ExchangeOrderItemRequest(productId: "mug", quantity: 1)])
        ).decode()
        service.clock.set(try Self.date("2026-02-20T00:00:00Z"))

        let rejected = try service.send(.post, "/v1/exchange-orders/\(order.id)/rejection")

        #expect(rejected.status == 200)
        #expect(try service.balance("c1").points == 0)
        #expect(try service.history("c1").prefix(3).map(\.kind) == [.expired, .exchangeReturned, .expired])
        try service.expectLedgerConsistent("c1")
    }

    @Test func expiryMonths_AreCalendarMonths_ClampedToTheMonthsEnd() throws {
        let january31 = try Self.date("2026-01-31T10:00:00Z")
        #expect(PointsExpiry.expiresAt(creditedAt: january31, months: 1) == (try Self.date("2026-02-28T10:00:00Z")))
        #expect(PointsExpiry.expiresAt(creditedAt: january31, months: 13) == (try Self.date("2027-02-28T10:00:00Z")))
        #expect(PointsExpiry.expiresAt(creditedAt: january31, months: nil) == nil)
        #expect(PointsExpiry.day(january31) == "2026-01-31")
    }
}
