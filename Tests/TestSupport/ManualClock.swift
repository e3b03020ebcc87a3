import Primitives

/// A clock tests move by hand. Its wall clock (Unix time, for token and session expiry) and its
/// monotonic clock (for rate limits, timeouts and backoff) advance together, and code under test
/// is given them as `wall` and `monotonic`.
public final class ManualClock: Sendable {
    /// 2027-01-15T08:00:00Z, in Unix seconds: the wall clock's default start.
    public static let defaultStartSeconds: Int64 = 1_800_000_000
    /// Where the monotonic clock starts: far from zero, so "zero" is never mistaken for a reading.
    private static let monotonicStart: UInt64 = 1_000_000_000_000
    private let startSeconds: Int64
    private let elapsed = Locked<UInt64>(0)

    /// A clock whose wall time starts at `seconds` since the Unix epoch.
    public init(seconds: Int64 = ManualClock.defaultStartSeconds) {
        startSeconds = seconds
    }

    /// The wall clock to give to code under test.
    public var wall: WallClock {
        WallClock { [self] in startSeconds &* 1_000_000_000 &+ Int64(elapsed.current) }
    }

    /// The monotonic clock to give to code under test.
    public var monotonic: MonotonicClock {
        MonotonicClock { [self] in Self.monotonicStart &+ elapsed.current }
    }

    /// The wall time in whole Unix seconds.
    public var unixSeconds: Int64 { wall.unixSeconds() }

    /// The monotonic time as an instant.
    public func instant() -> MonotonicInstant { monotonic.instant() }

    /// Moves both clocks forward by `duration` (never back).
    public func advance(by duration: Duration) {
        elapsed.withLock { $0 &+= duration.nanoseconds }
    }

    /// Moves both clocks forward by `seconds`.
    public func advance(seconds: Double) {
        elapsed.withLock { $0 &+= UInt64(seconds * 1e9) }
    }
}
