import Contract
import Foundation
import Testing

@testable import LoyaltyCore

/// The pure parts of the service: the bulk file, refund shares and order progress.
struct LoyaltyDomainTests {
    @Test func theBulkFile_SkipsAHeader_NumbersRowsAsASpreadsheetDoes_AndTrims() throws {
        let rows = try BulkAdjustmentFile.parse(
            Array("\u{FEFF}CustomerID,points,reason\r\n c1 , +5 , Gift \r\nc2,-3,Fix\r\n".utf8))
        #expect(
            rows == [
                BulkAdjustmentRow(row: 2, customerId: "c1", points: 5, reason: "Gift"),
                BulkAdjustmentRow(row: 3, customerId: "c2", points: -3, reason: "Fix"),
            ])
    }

    @Test func theBulkFile_RefusesEmptyFilesAndBrokenCSV() {
        #expect(throws: BulkFileRejected.self) {
            try BulkAdjustmentFile.parse(Array("customerId,points,reason\n".utf8))
        }
        #expect(throws: (any Error).self) {
            try BulkAdjustmentFile.parse(Array("customerId,points,reason\nc1,5,\"open".utf8))
        }
        #expect(throws: (any Error).self) { try BulkAdjustmentFile.parse([0xFF, 0xFE]) }
        #expect(throws: BulkFileRejected.self) {
            try BulkAdjustmentFile.parse(Array("customerId,points,reason\nc1,-9223372036854775808,x\n".utf8))
        }
    }

    @Test func aRefund_IsFullWithoutFigures_OrWhenTheyReachTheValue() {
        #expect(RefundFigures(totalNet: 100, totalGross: 123, refundedNet: nil, refundedGross: nil).isFull)
        #expect(RefundFigures(totalNet: 100, totalGross: 123, refundedNet: 100, refundedGross: nil).isFull)
        #expect(!RefundFigures(totalNet: 100, totalGross: 123, refundedNet: 99, refundedGross: nil).isFull)
    }

    @Test func aPartialRefund_UsesItsOwnBasis_OrTheOther() {
        let gross = RefundFigures(totalNet: 100, totalGross: 200, refundedNet: nil, refundedGross: 50)
        #expect(gross.share(basis: .net)! == (50, 200))
        #expect(gross.reversalDue(earned: 40, alreadyReversed: 0, basis: .net) == 10)
        #expect(gross.reversalDue(earned: 40, alreadyReversed: 10, basis: .net) == 0)
        let full = RefundFigures(totalNet: 100, totalGross: 200, refundedNet: nil, refundedGross: nil)
        #expect(full.reversalDue(earned: 40, alreadyReversed: 15, basis: .gross) == 25)
    }

    @Test func orderProgress_RanksStatuses_AndKnowsTriggers() {
        #expect(OrderStatus.allCases.map(OrderProgress.rank) == [0, 1, 2, nil, nil])
        #expect(
            OrderProgress.trigger(of: LoyaltyRule(name: "x", action: .orderCreated, award: .fixed(points: 1)))
                == .created)
        #expect(
            OrderProgress.trigger(
                of: LoyaltyRule(name: "x", action: .orderStatus, status: .paid, award: .fixed(points: 1))) == .paid)
        #expect(
            OrderProgress.trigger(of: LoyaltyRule(name: "x", action: .newsletterSignup, award: .fixed(points: 1)))
                == nil)
    }

    @Test func exchangePricing_TotalsTheItems_AndNamesEachBadOne() throws {
        var program = LoyaltyProgram.default
        program.rewardEligibility = .allExceptExcluded
        program.rewardProductIds = ["excluded"]
        let now = Date(timeIntervalSince1970: 0)
        func reward(_ id: String, manual: Int64? = nil, active: Bool = true) -> RewardRecord {
            RewardRecord(
                productId: id, name: id, category: nil, moneyPrice: 12_34, currency: "PLN", manualPoints: manual,
                active: active, createdAt: now, updatedAt: now)
        }
        let rewards = [
            "a": reward("a"), "b": reward("b", manual: 7), "off": reward("off", active: false),
            "excluded": reward("excluded"),
        ]

        let priced = try ExchangePricing.price(
            ExchangeOrderRequest(items: [.init(productId: "a", quantity: 2), .init(productId: "b", quantity: 3)]),
            rewards: rewards, program: program
        )
        #expect(priced.total == 2 * 13 + 3 * 7)

        do {
            _ = try ExchangePricing.price(
                ExchangeOrderRequest(items: [
                    .init(productId: "off", quantity: 1), .init(productId: "excluded", quantity: 1),
                    .init(productId: "x", quantity: 1),
                ]),
                rewards: rewards, program: program
            )
            Issue.record("expected a refusal")
        } catch {
            #expect(error.problems.map(\.field) == ["items[0].productId", "items[1].productId", "items[2].productId"])
        }
    }
}
