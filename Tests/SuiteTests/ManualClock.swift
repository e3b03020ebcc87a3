import Foundation
import SuiteCore

/// A clock that moves only when a test says so.
final class ManualClock: MonotonicClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current = MonotonicInstant(nanoseconds: 1_000_000_000)

    func now() -> MonotonicInstant {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    func advance(by duration: Duration) {
        lock.lock()
        current = current + duration
        lock.unlock()
    }
}
