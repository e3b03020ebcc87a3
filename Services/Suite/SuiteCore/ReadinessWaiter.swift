import Primitives

#if canImport(Glibc)
    import Glibc
#endif

/// Polls a set of servers until each answers ready, or until a deadline.
///
/// The probe, the clock and the pause between rounds are injected, so the polling logic is tested
/// with a manual clock and no real waiting.
public struct ReadinessWaiter: Sendable {
    /// One server to wait for.
    public struct Target: Equatable, Sendable {
        /// The name used in the report.
        public var name: String
        /// A connectable address (not a wildcard).
        public var host: String
        /// Its port.
        public var port: Int

        /// Creates a target.
        public init(name: String, host: String, port: Int) {
            self.name = name
            self.host = host
            self.port = port
        }
    }

    /// A target that became ready, and how long after the wait began.
    public struct Ready: Equatable, Sendable {
        /// The target's name.
        public var name: String
        /// The time from the start of the wait to its first ready answer.
        public var after: Duration
    }

    /// The outcome: when each target became ready and which never did.
    public struct Report: Equatable, Sendable {
        /// Ready targets in the order they became ready.
        public var ready: [Ready]
        /// Targets still not ready at the deadline (or when asked to stop), in target order.
        public var notReady: [String]
        /// How long the whole wait took.
        public var elapsed: Duration
    }

    /// The servers to wait for.
    public var targets: [Target]
    /// How long to keep trying.
    public var deadline: Duration
    /// The pause between rounds.
    public var interval: Duration
    /// Answers whether a target is ready now.
    public var probe: @Sendable (Target) -> Bool
    /// The time source.
    public var clock: MonotonicClock
    /// Pauses the caller; real time in the launcher, a clock advance in tests.
    public var pause: @Sendable (Duration) -> Void

    /// Creates a waiter; by default it probes `GET /ready` over HTTP and really sleeps.
    public init(
        targets: [Target],
        deadline: Duration = .seconds(60),
        interval: Duration = .milliseconds(100),
        probe: @escaping @Sendable (Target) -> Bool = { ReadinessProbe().isReady(host: $0.host, port: $0.port) },
        clock: MonotonicClock = .system,
        pause: @escaping @Sendable (Duration) -> Void = { duration in
            let microseconds = max(duration.wholeNanoseconds / 1_000, 0)
            usleep(UInt32(clamping: microseconds))
        }
    ) {
        self.targets = targets
        self.deadline = deadline
        self.interval = interval
        self.probe = probe
        self.clock = clock
        self.pause = pause
    }

    /// Polls until every target is ready, the deadline passes, or `shouldContinue` says stop.
    public func wait(shouldContinue: () -> Bool = { true }) -> Report {
        let start = clock.instant()
        var pending = targets
        var ready: [Ready] = []
        while !pending.isEmpty && shouldContinue() {
            pending.removeAll { target in
                guard probe(target) else { return false }
                ready.append(Ready(name: target.name, after: clock.instant() - start))
                return true
            }
            if pending.isEmpty || clock.instant() - start >= deadline {
                break
            }
            pause(interval)
        }
        return Report(ready: ready, notReady: pending.map(\.name), elapsed: clock.instant() - start)
    }
}
