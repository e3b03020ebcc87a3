import HTTP
import ServiceKit
import TestSupport
import Testing

/// The token bucket on a manual clock: bursts, refill, Retry-After, and bounded memory.
@Suite struct TokenBucketLimiterTests {
    @Test func burst_IsAllowedAtOnce_ThenRefusedWithRetryAfter() {
        let clock = ManualClock()
        let limiter = TokenBucketLimiter(rule: .init(perSecond: 2, burst: 3), clock: clock.monotonic)
        for _ in 0..<3 { #expect(limiter.acquire("a") == .allowed) }
        #expect(limiter.acquire("a") == .limited(retryAfterSeconds: 1))
        #expect(limiter.acquire("b") == .allowed, "keys are independent")
    }

    @Test func tokens_ComeBackAtTheRate_AndNeverAboveTheBurst() {
        let clock = ManualClock()
        let limiter = TokenBucketLimiter(rule: .init(perSecond: 2, burst: 3), clock: clock.monotonic)
        for _ in 0..<3 { _ = limiter.acquire("a") }
        clock.advance(seconds: 0.5)
        #expect(limiter.acquire("a") == .allowed)
        #expect(limiter.acquire("a") != .allowed)
        clock.advance(seconds: 3600)
        for _ in 0..<3 { #expect(limiter.acquire("a") == .allowed) }
        #expect(limiter.acquire("a") != .allowed)
    }

    @Test func retryAfter_IsTheWholeSecondsUntilTheNextToken() {
        let clock = ManualClock()
        let limiter = TokenBucketLimiter(rule: .perMinute(10, burst: 10), clock: clock.monotonic)
        for _ in 0..<10 { _ = limiter.acquire("x") }
        #expect(limiter.acquire("x") == .limited(retryAfterSeconds: 6))
        clock.advance(seconds: 5)
        #expect(limiter.acquire("x") == .limited(retryAfterSeconds: 1))
        clock.advance(seconds: 1)
        #expect(limiter.acquire("x") == .allowed)
    }

    @Test func peek_TakesNothing_AndCharge_CanRunIntoDebt() {
        let clock = ManualClock()
        let limiter = TokenBucketLimiter(rule: .init(perSecond: 1, burst: 2), clock: clock.monotonic)
        #expect(limiter.peek("k") == .allowed)
        #expect(limiter.keyCount == 0, "peeking at an unknown key stores nothing")
        limiter.charge("k")
        limiter.charge("k")
        limiter.charge("k")
        #expect(limiter.peek("k") == .limited(retryAfterSeconds: 2))
        clock.advance(seconds: 2)
        #expect(limiter.peek("k") == .allowed)
    }

    @Test func memory_IsBounded_ByTheKeyLimit() {
        let clock = ManualClock()
        let limiter = TokenBucketLimiter(
            rule: .init(perSecond: 1, burst: 5), maxKeys: 1_000, shards: 4, clock: clock.monotonic)
        for index in 0..<20_000 { _ = limiter.acquire("client-\(index)") }
        #expect(limiter.keyCount <= 1_000)
        #expect(limiter.keyCount > 0)
    }

    @Test func idleKeys_AreForgottenFirst_AndBusyOnesKept() {
        let clock = ManualClock()
        let limiter = TokenBucketLimiter(
            rule: .init(perSecond: 1, burst: 2), maxKeys: 100, shards: 1, clock: clock.monotonic)
        for _ in 0..<2 { _ = limiter.acquire("busy") }
        for index in 0..<50 { _ = limiter.acquire("idle-\(index)") }
        clock.advance(seconds: 1)
        // The idle keys have refilled completely; "busy" spends the token it regained.
        #expect(limiter.acquire("busy") == .allowed)
        for index in 0..<99 { _ = limiter.acquire("new-\(index)") }
        #expect(limiter.keyCount <= 100)
        #expect(limiter.acquire("busy") != .allowed, "an evicted busy key would have come back with a full bucket")
    }
}
