import FoundationEssentials
import Glibc
import HTTP
import Synchronization

/// Request counters and latency histograms by route and status, plus gauges read at scrape time,
/// rendered in the Prometheus text format (version 0.0.4).
public final class MetricsRegistry: Sendable {
    /// Histogram bucket bounds in seconds.
    public static let buckets: [Double] = [
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
    ]

    private struct Histogram {
        var counts = [UInt64](repeating: 0, count: MetricsRegistry.buckets.count)
        var sum = 0.0
        var total: UInt64 = 0

        mutating func record(_ seconds: Double) {
            for (index, bound) in MetricsRegistry.buckets.enumerated() where seconds <= bound {
                counts[index] += 1
            }
            sum += seconds
            total += 1
        }
    }

    /// Everything recorded for one route, found with a single lookup per request.
    private struct RouteStats {
        /// `route="…"`, escaped once rather than on every request.
        let label: String
        var duration = Histogram()
        /// Requests by method and status: a handful per route, so a list beats a dictionary.
        var counts: [(method: String, status: String, count: UInt64)] = []

        mutating func record(method: String, status: String, seconds: Double) {
            duration.record(seconds)
            if let index = counts.firstIndex(where: { $0.status == status && $0.method == method }) {
                counts[index].count += 1
            } else {
                counts.append((method, status, 1))
            }
        }
    }

    private struct State {
        var routes: [String: RouteStats] = [:]
        /// Other histograms by metric name, then by label set (e.g. `service="loyalty"`).
        var histograms: [String: [String: Histogram]] = [:]
        var counters: [String: [String: Double]] = [:]
        /// HELP texts of counters and histograms, by metric name.
        var help: [String: String] = [:]
    }

    /// The request-latency histogram's name.
    public static let requestDuration = "zaplecze_http_request_duration_seconds"

    private let state = Locked(State())
    private let inFlightCount = Atomic<Int>(0)
    /// Series read at scrape time, each with its Prometheus type (`gauge` or `counter`).
    private let scraped = Locked<
        [(name: String, type: String, help: String, read: @Sendable () -> [(labels: String, value: Double)])]
    >([])

    public init() {}

    /// Records one finished request.
    ///
    /// Every label value comes from a closed set, so that no caller can add series: `route` is a
    /// registered pattern or `unmatched` (the router's), the method one of RFC 9110's or `other`,
    /// the status one the suite answers with or its class (`5xx`). Without that, each made-up
    /// method of an anonymous request would stay in `/metrics` for the life of the process.
    public func recordRequest(route: String, method: String, status: Int, seconds: Double) {
        let method = Self.methodLabel(method)
        let status = Self.statusLabel(status)
        state.withLock { state in
            state.routes[route, default: RouteStats(label: "route=\(label(route))")]
                .record(method: method, status: status, seconds: seconds)
        }
    }

    /// The methods of RFC 9110 §9 keep their name; any other token is `other`.
    public static func methodLabel(_ method: String) -> String {
        knownMethods.contains(method) ? method : "other"
    }

    /// A status the suite answers with keeps its code; any other is its class (`2xx` … `5xx`),
    /// and anything outside 100–599 is `other`.
    public static func statusLabel(_ status: Int) -> String {
        if knownStatuses.contains(status) { return String(status) }
        return (100...599).contains(status) ? "\(status / 100)xx" : "other"
    }

    private static let knownMethods: Set<String> = [
        "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT",
    ]
    private static let knownStatuses: Set<Int> = [
        200, 201, 202, 204, 304, 400, 401, 403, 404, 405, 408, 409, 411, 413, 414, 415, 417, 422, 429, 431, 500, 501,
        502, 503, 504, 505,
    ]

    /// Records `seconds` in the histogram `name` with `labels` (the text inside the braces, e.g.
    /// `service="loyalty"`), e.g. upstream latency per service.
    public func observe(_ name: String, labels: String, seconds: Double) {
        // Mutated in place through the subscripts: no copy of the bucket counts per call.
        state.withLock { $0.histograms[name, default: [:]][labels, default: Histogram()].record(seconds) }
    }

    /// Adds to a labelled counter (e.g. upstream errors per service).
    public func increment(_ name: String, labels: String = "", by value: Double = 1) {
        state.withLock { $0.counters[name, default: [:]][labels, default: 0] += value }
    }

    /// Sets the HELP text of a counter or histogram recorded with `increment` or `observe`.
    public func describe(_ name: String, help: String) {
        state.withLock { $0.help[name] = help }
    }

