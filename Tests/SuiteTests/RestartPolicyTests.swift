import SuiteCore
import Testing

@Suite struct RestartPolicyTests {
    /// Lets a child live `life`, reports its death, and advances past the decided delay.
    private func die(
        _ policy: inout RestartPolicy, clock: ManualClock, after life: Duration
    ) -> RestartPolicy.Decision {
        let started = clock.now()
        clock.advance(by: life)
        let decision = policy.childDied(startedAt: started, diedAt: clock.now())
        if case .restart(let delay) = decision {
            clock.advance(by: delay)
        }
        return decision
    }

    @Test func quickDeaths_DoubleTheDelayFrom100ms_ThenGiveUpAfterFiveRestartsWithin60s() {
        let clock = ManualClock()
        var policy = RestartPolicy()
        var decisions: [RestartPolicy.Decision] = []
        for _ in 0..<6 {
            decisions.append(die(&policy, clock: clock, after: .milliseconds(10)))
        }
        #expect(
            decisions == [
                .restart(after: .milliseconds(100)), .restart(after: .milliseconds(200)),
                .restart(after: .milliseconds(400)), .restart(after: .milliseconds(800)),
                .restart(after: .milliseconds(1600)), .giveUp(restarts: 5, within: .seconds(60)),
            ])
    }

    @Test func backoff_IsCappedAtFiveSeconds() {
        let clock = ManualClock()
        var policy = RestartPolicy(configuration: .init(maximumRestarts: 100))
        var delays: [Duration] = []
        for _ in 0..<9 {
            if case .restart(let delay) = die(&policy, clock: clock, after: .milliseconds(10)) {
                delays.append(delay)
            }
        }
        #expect(delays == [100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000].map { .milliseconds($0) })
    }

    @Test func childThatDiesEvery20Seconds_IsNeverGivenUp_AndWaitsAtMostFiveSeconds() {
        let clock = ManualClock()
        var policy = RestartPolicy()
        var delays: [Duration] = []
        for _ in 0..<12 {
            switch die(&policy, clock: clock, after: .seconds(20)) {
            case .restart(let delay): delays.append(delay)
            case .giveUp: Issue.record("gave up on a child that lives 20 s")
            }
        }
        #expect(delays.count == 12)
        #expect(delays.last == .seconds(5))
        #expect(delays.allSatisfy { $0 <= .seconds(5) })
    }

    @Test func stableRun_ResetsTheBackoffTo100ms() {
        let clock = ManualClock()
        var policy = RestartPolicy()
        _ = die(&policy, clock: clock, after: .milliseconds(10))
        _ = die(&policy, clock: clock, after: .milliseconds(10))
        #expect(die(&policy, clock: clock, after: .milliseconds(10)) == .restart(after: .milliseconds(400)))

        #expect(die(&policy, clock: clock, after: .seconds(30)) == .restart(after: .milliseconds(100)))
        #expect(die(&policy, clock: clock, after: .milliseconds(10)) == .restart(after: .milliseconds(200)))
    }

    @Test func restartsOlderThanTheWindow_NoLongerCount() {
        let clock = ManualClock()
        // No reset by a stable run here, so only the window decides.
        var policy = RestartPolicy(configuration: .init(stableRun: .seconds(3600)))
        for _ in 0..<5 {
            _ = die(&policy, clock: clock, after: .milliseconds(10))
        }
        #expect(policy.recentRestarts.count == 5)

        let decision = die(&policy, clock: clock, after: .seconds(61))

        #expect(decision == .restart(after: .milliseconds(3200)))
        #expect(policy.recentRestarts.count == 1)
    }

    @Test func sixthQuickDeath_GivesUp_EvenIfTheFirstRestartWasLongAgoButInsideTheWindow() {
        let clock = ManualClock()
        var policy = RestartPolicy(configuration: .init(stableRun: .seconds(3600)))
        _ = die(&policy, clock: clock, after: .milliseconds(10))
        for _ in 0..<4 {
            _ = die(&policy, clock: clock, after: .seconds(10))
        }
        // Five restarts, the oldest about 44 s before this death.
        #expect(die(&policy, clock: clock, after: .seconds(1)) == .giveUp(restarts: 5, within: .seconds(60)))
    }

    @Test func backoff_NeverOverflows_ForHugeAttemptNumbers() {
        let configuration = RestartPolicy.Configuration()
        #expect(RestartPolicy.backoff(1, configuration: configuration) == .milliseconds(100))
        #expect(RestartPolicy.backoff(Int.max, configuration: configuration) == .seconds(5))
    }
}
