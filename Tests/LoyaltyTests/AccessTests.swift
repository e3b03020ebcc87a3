import Contract
import Foundation
import HTTP
import ServiceKit
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

    /// Every loyalty route a customer may call for their own id (the gateway's access table is
    /// walked the same way in `LookalikeIdentifierTests`).
    static let customerRoutes: [(HTTPMethod, String)] = [
        (.get, "/v1/customers/{id}"), (.get, "/v1/customers/{id}/history"), (.get, "/v1/customers/{id}/history.csv"),
        (.get, "/v1/customers/{id}/exchange-orders"), (.post, "/v1/customers/{id}/exchange-orders"),
    ]

    @Test func aCallerNamedByALookalikeId_ReachesNeitherTheAccountItResemblesNorItsExchangeOrders() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.adjust("Kevin", 1_000)
        try service.updateProgram { $0.rewardEligibility = .allExceptExcluded }
        _ = try service.send(
            .post, "/v1/rewards",
            json: RewardInput(productId: "mug", name: "Mug", moneyPrice: 40_00, currency: "PLN", pointsPrice: 10))
        let placed = try service.send(
            .post, "/v1/customers/Kevin/exchange-orders", text: #"{"items":[{"productId":"mug","quantity":1}]}"#,
            as: LoyaltyTestService.customer("Kevin"))
        let orderId = try placed.decode(ExchangeOrder.self).id
        let lookalikes = [
            "\u{212A}evin", "\u{FF2B}evin", "K\u{0435}vin", "Ke\u{200D}vin", "Kevin\u{200B}", "cafe\u{0301}",
        ]
        for text in lookalikes {
            // The identity a token for `text` would carry, as the gateway would pass it on.
            let identity: HTTPHeaders = [
                InternalHeaders.secret: LoyaltyTestService.secret, InternalHeaders.role: "customer",
                InternalHeaders.customerId: PercentDecoding.encode(text),
            ]
            for (method, pattern) in Self.customerRoutes {
                let path = pattern.replacingOccurrences(of: "{id}", with: "Kevin")
                let body = method == .post ? Array(#"{"items":[{"productId":"mug","quantity":1}]}"#.utf8) : []
                let answer = try service.send(method, path, body: body, headers: identity, secret: nil)
                #expect(answer.status == 400, "\(text.debugDescription) \(method) \(path): \(answer.status)")
                let onPath = try service.send(
                    method, pattern.replacingOccurrences(of: "{id}", with: PercentDecoding.encode(text)), body: body,
                    as: LoyaltyTestService.customer("Kevin"))
                // The route's declaration refuses it before the handler reads the path, as the gateway does.
                #expect(onPath.status == 403, "\(text.debugDescription) \(method) on path: \(onPath.status)")
            }
            let order = try service.send(.get, "/v1/exchange-orders/\(orderId)", headers: identity, secret: nil)
            #expect(order.status == 400)
        }
        #expect(try service.balance("Kevin").points == 990)
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
