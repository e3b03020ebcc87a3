/// When to restart a child that died: exponential backoff, and giving up on a crash loop.
///
/// A pure value: the supervisor reports each death with the instants it read from its clock, and
/// the policy answers. Delays double from `initialDelay` up to `maximumDelay`; a child that lived
/// at least `stableRun` starts again from `initialDelay`; a child already restarted
/// `maximumRestarts` times within `window` is given up (the rest of the suite keeps running).
public struct RestartPolicy: Sendable {
    /// The policy's numbers.
    public struct Configuration: Equatable, Sendable {
        /// The delay before the first restart of a run of quick deaths.
        public var initialDelay: Duration
        /// The longest delay before a restart.
        public var maximumDelay: Duration
        /// How many restarts within `window` are tolerated; the next death gives up.
        public var maximumRestarts: Int
        /// The sliding window in which restarts are counted.
        public var window: Duration
        /// How long a child must have lived for its death to reset the backoff.
        public var stableRun: Duration

        /// Creates a configuration; the defaults are the suite's: 100 ms doubling to 5 s, give up
        /// after 5 restarts within 60 s, reset after 30 s of life.
        public init(
            initialDelay: Duration = .milliseconds(100),
            maximumDelay: Duration = .seconds(5),
            maximumRestarts: Int = 5,
            window: Duration = .seconds(60),
            stableRun: Duration = .seconds(30)
        ) {
            self.initialDelay = initialDelay
            self.maximumDelay = maximumDelay
            self.maximumRestarts = maximumRestarts
            self.window = window
            self.stableRun = stableRun
        }
    }

    /// What to do about a death.
    public enum Decision: Equatable, Sendable {
        /// Start the child again after this delay.
        case restart(after: Duration)
        /// Stop trying: the child was restarted `restarts` times within `within`.
        case giveUp(restarts: Int, within: Duration)
    }

    /// The numbers in force.
    public let configuration: Configuration
    /// The instants of the restarts still inside the window, oldest first.
    public private(set) var recentRestarts: [MonotonicInstant] = []
    /// Deaths since the last stable run; decides the next delay.
    public private(set) var quickDeaths = 0

    /// Creates a policy with no history.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Records that a child started at `startedAt` died at `diedAt`, and decides what follows.
    public mutating func childDied(startedAt: MonotonicInstant, diedAt: MonotonicInstant) -> Decision {
        if diedAt - startedAt >= configuration.stableRun {
            quickDeaths = 0
        }
        recentRestarts.removeAll { diedAt - $0 >= configuration.window }
        if recentRestarts.count >= configuration.maximumRestarts {
            return .giveUp(restarts: recentRestarts.count, within: configuration.window)
        }
        quickDeaths += 1
        let delay = Self.backoff(quickDeaths, configuration: configuration)
        // A restart is counted at the instant it happens, i.e. after its delay.
        recentRestarts.append(diedAt + delay)
        return .restart(after: delay)
    }

    /// The delay before restart number `attempt` (1-based) of a run: initial × 2^(attempt−1),
    /// capped, computed by doubling so that no step can overflow.
    public static func backoff(_ attempt: Int, configuration: Configuration) -> Duration {
        var delay = configuration.initialDelay
        var step = 1
        while step < attempt, delay < configuration.maximumDelay {
            delay = delay * 2
            step += 1
        }
        return min(delay, configuration.maximumDelay)
    }
}
