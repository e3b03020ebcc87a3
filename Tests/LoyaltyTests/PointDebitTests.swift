import Contract
import Foundation
import HTTP
import ServiceKit
import Testing

@testable import LoyaltyCore

/// Debits for things other services sell for points, and their compensation.
struct PointDebitTests {
    private func debit(_ service: LoyaltyTestService, _ id: String, points: Int64, customerId: String = "c1") throws
        -> Answer
    {
        try service.send(
            .post, "/v1/point-debits",
            json: PointDebitRequest(debitId: id, customerId: customerId, points: points, reason: "Code SPRING"),
            as: LoyaltyTestService.service
        )
    }

    @Test func aDebit_IsTakenOncePerDebitId() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.adjust("c1", 500)

        let first = try debit(service, "d1", points: 200)
        let repeated = try debit(service, "d1", points: 200)
        let reused = try debit(service, "d1", points: 300)

        #expect(first.status == 201)
        #expect(repeated.status == 200)
        #expect(try repeated.decode(PointDebit.self) == first.decode(PointDebit.self))
        #expect(reused.status == 409)
        #expect(reused.error?.code == "debit_id_reused")
        #expect(try service.balance("c1").points == 300)
        #expect(try service.history("c1").first?.cause.debitId == "d1")
    }

    @Test func aDebitLargerThanTheBalance_IsRefused_AndMayBeRetried() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.adjust("c1", 100)

        let refused = try debit(service, "d1", points: 150)
        try service.adjust("c1", 100)
        let retried = try debit(service, "d1", points: 150)

        #expect(refused.status == 409)
        #expect(refused.error?.code == "insufficient_points")
        #expect(retried.status == 201)
        #expect(try service.balance("c1").points == 50)
    }

    @Test func compensation_ReturnsThePointsExactlyOnce() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.adjust("c1", 500)
        _ = try debit(service, "d1", points: 200)

        let first = try service.send(.post, "/v1/point-debits/d1/compensation", as: LoyaltyTestService.service)
        let second = try service.send(.post, "/v1/point-debits/d1/compensation", as: LoyaltyTestService.service)
        let unknown = try service.send(.post, "/v1/point-debits/nope/compensation", as: LoyaltyTestService.service)

        #expect(first.status == 200)
        #expect(try first.decode(PointDebit.self).compensatedAt != nil)
        #expect(second.status == 200)
        #expect(try second.decode(PointDebit.self) == first.decode(PointDebit.self))
        #expect(unknown.status == 404)
        #expect(try service.balance("c1").points == 500)
        #expect(try service.history("c1").map(\.kind).prefix(2) == [.debitReturned, .debit])
        try service.expectLedgerConsistent("c1")
    }

    @Test func debits_AreForServicesAndAdmins() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        let request = PointDebitRequest(debitId: "d1", customerId: "c1", points: 1, reason: "x")
        let storefront = try service.send(.post, "/v1/point-debits", json: request, as: LoyaltyTestService.storefront)
        let customer = try service.send(.post, "/v1/point-debits", json: request, as: LoyaltyTestService.customer("c1"))
        #expect(storefront.status == 403)
        #expect(customer.status == 403)
    }

    @Test func theTypedClient_DebitsAndCompensates() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.adjust("c1", 100)
        let client = LoyaltyClient(
            ServiceClient(
                service: "loyalty", upstream: service.upstream, secret: LoyaltyTestService.secret, http: service.http
            ))

        let debit = try client.debit(PointDebitRequest(debitId: "code/7", customerId: "c1", points: 60, reason: "Code"))
        let compensated = try client.compensate(debitId: "code/7")

        #expect(debit.balanceAfter == 40)
        #expect(compensated.compensatedAt != nil)
        #expect(try service.balance("c1").points == 100)
        #expect(throws: ServiceCallError.self) {
            try client.debit(PointDebitRequest(debitId: "code/8", customerId: "c1", points: 1000, reason: "Code"))
        }
    }
}
