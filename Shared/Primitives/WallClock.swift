#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Wall-clock time: what token expiries, session lifetimes and stored timestamps are dated by
/// (CLOCK_REALTIME, clock_gettime(2)). It can jump when the system's time is set, so durations and
/// deadlines are measured on `MonotonicClock` instead.
///
/// A small struct holding a reading closure, for the same reasons as `MonotonicClock`: one
/// concrete value to store and pass, and a test's manual clock is just another value of it. The
/// reading is whole nanoseconds since the Unix epoch, so this module needs no Foundation and
/// callers derive seconds (or a `Date`) exactly.
public struct WallClock: Sendable {
    private let read: @Sendable () -> Int64

    /// A clock that reads `read` (nanoseconds since 1970-01-01T00:00:00Z).
    public init(_ read: @escaping @Sendable () -> Int64) {
        self.read = read
    }

    /// The system's wall clock.
    public static let system = WallClock {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) &* 1_000_000_000 &+ Int64(spec.tv_nsec)
    }

    /// Nanoseconds since the Unix epoch.
    public func nanosecondsSinceEpoch() -> Int64 { read() }

    /// Whole seconds since the Unix epoch (rounded down).
    public func unixSeconds() -> Int64 {
        let nanoseconds = read()
        let (seconds, remainder) = nanoseconds.quotientAndRemainder(dividingBy: 1_000_000_000)
        return remainder < 0 ? seconds - 1 : seconds
    }
}
