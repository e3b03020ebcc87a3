import Contract
import Foundation
import HTTP
import Testing

@testable import LoyaltyCore

/// Roles are enforced in the service too, whatever the gateway lets through.
struct AccessTests {
    @Test func aCustomer_ReadsOnlyTheirOwnPoints() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        let me = LoyaltyTestService.customer("c1")

        #expect(try service.send(.get, "/v1/customers/c1", as: me).status == 200)
        #expect(try service.send(.get, "/v1/customers/c2", as: me).status == 403)
        #expect(try service.send(.get, "/v1/customers/c2/history", as: me).status == 403)
        #expect(try service.send(.get, "/v1/customers/c2/history.csv", as: me).status == 403)
        #expect(
            try service.send(.put, "/v1/customers/c1/coefficient", text: #"{"coefficient":2}"#, as: me).status == 403)
    }

    @Test func anUnknownCustomer_HasZeros() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        let balance: CustomerPoints = try service.send(.get, "/v1/customers/nobody", as: LoyaltyTestService.storefront)
            .decode()
        #expect(
            balance
                == CustomerPoints(
                    customerId: "nobody", points: 0, pendingPoints: 0, coefficient: .one, expiringPoints: [],
                    exchangeOrderCount: 0, newsletterSignedUp: false
                ))
    }

    @Test func callsWithoutTheInternalSecret_AreRefused() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        let noSecret = try service.send(.get, "/v1/program", secret: nil)
        let wrongSecret = try service.send(.get, "/v1/program", secret: "not-the-secret-at-all")
        #expect(noSecret.status == 401)
        #expect(wrongSecret.status == 401)
    }

    @Test func historyPages_AreNewestFirst_WithKeysetCursors() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        for points in 1...5 { try service.adjust("c1", Int64(points)) }

        let first: Page<HistoryEntry> = try service.send(.get, "/v1/customers/c1/history?limit=2").decode()
        let cursor = try #require(first.nextCursor)
        let second: Page<HistoryEntry> = try service.send(.get, "/v1/customers/c1/history?limit=2&cursor=\(cursor)")
            .decode()
        let all = try service.history("c1", pageSize: 2)

        #expect(first.items.map(\.points) == [5, 4])
        #expect(second.items.map(\.points) == [3, 2])
        #expect(all.map(\.points) == [5, 4, 3, 2, 1])
        #expect(try service.send(.get, "/v1/customers/c1/history?limit=zero").status == 400)
        #expect(try service.send(.get, "/v1/customers/c1/history?cursor=-4").status == 400)
    }

    @Test func theStatement_IsCSVWithAHeaderRow() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.adjust("c1", 10, reason: "=HYPERLINK(\"x\")")

        let answer = try service.send(.get, "/v1/customers/c1/history.csv")

        #expect(answer.status == 200)
        #expect(answer.headers["Content-Type"] == "text/csv; charset=utf-8")
        let lines = answer.text.split(separator: "\r\n")
        #expect(lines.first?.hasPrefix("id,createdAt,kind,points") == true)
        #expect(lines.count == 2)
        #expect(lines.last?.contains("'=HYPERLINK") == true)
    }

    @Test func aCoefficientOutsideItsRange_IsA422NamingTheField() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        let answer = try service.send(.put, "/v1/customers/c1/coefficient", text: #"{"coefficient": 0}"#)
        let fine = try service.send(.put, "/v1/customers/c1/coefficient", text: #"{"coefficient": 1.5}"#)
        #expect(answer.status == 422)
        #expect(answer.error?.details?["field"] == .string("coefficient"))
        #expect(try fine.decode(CustomerPoints.self).coefficient == Coefficient("1.5"))
    }
}
