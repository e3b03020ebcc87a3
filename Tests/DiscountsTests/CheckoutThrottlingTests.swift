import Contract
import Foundation
import HTTP
import ServiceKit
import TestSupport
import Testing

@testable import DiscountsCore

/// Guessing codes is slowed down: after ten failures from one customer or client, further
/// failures are 429 with `Retry-After`; a valid code is never refused for anyone's failures.
@Suite struct CheckoutThrottlingTests {
    static func service() throws -> CheckoutTestService {
        try CheckoutTestService(failureRule: DiscountsService.defaultFailureRule)
    }

    @Test func theEleventhFailure_Is429WithRetryAfter_AndAValidCodeStillPasses() throws {
        let service = try Self.service()
        defer { service.stop() }
        try service.singleCode("REAL", kind: .multiUse)
        let guesser = CheckoutTestService.customer("c-1")
        for attempt in 1...10 {
            let response = try service.validate(DiscountCode("GUESS\(attempt)")!, as: guesser)
            #expect(response.status == .ok, "attempt \(attempt)")
        }
        let throttled = try service.validate("GUESS11", as: guesser)
        #expect(throttled.status == .tooManyRequests)
        #expect(throttled.errorEnvelope?.error.code == "too_many_failures")
        #expect(throttled.headers["Retry-After"] == "6")
        #expect(try service.validation("REAL", as: guesser).valid, "the guesser's own valid code")
        #expect(try service.redeem("REAL", order: "O-1", customer: "c-1").status == .created)

        // Failed redemptions count against the same customer.
        let refused = try service.redeem("GUESS12", order: "O-2", customer: "c-1")
        #expect(refused.status == .tooManyRequests)
        #expect(refused.errorEnvelope?.error.code == "too_many_failures")

        service.clock.advance(seconds: 6)
        #expect(try service.validate("GUESS13", as: guesser).status == .ok, "one failure back every six seconds")
        #expect(try service.validate("GUESS14", as: guesser).status == .tooManyRequests)
        service.clock.advance(seconds: 60)
        for attempt in 1...10 {
            #expect(try service.validate(DiscountCode("LATER\(attempt)")!, as: guesser).status == .ok)
        }
    }

    @Test func oneClientAddress_IsThrottledAcrossItsCustomerTokens() throws {
        let service = try Self.service()
        defer { service.stop() }
        let address: HTTPHeaders = ["X-Forwarded-For": "203.0.113.7"]
        for attempt in 1...10 {
            let token = CheckoutTestService.customer(CustomerId("c-\(attempt)")!)
            #expect(try service.validate("GUESS", as: token, headers: address).status == .ok)
        }
        let fresh = CheckoutTestService.customer("c-99")
        #expect(try service.validate("GUESS", as: fresh, headers: address).status == .tooManyRequests)
        let elsewhere: HTTPHeaders = ["X-Forwarded-For": "198.51.100.1"]
        #expect(try service.validate("GUESS", as: fresh, headers: elsewhere).status == .ok)
    }

    @Test func theStorefront_IsThrottledPerShopper_AndGuestsPerKey() throws {
        let service = try Self.service()
        defer { service.stop() }
        for _ in 1...10 { _ = try service.validate("GUESS", customer: "c-1") }
        #expect(try service.validate("GUESS", customer: "c-1").status == .tooManyRequests)
        #expect(try service.validate("GUESS", customer: "c-2").status == .ok, "another shopper")
        for _ in 1...10 { _ = try service.validate("GUESS") }
        let guest = try service.validate("GUESS")
        #expect(guest.status == .tooManyRequests)
        #expect(guest.text.contains("retryAfterSeconds"))
        #expect(try service.validate("GUESS", as: CheckoutTestService.admin).status == .ok, "admins are not throttled")
    }

    @Test func memory_IsBounded_ByEvictingOldKeys() {
        let clock = ManualClock()
        let throttle = FailureThrottle(maxKeys: 64, clock: clock.monotonic)
        for index in 0..<10_000 {
            try? throttle.recordFailure(keys: ["address:10.0.\(index / 256).\(index % 256)"])
            if index % 100 == 0 { clock.advance(seconds: 1) }
        }
        #expect(throttle.keyCount <= 64)
    }

    @Test func keys_FollowTheCaller() {
        let address = "203.0.113.7"
        #expect(
            FailureThrottle.keys(
                principal: CheckoutTestService.customer("c-1"), cartCustomer: nil, clientAddress: address)
                == ["customer:c-1", "address:203.0.113.7"])
        #expect(
            FailureThrottle.keys(principal: CheckoutTestService.storefront, cartCustomer: "c-2", clientAddress: address)
                == ["customer:c-2"])
        #expect(
            FailureThrottle.keys(principal: CheckoutTestService.storefront, cartCustomer: nil, clientAddress: address)
                == ["key:storefront:shop"])
        #expect(
            FailureThrottle.keys(principal: CheckoutTestService.admin, cartCustomer: "c-2", clientAddress: address)
                .isEmpty)
    }
}