    /// Registers a gauge computed when scraped.
    public func gauge(_ name: String, help: String, _ read: @escaping @Sendable () -> [(labels: String, value: Double)])
    {
        scraped.withLock { $0.append((name, "gauge", help, read)) }
    }

    /// Registers a counter whose values are read when scraped (a total kept elsewhere, such as
    /// the database's operations); its name should end in `_total`.
    public func counter(
        _ name: String, help: String, _ read: @escaping @Sendable () -> [(labels: String, value: Double)]
    ) {
        scraped.withLock { $0.append((name, "counter", help, read)) }
    }

    func requestStarted() { inFlightCount.wrappingAdd(1, ordering: .relaxed) }
    func requestFinished() { inFlightCount.wrappingSubtract(1, ordering: .relaxed) }

    /// Requests being handled right now.
    public var inFlight: Int { inFlightCount.load(ordering: .relaxed) }

    /// The Prometheus text exposition.
    public func render() -> String {
        let snapshot = state.current
        var out = "# HELP zaplecze_http_requests_total Requests handled, by route, method and status.\n"
        out += "# TYPE zaplecze_http_requests_total counter\n"
        let requests = snapshot.routes.flatMap { route, stats in
            stats.counts.map { (route: route, method: $0.method, status: $0.status, count: $0.count) }
        }
        for request in requests.sorted(by: { ($0.route, $0.status, $0.method) < ($1.route, $1.status, $1.method) }) {
            out +=
                "zaplecze_http_requests_total{route=\(label(request.route)),method=\"\(request.method)\",status=\"\(request.status)\"} \(request.count)\n"
        }
        var histograms = snapshot.histograms
        if !snapshot.routes.isEmpty {
            histograms[Self.requestDuration] = Dictionary(
                snapshot.routes.values.map { ($0.label, $0.duration) }, uniquingKeysWith: { first, _ in first })
        }
        for (name, series) in histograms.sorted(by: { $0.key < $1.key }) {
            out +=
                name == Self.requestDuration
                ? "# HELP \(name) Time from routing to response, by route.\n"
                : "# HELP \(name) \(snapshot.help[name] ?? "Seconds, by \(series.keys.first?.split(separator: "=").first ?? "label").")\n"
            out += "# TYPE \(name) histogram\n"
            for (labels, histogram) in series.sorted(by: { $0.key < $1.key }) {
                for (index, bound) in Self.buckets.enumerated() {
                    out += "\(name)_bucket{\(labels),le=\"\(bound)\"} \(histogram.counts[index])\n"
                }
                out += "\(name)_bucket{\(labels),le=\"+Inf\"} \(histogram.total)\n"
                out += "\(name)_sum{\(labels)} \(histogram.sum)\n"
                out += "\(name)_count{\(labels)} \(histogram.total)\n"
            }
        }
        out += "# HELP zaplecze_http_requests_in_flight Requests being handled now.\n"
        out += "# TYPE zaplecze_http_requests_in_flight gauge\n"
        out += "zaplecze_http_requests_in_flight \(inFlight)\n"
        for (name, series) in snapshot.counters.sorted(by: { $0.key < $1.key }) {
            out +=
                "# HELP \(name) \(snapshot.help[name] ?? "Count, by \(series.keys.first?.split(separator: "=").first ?? "label").")\n"
            out += "# TYPE \(name) counter\n"
            for (labels, value) in series.sorted(by: { $0.key < $1.key }) {
                out += labels.isEmpty ? "\(name) \(value)\n" : "\(name){\(labels)} \(value)\n"
            }
        }
        for metric in scraped.current {
            out += "# HELP \(metric.name) \(metric.help)\n# TYPE \(metric.name) \(metric.type)\n"
            for sample in metric.read() {
                out +=
                    sample.labels.isEmpty
                    ? "\(metric.name) \(sample.value)\n" : "\(metric.name){\(sample.labels)} \(sample.value)\n"
            }
        }
        return out
    }

    /// A label value, quoted and escaped for the text format.
    public func label(_ value: String) -> String {
        // Called on hot paths: one pass over the bytes, and no copy when nothing needs escaping.
        guard value.utf8.contains(where: { $0 == 0x5C || $0 == 0x22 || $0 == 0x0A }) else { return "\"" + value + "\"" }
        var escaped = "\""
        for character in value.unicodeScalars {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped + "\""
    }
}
