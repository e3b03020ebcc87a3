import FoundationEssentials
import Glibc
import HTTP

/// Severity of a log line.
public enum LogLevel: String, Sendable, Comparable, CaseIterable {
    case debug, info, warn, error

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rank < rhs.rank }
}

/// Structured logging: one JSON object per line on stdout, with time, level and service always,
/// and the request's id, method, path, status and duration where there is a request.
public final class Logger: Sendable {
    public let service: String
    public let level: LogLevel
    private let output: @Sendable ([UInt8]) -> Void
    /// Dates the lines: the service's clock, so a test's manual clock dates its log too.
    private let clock: WallClock

    public init(
        service: String, level: LogLevel = .info, clock: WallClock = .system,
        output: (@Sendable ([UInt8]) -> Void)? = nil
    ) {
        self.service = service
        self.level = level
        self.clock = clock
        self.output =
            output ?? { bytes in
                bytes.withUnsafeBytes { raw in
                    var offset = 0
                    while offset < raw.count {
                        let written = Glibc.write(1, raw.baseAddress! + offset, raw.count - offset)
                        if written <= 0 { if errno == EINTR { continue } else { return } }
                        offset += written
                    }
                }
            }
    }

    /// Whether lines of `level` are written.
    public func enabled(_ level: LogLevel) -> Bool { level >= self.level }

    /// Writes one line; `fields` are added as strings, numbers stay numbers when given as `.int`.
    public func log(_ level: LogLevel, _ message: String, _ fields: [(String, LogValue)] = []) {
        guard enabled(level) else { return }
        var line =
            "{\"time\":\(JSONText.quoted(RFC3339Now.string(clock))),\"level\":\"\(level.rawValue)\",\"service\":\(JSONText.quoted(service)),\"message\":\(JSONText.quoted(message))"
        for (key, value) in fields {
            line += ",\(JSONText.quoted(key)):\(value.json)"
        }
        line += "}\n"
        output(Array(line.utf8))
    }

    public func debug(_ message: String, _ fields: [(String, LogValue)] = []) { log(.debug, message, fields) }
    public func info(_ message: String, _ fields: [(String, LogValue)] = []) { log(.info, message, fields) }
    public func warn(_ message: String, _ fields: [(String, LogValue)] = []) { log(.warn, message, fields) }
    public func error(_ message: String, _ fields: [(String, LogValue)] = []) { log(.error, message, fields) }
}

/// A value in a log line.
public enum LogValue: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case string(String)
    case int(Int64)
    case double(Double)

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }

    var json: String {
        switch self {
        case .string(let text): return JSONText.quoted(text)
        case .int(let number): return String(number)
        case .double(let number):
            guard number.isFinite else { return "null" }
            // Three decimals, without Foundation's String(format:).
            let thousandths = (number * 1000).rounded()
            let sign = thousandths < 0 ? "-" : ""
            let magnitude = Int64(abs(thousandths))
            let fraction = String(magnitude % 1000)
            return "\(sign)\(magnitude / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
        }
    }
}

/// The clock's time in UTC as RFC 3339 with milliseconds, for log lines.
enum RFC3339Now {
    static func string(_ clock: WallClock) -> String {
        let nanoseconds = clock.nanosecondsSinceEpoch()
        var seconds = time_t(clock.unixSeconds())
        let milliseconds = Int((nanoseconds - Int64(seconds) * 1_000_000_000) / 1_000_000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func padded(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return
            "\(padded(Int(parts.tm_year) + 1900, 4))-\(padded(Int(parts.tm_mon) + 1, 2))-\(padded(Int(parts.tm_mday), 2))T"
            + "\(padded(Int(parts.tm_hour), 2)):\(padded(Int(parts.tm_min), 2)):\(padded(Int(parts.tm_sec), 2))."
            + "\(padded(milliseconds, 3))Z"
    }
}
