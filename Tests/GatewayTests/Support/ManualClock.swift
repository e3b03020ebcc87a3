import Foundation
import HTTP

/// A clock tests move by hand: wall seconds (tokens) and monotonic nanoseconds (rate limits)
/// advance together.
final class ManualClock: Sendable {
    private let startSeconds: Int64
    private let elapsed = Locked<UInt64>(0)
    private static let monotonicStart: UInt64 = 1_000_000_000_000

    init(seconds: Int64 = 1_800_000_000) {
        startSeconds = seconds
    }

    /// Unix seconds.
    var now: Int64 { startSeconds + Int64(elapsed.current / 1_000_000_000) }
    /// Monotonic nanoseconds.
    var monotonic: UInt64 { Self.monotonicStart + elapsed.current }

    /// Moves both clocks forward.
    func advance(seconds: Double) {
        elapsed.withLock { $0 += UInt64(seconds * 1e9) }
    }
}
