import Contract
import Foundation
import HTTP
import TestSupport
import Testing

@testable import LoyaltyCore

/// The history explains every point: after any mix of operations, for every customer the sum of
/// the history's changes equals the balance (and the open lots), and pending points likewise.
struct HistoryInvariantTests {
    @Test(arguments: [UInt64(1), 2, 3])
    func theHistorySumsToTheBalance_AfterARandomMixOfOperations(seed: UInt64) throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        var random = SeededGenerator(seed: seed)
        try service.updateProgram {
            $0.expiryMonths = 1
            $0.rewardEligibility = .allExceptExcluded
            $0.deductOnCancel = seed % 2 == 1
        }
        try service.createRule(Rules.fixed(20))
        try service.createRule(Rules.perValue(5_00, action: .orderStatus, status: .paid))
        try service.createRule(Rules.fixed(7, action: .orderStatus, status: .fulfilled))
        try service.createRule(Rules.fixed(15, action: .newsletterSignup))
        _ = try service.send(
            .post, "/v1/rewards",
            json: RewardInput(productId: "mug", name: "Mug", moneyPrice: 1_00, currency: "PLN", pointsPrice: 30))

        let customers = ["c1", "c2", "c3"]
        var sequences: [OrderNumber: Int64] = [:]
        var exchangeOrders: [Int64] = []
        var debits: [String] = []
        for step in 0..<150 {
            let customer = customers.randomElement(using: &random) ?? "c1"
            switch Int.random(in: 0..<10, using: &random) {
            case 0:
                try service.adjust(customer, Int64.random(in: -60...120, using: &random) | 1)
            case 1, 2, 3:
                let index = Int.random(in: 0..<12, using: &random)
                let number = OrderNumber("O\(index)")!
                let sequence = (sequences[number] ?? 0) + 1
                sequences[number] = sequence
                let status = OrderStatus.allCases.randomElement(using: &random) ?? .paid
                let refunded =
                    status == .refunded && Bool.random(using: &random)
                    ? Int64.random(in: 0...10_000, using: &random) : nil
                // Orders belong to c1 or c2 for good; every fourth is a guest's.
                let owner: CustomerId? = index % 4 == 3 ? nil : CustomerId("c\(index % 2 + 1)")
                try service.deliverOK(
                    Orders.event(
                        number, sequence: sequence, status: status, customerId: owner,
                        lines: [Orders.line(net: 100_00)], refundedNet: refunded
                    ))
            case 4:
                let answer = try service.send(
                    .post, "/v1/customers/\(customer)/exchange-orders",
                    json: ExchangeOrderRequest(items: [
                        ExchangeOrderItemRequest(productId: "mug", quantity: Int64.random(in: 1...3, using: &random))
                    ])
                )
                if answer.status == 201 { exchangeOrders.append(try answer.decode(ExchangeOrder.self).id) }
            case 5:
                if let id = exchangeOrders.randomElement(using: &random) {
                    _ = try service.send(.post, "/v1/exchange-orders/\(id)/rejection")
                }
            case 6:
                let id = "d\(step)"
                let answer = try service.send(
                    .post, "/v1/point-debits",
                    json: PointDebitRequest(
                        debitId: id, customerId: customer, points: Int64.random(in: 1...50, using: &random),
                        reason: "Code"),
                    as: LoyaltyTestService.service
                )
                if answer.status == 201 { debits.append(id) }
            case 7:
                if let id = debits.randomElement(using: &random) {
                    _ = try service.send(.post, "/v1/point-debits/\(id)/compensation", as: LoyaltyTestService.service)
                }
            case 8:
                service.clock.advance(days: Double.random(in: 1...12, using: &random))
                if Bool.random(using: &random) {
                    try LoyaltyService.expirePoints(in: service.database, now: service.clock.date)
                }
            default:
                _ = try service.send(.post, "/v1/customers/\(customer)/newsletter-signup")
            }
        }
        for customer in customers {
            try service.expectLedgerConsistent(customer)
        }
    }
}

/// The ledger refuses amounts of zero or below itself, whatever its caller checked.
struct LedgerAmountTests {
    @Test(arguments: [Int64(0), -1, Int64.min])
    func creditsAndDebitsOfNoOrNegativePoints_AreRefused_AndWriteNothing(points: Int64) throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        var cause = HistoryCause()
        cause.actor = "test"
        cause.reason = "misuse"
        #expect(throws: LedgerMisuse.self) {
            try service.database.write { connection in
                try Ledger(connection: connection, now: Date(), expiryMonths: nil)
                    .credit("c-1", points: points, kind: .adjustment, cause: cause)
            }
        }
        #expect(throws: LedgerMisuse.self) {
            try service.database.write { connection in
                _ = try Ledger(connection: connection, now: Date(), expiryMonths: nil)
                    .debit("c-1", points: points, kind: .adjustment, cause: cause, shortfall: .deductWhatIsThere)
            }
        }
        let figures = try service.database.read { try Ledger.figures("c-1", in: $0) }
        #expect(figures.points == 0 && figures.pendingPoints == 0)
        #expect(try service.database.read { try $0.scalar("SELECT count(*) FROM history", as: Int.self) } == 0)
    }
}
