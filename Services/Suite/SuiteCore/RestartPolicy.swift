import Primitives

/// When to restart a child that died: exponential backoff, never giving up (Kubernetes'
/// CrashLoopBackOff: a crash loop is slowed down and reported, and ends by itself once the cause
/// is gone, without a person restarting anything).
///
/// A pure value: the supervisor reports each death and each stable run with the instants it read
/// from its clock, and the policy answers. Delays double from `initialDelay` up to `maximumDelay`;
/// a child that stays up for `stableRun` starts again from `initialDelay`; `crashLoopDeaths` quick
/// deaths in a row make it crash-looping until it stays up.
public struct RestartPolicy: Sendable {
    /// The policy's numbers.
    public struct Configuration: Equatable, Sendable {
        /// The delay before the first restart of a run of quick deaths.
        public var initialDelay: Duration
        /// The longest delay before a restart.
        public var maximumDelay: Duration
        /// How long a child must stay up for the backoff to start again from `initialDelay`.
        public var stableRun: Duration
        /// How many deaths in a row, each before `stableRun`, make a crash loop.
        public var crashLoopDeaths: Int

        /// Creates a configuration; the defaults are the suite's: 100 ms doubling to 30 s, reset
        /// after 30 s up, a crash loop from the third quick death in a row.
        public init(
            initialDelay: Duration = .milliseconds(100),
            maximumDelay: Duration = .seconds(30),
            stableRun: Duration = .seconds(30),
            crashLoopDeaths: Int = 3
        ) {
            self.initialDelay = initialDelay
            self.maximumDelay = maximumDelay
            self.stableRun = stableRun
            self.crashLoopDeaths = crashLoopDeaths
        }
    }

    /// The numbers in force.
    public let configuration: Configuration
    /// Deaths since the last stable run; decides the next delay.
    public private(set) var quickDeaths = 0

    /// Creates a policy with no history.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Whether the child is in a crash loop: it died `crashLoopDeaths` times in a row without
    /// staying up for `stableRun`.
    public var isCrashLooping: Bool { quickDeaths >= configuration.crashLoopDeaths }

    /// Records that a child started at `startedAt` died at `diedAt`; returns the delay before
    /// starting it again.
    public mutating func childDied(startedAt: MonotonicInstant, diedAt: MonotonicInstant) -> Duration {
        if diedAt - startedAt >= configuration.stableRun {
            quickDeaths = 0
        }
        quickDeaths += 1
        return Self.backoff(quickDeaths, configuration: configuration)
    }

    /// The instant at which a child started at `startedAt` counts as stable, while its backoff
    /// has something to reset; nil when there is nothing to reset.
    public func stableAt(startedAt: MonotonicInstant) -> MonotonicInstant? {
        quickDeaths > 0 ? startedAt + configuration.stableRun : nil
    }

    /// Records that a child started at `startedAt` is still up at `now`; once it has been up for
    /// `stableRun` the backoff starts over and a crash loop is over. Returns whether that ended one.
    public mutating func childIsUp(startedAt: MonotonicInstant, now: MonotonicInstant) -> Bool {
        guard quickDeaths > 0, now - startedAt >= configuration.stableRun else { return false }
        let wasLooping = isCrashLooping
        quickDeaths = 0
        return wasLooping
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
