import Primitives
import SuiteCore
import TestSupport
import Testing

/// The launcher's restart policy, driven by a manual clock: backoff that doubles up to 30 s, a
/// crash loop named after three quick deaths in a row, never given up, over once the child stays up.
@Suite struct RestartPolicyTests {
    /// Lets a child live `life`, reports its death, and advances past the decided delay.
    private func die(_ policy: inout RestartPolicy, clock: ManualClock, after life: Duration) -> Duration {
        let started = clock.instant()
        clock.advance(by: life)
        let delay = policy.childDied(startedAt: started, diedAt: clock.instant())
        clock.advance(by: delay)
        return delay
    }

    @Test func quickDeaths_DoubleTheDelayFrom100ms_AndAreNeverGivenUp() {
        let clock = ManualClock()
        var policy = RestartPolicy()
        let delays = (0..<40).map { _ in die(&policy, clock: clock, after: .milliseconds(10)) }
        #expect(
            Array(delays.prefix(10))
                == [100, 200, 400, 800, 1600, 3200, 6400, 12_800, 25_600, 30_000].map { .milliseconds($0) })
        #expect(delays.dropFirst(9).allSatisfy { $0 == .seconds(30) })
        #expect(policy.isCrashLooping)
    }

    @Test func crashLoop_IsNamedFromTheThirdQuickDeathInARow() {
        let clock = ManualClock()
        var policy = RestartPolicy()
        _ = die(&policy, clock: clock, after: .milliseconds(10))
        _ = die(&policy, clock: clock, after: .milliseconds(10))
        #expect(!policy.isCrashLooping)
        _ = die(&policy, clock: clock, after: .milliseconds(10))
        #expect(policy.isCrashLooping)
    }

    @Test func stayingUpForTheStableRun_EndsTheLoop_AndResetsTheBackoffTo100ms() {
        let clock = ManualClock()
        var policy = RestartPolicy()
        for _ in 0..<5 { _ = die(&policy, clock: clock, after: .milliseconds(10)) }
        let started = clock.instant()
        #expect(policy.stableAt(startedAt: started) == started + .seconds(30))

        clock.advance(by: .seconds(29))
        let early = policy.childIsUp(startedAt: started, now: clock.instant())
        #expect(!early)
        #expect(policy.isCrashLooping)
        clock.advance(by: .seconds(1))
        let ended = policy.childIsUp(startedAt: started, now: clock.instant())
        #expect(ended)
        #expect(!policy.isCrashLooping)
        #expect(policy.stableAt(startedAt: started) == nil)

        #expect(die(&policy, clock: clock, after: .milliseconds(10)) == .milliseconds(100))
    }

    @Test func deathAfterAStableRun_StartsTheBackoffOver() {
        let clock = ManualClock()
        var policy = RestartPolicy()
        _ = die(&policy, clock: clock, after: .milliseconds(10))
        _ = die(&policy, clock: clock, after: .milliseconds(10))
        #expect(die(&policy, clock: clock, after: .milliseconds(10)) == .milliseconds(400))

        #expect(die(&policy, clock: clock, after: .seconds(30)) == .milliseconds(100))
        #expect(die(&policy, clock: clock, after: .milliseconds(10)) == .milliseconds(200))
    }

    @Test func childThatDiesEvery20Seconds_IsRestarted_WaitingAtMost30Seconds() {
        let clock = ManualClock()
        var policy = RestartPolicy()
        let delays = (0..<12).map { _ in die(&policy, clock: clock, after: .seconds(20)) }
        #expect(delays.count == 12)
        #expect(delays.allSatisfy { $0 <= .seconds(30) })
        #expect(delays.last == .seconds(30))
    }

    @Test func backoff_NeverOverflows_ForHugeAttemptNumbers() {
        let configuration = RestartPolicy.Configuration()
        #expect(RestartPolicy.backoff(1, configuration: configuration) == .milliseconds(100))
        #expect(RestartPolicy.backoff(Int.max, configuration: configuration) == .seconds(30))
    }
}
