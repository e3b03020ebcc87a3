#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Monotonic time in nanoseconds since an arbitrary fixed point: the time source of timeouts,
/// rate limits and restart backoff. It never goes back and is not moved by changes of the wall
/// clock (CLOCK_MONOTONIC, clock_gettime(2)).
///
/// A small struct holding a reading closure rather than a protocol: whoever keeps a clock (options,
/// limiters, the supervisor) stores one concrete value with no `any` and no generic parameter
/// spreading through its type, a test injects its manual clock as another value of the same type,
/// and the type keeps the static `MonotonicClock.now()` that the server's hot paths read directly.
public struct MonotonicClock: Sendable {
    private let read: @Sendable () -> UInt64

    /// A clock that reads `read` (nanoseconds, never decreasing).
    public init(_ read: @escaping @Sendable () -> UInt64) {
        self.read = read
    }

    /// The system's monotonic clock.
    public static let system = MonotonicClock { MonotonicClock.now() }

    /// This clock's reading in nanoseconds.
    public func now() -> UInt64 { read() }

    /// This clock's reading as an instant, for `Duration` arithmetic.
    public func instant() -> MonotonicInstant {
        MonotonicInstant(nanoseconds: Int64(truncatingIfNeeded: read()))
    }

    /// The system's monotonic reading in nanoseconds, for code that is never given another clock.
    @inlinable
    public static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
    }
}

extension Duration {
    /// The duration in whole nanoseconds for deadlines on the monotonic clock: 0 for a negative
    /// duration, `wholeNanoseconds` otherwise (about 292 years at most).
    public var nanoseconds: UInt64 { UInt64(clamping: wholeNanoseconds) }

    /// The duration in seconds as a floating-point number (for logs and metrics only).
    public var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
