import Contract
import Foundation
import HTTP
import ServiceKit
import Store
import TestSupport
import Testing

@testable import LoyaltyCore

/// Exchange orders: points for products, the admin's list, the "Exchanged" mark and rejection.
struct ExchangeOrderTests {
    /// A catalogue of two rewards (mug 100 points, bag 250 points) every product may be.
    private func stock(_ service: LoyaltyTestService) throws {
        try service.updateProgram { $0.rewardEligibility = .allExceptExcluded }
        _ = try service.send(
            .post, "/v1/rewards",
            json: RewardInput(productId: "mug", name: "Mug", moneyPrice: 40_00, currency: "PLN", pointsPrice: 100))
        _ = try service.send(
            .post, "/v1/rewards", json: RewardInput(productId: "bag", name: "Bag", moneyPrice: 250_00, currency: "PLN"))
    }

    @Test func aRequestWithThousandsOfBadItems_GetsAShortAnswer_ThatCountsWhatItDoesNotList() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        let items = String(repeating: #"{"productId":"mug","quantity":1},"#, count: 30_000).dropLast()
        let body = Array("{\"items\":[\(items)]}".utf8)
        let answer = try service.send(
            .post, "/v1/customers/c1/exchange-orders", body: body, as: LoyaltyTestService.customer("c1"))
        #expect(answer.status == 422)
        #expect(answer.body.count < 8_192, "\(answer.body.count) bytes for a \(body.count)-byte request")
        #expect(answer.error?.details?["unlisted"] == .number(Double(30_000 - ValidationFailure.listedProblems)))
        guard case .array(let fields)? = answer.error?.details?["fields"] else {
            Issue.record("no fields in \(answer.text.prefix(300))")
            return
        }
        #expect(fields.count == ValidationFailure.listedProblems)
    }

    private func place(
        _ service: LoyaltyTestService, _ customerId: CustomerId, _ items: [(String, Int64)],
        as principal: Principal? = nil
    ) throws -> Answer {
        let request = ExchangeOrderRequest(
            items: items.map { ExchangeOrderItemRequest(productId: $0.0, quantity: $0.1) })
        return try service.send(
            .post, "/v1/customers/\(customerId)/exchange-orders", json: request,
            as: principal ?? LoyaltyTestService.customer(customerId))
    }

    @Test func placingAnExchangeOrder_DeductsItsPoints_AndTellsTheAdmin() throws {
        let service = try LoyaltyTestService(adminEmail: "owner@example.com")
        defer { service.shutdown() }
        try stock(service)
        try service.adjust("c1", 500)

        let answer = try place(service, "c1", [("mug", 2), ("bag", 1)])

        #expect(answer.status == 201)
        let order: ExchangeOrder = try answer.decode()
        #expect(order.points == 450)
        #expect(order.status == .placed)
        #expect(order.exchanged == nil)
        #expect(order.items.map(\.points) == [200, 250])
        #expect(try service.balance("c1").points == 50)
        #expect(try service.balance("c1").exchangeOrderCount == 1)
        let entry = try #require(try service.history("c1").first)
        #expect(entry.kind == .exchange)
        #expect(entry.cause.exchangeOrderId == order.id)
        let mail = try service.database.read { connection in
            try connection.scalar("SELECT payload FROM outbox WHERE destination = 'mail'", as: [UInt8].self)
        }
        let message = try JSONCoding.decode(MailMessage.self, from: try #require(mail))
        #expect(message.to == ["owner@example.com"])
        #expect(message.textBody.contains("2 × Mug"))
        try service.expectLedgerConsistent("c1")
    }

    @Test func anExchangeOrder_IsRefused_WhenPointsAreShort_OrAProductCannotBeExchanged() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try stock(service)
        try service.adjust("c1", 120)
        _ = try service.send(
            .put, "/v1/rewards/bag", json: RewardInput(name: "Bag", moneyPrice: 250_00, currency: "PLN", active: false))

        let short = try place(service, "c1", [("mug", 2)])
        let inactive = try place(service, "c1", [("bag", 1)])
        let unknown = try place(service, "c1", [("mug", 1), ("hat", 1)])
        let duplicate = try place(service, "c1", [("mug", 1), ("mug", 1)])
        let empty = try place(service, "c1", [])

        #expect(short.status == 409)
        #expect(short.error?.code == "insufficient_points")
        #expect(inactive.status == 422)
        #expect(unknown.status == 422)
        #expect(unknown.error?.details?["field"] == .string("items[1].productId"))
        #expect(duplicate.status == 422)
        #expect(empty.status == 422)
        #expect(try service.balance("c1").points == 120)
        #expect(try service.balance("c1").exchangeOrderCount == 0)
    }

    @Test func aCustomer_PlacesAndSeesOnlyTheirOwnExchangeOrders() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try stock(service)
        try service.adjust("c1", 500)

        let forOther = try place(service, "c1", [("mug", 1)], as: LoyaltyTestService.customer("c2"))
        let placed: ExchangeOrder = try place(service, "c1", [("mug", 1)]).decode()
        let byOther = try service.send(.get, "/v1/exchange-orders/\(placed.id)", as: LoyaltyTestService.customer("c2"))
        let byOwner = try service.send(.get, "/v1/exchange-orders/\(placed.id)", as: LoyaltyTestService.customer("c1"))
        let otherList = try service.send(
            .get, "/v1/customers/c1/exchange-orders", as: LoyaltyTestService.customer("c2"))

