import Contract
import Foundation
import Testing

@testable import DiscountsCore

/// Every reason a code is refused, the order the checks run in, and what a non-admin is told.
struct CodeEligibilityTests {
    private let now = Date(timeIntervalSince1970: 1_800_000_000)

    private func terms(
        kind: CampaignKind = .singleUse, from: TimeInterval? = nil, to: TimeInterval? = nil,
        minimum: Int64? = nil, ready: Bool = true
    ) -> CodeEligibility.Terms {
        CodeEligibility.Terms(
            kind: kind, validFrom: from.map { now.addingTimeInterval($0) },
            validTo: to.map { now.addingTimeInterval($0) },
            rule: .percent(10), minOrderValue: minimum, currency: "PLN", isReady: ready)
    }

    private func code(active: Bool = true, customer: String? = nil, uses: Int64 = 0) -> CodeEligibility.CodeState {
        CodeEligibility.CodeState(active: active, customerId: customer, uses: uses)
    }

    private func cart(customer: String? = "c-1", value: Int64 = 10_000, currency: String = "PLN")
        -> CodeEligibility.Cart
    {
        CodeEligibility.Cart(customerId: customer, orderValue: value, shippingCost: 990, currency: currency)
    }

    private func refusal(
        _ terms: CodeEligibility.Terms?, _ code: CodeEligibility.CodeState?, _ cart: CodeEligibility.Cart,
        repeat: Bool = false
    ) -> CodeEligibility.Refusal? {
        if case .failure(let reason) = CodeEligibility.check(
            terms: terms, code: code, cart: cart, now: now, redemptionOfThisOrder: `repeat`)
        {
            return reason
        }
        return nil
    }

    @Test func aValidCode_GivesItsDiscount() {
        let result = CodeEligibility.check(terms: terms(), code: code(), cart: cart(), now: now)
        #expect((try? result.get())?.value == 1_000)
    }

    @Test func eachReason_IsGiven() {
        #expect(refusal(nil, nil, cart()) == .unknown)
        #expect(refusal(terms(), code(customer: "c-2"), cart()) == .otherCustomer)
        #expect(refusal(terms(), code(customer: "c-1"), cart(customer: nil)) == .otherCustomer)
        #expect(refusal(terms(), code(active: false), cart()) == .inactive)
        #expect(refusal(terms(ready: false), code(), cart()) == .inactive)
        #expect(refusal(terms(kind: .assigned), code(), cart()) == .inactive)
        #expect(refusal(terms(from: 60), code(), cart()) == .notYetValid)
        #expect(refusal(terms(to: -60), code(), cart()) == .expired)
        #expect(refusal(terms(), code(uses: 1), cart()) == .usedUp)
        #expect(refusal(terms(), code(), cart(currency: "EUR")) == .currencyMismatch)
        #expect(refusal(terms(minimum: 10_001), code(), cart()) == .belowMinimum)
    }

    @Test func theValidityWindow_IncludesItsEnds() {
        #expect(refusal(terms(from: 0, to: 0), code(), cart()) == nil)
    }

    @Test func aMultiUseCode_IsNeverUsedUp() {
        #expect(refusal(terms(kind: .multiUse), code(uses: 1_000), cart()) == nil)
    }

    @Test func theSameOrdersRedemption_IsNotASecondUse() {
        #expect(refusal(terms(), code(uses: 1), cart(), repeat: true) == nil)
    }

    @Test func someoneElsesCode_IsRefusedBeforeItsStateIsRevealed() {
        let theirs = code(active: false, customer: "c-2", uses: 1)
        #expect(refusal(terms(to: -60), theirs, cart()) == .otherCustomer)
    }

    @Test func anAssignedCode_ServesItsCustomer() {
        #expect(refusal(terms(kind: .assigned), code(customer: "c-1"), cart()) == nil)
    }

    @Test func nonAdmins_SeeUnknownAndOtherCustomerAlike() {
        #expect(CodeEligibility.Refusal.unknown.shown(toAdmin: false) == "notFound")
        #expect(CodeEligibility.Refusal.otherCustomer.shown(toAdmin: false) == "notFound")
        #expect(CodeEligibility.Refusal.otherCustomer.shown(toAdmin: true) == "otherCustomer")
        #expect(CodeEligibility.Refusal.expired.shown(toAdmin: false) == "expired")
    }
}
