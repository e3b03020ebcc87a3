import FoundationEssentials
import Primitives

extension WallClock {
    /// The clock's time as a `Date`, to the nanosecond it reads.
    public func date() -> Date {
        Date(timeIntervalSince1970: Double(nanosecondsSinceEpoch()) / 1_000_000_000)
    }
}
