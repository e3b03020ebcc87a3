import Foundation
import Primitives
import Testing

/// `WallClock` and `MonotonicClock`: the system readings, readings from an injected closure, and
/// the derived seconds and instants.
@Suite struct ClockTests {
    @Test func theSystemWallClock_AgreesWithFoundationsDate_ToTheSecond() {
        let before = Int64(Date().timeIntervalSince1970)
        let seconds = WallClock.system.unixSeconds()
        let after = Int64(Date().timeIntervalSince1970)
        #expect(seconds >= before && seconds <= after)
    }

    @Test func unixSeconds_RoundDown_OnBothSidesOfTheEpoch() {
        #expect(WallClock { 1_800_000_000_999_999_999 }.unixSeconds() == 1_800_000_000)
        #expect(WallClock { 0 }.unixSeconds() == 0)
        #expect(WallClock { -1 }.unixSeconds() == -1)
        #expect(WallClock { -1_000_000_000 }.unixSeconds() == -1)
        #expect(WallClock { -1_000_000_001 }.unixSeconds() == -2)
    }

    @Test func theSystemMonotonicClock_NeverGoesBack_AndMatchesTheStaticReading() {
        let first = MonotonicClock.system.now()
        let direct = MonotonicClock.now()
        let second = MonotonicClock.system.now()
        #expect(first <= direct && direct <= second)
    }

    @Test func anInjectedMonotonicClock_ReadsItsClosure_AsNanosecondsAndAsAnInstant() {
        let reading = Locked<UInt64>(5_000)
        let clock = MonotonicClock { reading.current }
        #expect(clock.now() == 5_000)
        reading.withLock { $0 += 1_500 }
        #expect(clock.instant() == MonotonicInstant(nanoseconds: 6_500))
        #expect(clock.instant() - MonotonicInstant(nanoseconds: 5_000) == .nanoseconds(1_500))
    }
}
