import Foundation
import Primitives

/// A clock tests move by hand. Its wall clock (Unix time, for expiry and stored dates) and its
/// monotonic clock (for rate limits, timeouts and backoff) advance together, and code under test
/// is given them as `wall` and `monotonic`. Setting the wall time, like setting a system's time,
/// leaves the monotonic clock where it is.
public final class ManualClock: Sendable {
    /// 2027-01-15T08:00:00Z, in Unix seconds: the wall clock's default start.
    public static let defaultStartSeconds: Int64 = 1_800_000_000
    /// Where the monotonic clock starts: far from zero, so "zero" is never mistaken for a reading.
    private static let monotonicStart: UInt64 = 1_000_000_000_000

    private struct State {
        /// Nanoseconds both clocks have advanced.
        var elapsed: UInt64 = 0
        /// Nanoseconds the wall clock was set away from its start plus `elapsed`.
        var wallShift: Int64 = 0
    }

    private let startNanoseconds: Int64
    private let state = Locked(State())

    /// A clock whose wall time starts at `seconds` since the Unix epoch.
    public init(seconds: Int64 = ManualClock.defaultStartSeconds) {
        startNanoseconds = seconds &* 1_000_000_000
    }

    /// The wall clock to give to code under test.
    public var wall: WallClock {
        WallClock { [self] in
            state.withLock { startNanoseconds &+ Int64($0.elapsed) &+ $0.wallShift }
        }
    }

    /// The monotonic clock to give to code under test.
    public var monotonic: MonotonicClock {
        MonotonicClock { [self] in Self.monotonicStart &+ state.current.elapsed }
    }

    /// The wall time in whole Unix seconds.
    public var unixSeconds: Int64 { wall.unixSeconds() }

    /// The wall time as a date.
    public var date: Date {
        Date(timeIntervalSince1970: Double(wall.nanosecondsSinceEpoch()) / 1e9)
    }

    /// The monotonic time as an instant.
    public func instant() -> MonotonicInstant { monotonic.instant() }

    /// Moves both clocks forward by `duration` (never back).
    public func advance(by duration: Duration) {
        state.withLock { $0.elapsed &+= duration.nanoseconds }
    }

    /// Moves both clocks forward by `seconds`.
    public func advance(seconds: Double) {
        state.withLock { $0.elapsed &+= UInt64(seconds * 1e9) }
    }

    /// Moves both clocks forward by `days` of 86,400 seconds.
    public func advance(days: Double) {
        advance(seconds: days * 86_400)
    }

    /// Sets the wall time to `date`, forward or back; the monotonic clock does not move.
    public func set(_ date: Date) {
        let target = Int64((date.timeIntervalSince1970 * 1e9).rounded())
        state.withLock { $0.wallShift = target &- startNanoseconds &- Int64($0.elapsed) }
    }
}
