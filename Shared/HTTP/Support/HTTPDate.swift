#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `Date` header value (IMF-fixdate, RFC 9110 §5.6.7), formatted at most once a second.
enum HTTPDate {
    private static let cache = Locked<(second: Int, bytes: [UInt8])>((second: -1, bytes: []))
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The current date as header-value bytes. The server's own header, read from the system's
    /// wall clock: it is the transport's, not a service's record, and a test's manual clock has
    /// nothing to say about it.
    static func current() -> [UInt8] {
        let now = Int(WallClock.system.unixSeconds())
        return cache.withLock { entry in
            if entry.second != now {
                entry = (second: now, bytes: Array(format(now).utf8))
            }
            return entry.bytes
        }
    }

    static func format(_ seconds: Int) -> String {
        var value = seconds
        var parts = tm()
        gmtime_r(&value, &parts)
        func two(_ number: Int32) -> String { number < 10 ? "0\(number)" : "\(number)" }
        return
            "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }
}