        #expect(forOther.status == 403)
        #expect(byOther.status == 404)
        #expect(byOwner.status == 200)
        #expect(otherList.status == 403)
    }

    @Test func theAdminsList_FiltersByCustomerFlagAndTime() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try stock(service)
        try service.adjust("c1", 1000)
        try service.adjust("c2", 1000)
        let first: ExchangeOrder = try place(service, "c1", [("mug", 1)]).decode()
        service.clock.advance(days: 2)
        let second: ExchangeOrder = try place(service, "c2", [("mug", 1)]).decode()
        let third: ExchangeOrder = try place(service, "c1", [("bag", 1)], as: LoyaltyTestService.storefront).decode()
        _ = try service.send(.put, "/v1/exchange-orders/\(third.id)/exchanged", json: ExchangedUpdate(exchanged: true))

        func ids(_ query: String) throws -> [Int64] {
            let answer = try service.send(.get, "/v1/exchange-orders\(query)")
            try #require(answer.status == 200, "\(query): \(answer.text)")
            return try answer.decode(Page<ExchangeOrder>.self).items.map(\.id)
        }
        let cutoff = RFC3339.format(LoyaltyTestService.start.addingTimeInterval(86_400))

        #expect(try ids("") == [third.id, second.id, first.id])
        #expect(try ids("?customerId=c1") == [third.id, first.id])
        #expect(try ids("?exchanged=true") == [third.id])
        #expect(try ids("?exchanged=false") == [second.id, first.id])
        #expect(try ids("?from=\(cutoff)") == [third.id, second.id])
        #expect(try ids("?to=\(cutoff)") == [first.id])
        #expect(try ids("?limit=1").count == 1)
        #expect(try service.send(.get, "/v1/exchange-orders?from=yesterday").status == 400)
        #expect(try service.send(.get, "/v1/exchange-orders", as: LoyaltyTestService.storefront).status == 403)
    }

    @Test func markingExchanged_ShowsTheCustomerExchangedWithANote_AndSendsNothing() throws {
        let service = try LoyaltyTestService(adminEmail: "owner@example.com")
        defer { service.shutdown() }
        try stock(service)
        try service.adjust("c1", 500)
        let order: ExchangeOrder = try place(service, "c1", [("mug", 1)]).decode()
        let mailsBefore = try service.database.read { try $0.scalar("SELECT count(*) FROM outbox", as: Int.self) }

        let marked = try service.send(
            .put, "/v1/exchange-orders/\(order.id)/exchanged", json: ExchangedUpdate(exchanged: true))
        let seen: Page<ExchangeOrder> = try service.send(
            .get, "/v1/customers/c1/exchange-orders", as: LoyaltyTestService.customer("c1")
        ).decode()

        #expect(marked.status == 200)
        #expect(try marked.decode(ExchangeOrder.self).exchanged == true)
        let mine = try #require(seen.items.first)
        #expect(mine.status == .exchanged)
        #expect(mine.exchanged == nil)
        #expect(mine.note?.contains("completed") == true)
        #expect(try service.database.read { try $0.scalar("SELECT count(*) FROM outbox", as: Int.self) } == mailsBefore)
        #expect(try service.history("c1").first?.kind == .exchangeAccepted)
        #expect(try service.balance("c1").points == 400)
    }

    @Test func rejecting_ReturnsThePointsOnce() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try stock(service)
        try service.adjust("c1", 300)
        let order: ExchangeOrder = try place(service, "c1", [("mug", 2)]).decode()
        #expect(try service.balance("c1").points == 100)

        let rejected = try service.send(
            .post, "/v1/exchange-orders/\(order.id)/rejection", text: #"{"reason": "Out of stock"}"#)
        let again = try service.send(.post, "/v1/exchange-orders/\(order.id)/rejection")
        let mark = try service.send(
            .put, "/v1/exchange-orders/\(order.id)/exchanged", json: ExchangedUpdate(exchanged: true))

        #expect(rejected.status == 200)
        #expect(try rejected.decode(ExchangeOrder.self).status == .rejected)
        #expect(again.status == 409)
        #expect(again.error?.code == "already_rejected")
        #expect(mark.status == 409)
        #expect(try service.balance("c1").points == 300)
        let seen: ExchangeOrder = try service.send(
            .get, "/v1/exchange-orders/\(order.id)", as: LoyaltyTestService.customer("c1")
        ).decode()
        #expect(seen.note?.contains("Out of stock") == true)
        #expect(try service.history("c1").first?.kind == .exchangeReturned)
        try service.expectLedgerConsistent("c1")
    }

    @Test func anExchangedOrder_CannotBeRejected_UntilTheMarkIsCleared() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try stock(service)
        try service.adjust("c1", 300)
        let order: ExchangeOrder = try place(service, "c1", [("mug", 1)]).decode()
        _ = try service.send(.put, "/v1/exchange-orders/\(order.id)/exchanged", json: ExchangedUpdate(exchanged: true))

        let refused = try service.send(.post, "/v1/exchange-orders/\(order.id)/rejection")
        _ = try service.send(.put, "/v1/exchange-orders/\(order.id)/exchanged", json: ExchangedUpdate(exchanged: false))
        let accepted = try service.send(.post, "/v1/exchange-orders/\(order.id)/rejection")

        #expect(refused.status == 409)
        #expect(refused.error?.code == "already_exchanged")
        #expect(accepted.status == 200)
        #expect(try service.balance("c1").points == 300)
        #expect(try service.send(.post, "/v1/exchange-orders/999/rejection").status == 404)
    }
}
