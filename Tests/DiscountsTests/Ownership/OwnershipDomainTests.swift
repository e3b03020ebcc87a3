import Contract
import Foundation
import HTTP
import ServiceKit
import Testing

@testable import DiscountsCore

/// The pure parts of assignment and purchase: the mail's text and what loyalty's answer to a
/// debit means for a purchase.
struct OwnershipDomainTests {
    @Test(arguments: [
        (Int64(0), "PLN", "0,00 PLN"), (5, "PLN", "0,05 PLN"), (2_500, "PLN", "25,00 PLN"),
        (123_456_789, "PLN", "1 234 567,89 PLN"), (1_500, "JPY", "1 500 JPY"), (1_234, "KWD", "1,234 KWD"),
        (-2_550, "EUR", "-25,50 EUR"),
    ])
    func money_IsWrittenThePolishWay(minor: Int64, currency: String, text: String) {
        #expect(AssignmentMail.money(minor, currency: currency) == text)
    }

    @Test func theMail_NamesTheCodeDiscountMinimumAndValidity() {
        let offer = CampaignOffer(
            id: 1, name: "Wiosna", kind: .assigned, status: .ready, archivedAt: nil,
            discount: CampaignDiscount(type: .amount, value: 2_500), currency: "PLN", minOrderValue: 10_000,
            validFrom: RFC3339.parse("2026-03-01T00:00:00Z"), validTo: RFC3339.parse("2026-05-31T23:59:00Z"),
            pointsPrice: nil)

        let mail = AssignmentMail(code: "WIOSNA-7Q2", offer: offer, shopLink: "https://sklep.example.pl/")

        #expect(mail.subject == "Twój kod rabatowy: WIOSNA-7Q2")
        #expect(mail.body.contains("\n    WIOSNA-7Q2\n"))
        #expect(mail.body.contains("Rabat: 25,00 PLN"))
        #expect(mail.body.contains("Minimalna wartość zamówienia: 100,00 PLN"))
        #expect(mail.body.contains("Ważność: od 01.03.2026 00:00 do 31.05.2026 23:59 (UTC)"))
        #expect(mail.body.contains("jednorazowy"))
        #expect(mail.body.contains("https://sklep.example.pl/"))
    }

    @Test func validity_WithoutDates_IsUnlimited() {
        #expect(AssignmentMail.validityText(from: nil, to: nil) == "bezterminowo")
        #expect(
            AssignmentMail.discountText(CampaignDiscount(type: .freeShipping), currency: "PLN") == "darmowa dostawa")
    }

    private static let debit = PointDebit(
        debitId: "d", customerId: "c1", points: 10, reason: "r", balanceAfter: 0, createdAt: Date())

    @Test func aTakenDebit_CompletesThePurchase_UnlessItsPointsWentBack() {
        guard case .complete = PurchaseSettlement.of(.success(Self.debit)) else {
            Issue.record("a debit should complete the purchase")
            return
        }
        var returned = Self.debit
        returned.compensatedAt = Date()
        guard case .release(let refusal) = PurchaseSettlement.of(.success(returned)) else {
            Issue.record("a compensated debit should release the code")
            return
        }
        #expect(refusal.code == "purchase_cancelled")
    }

    @Test func loyaltysRefusal_ReleasesTheCode_ButNoAnswerLeavesItPending() {
        let refusal = ServiceCallError(
            status: .conflict, code: "insufficient_points", message: "short", service: "loyalty",
            details: ["balance": .int(5)])
        guard case .release(let kept) = PurchaseSettlement.of(.failure(refusal)) else {
            Issue.record("a 409 should release the code")
            return
        }
        #expect(kept.code == "insufficient_points")
        #expect(kept.details["balance"] == .int(5))
        let failing = ServiceCallError(status: .internalServerError, code: "internal_error", message: "", service: "l")
        for error in [HTTPError.unavailable("down"), failing] as [any Error] {
            guard case .leavePending = PurchaseSettlement.of(.failure(error)) else {
                Issue.record("\(error) should leave the purchase pending")
                continue
            }
        }
    }
}
