import FoundationEssentials
import Glibc
import HTTP

/// Request counters and latency histograms by route and status, plus gauges read at scrape time,
/// rendered in the Prometheus text format (version 0.0.4).
public final class MetricsRegistry: Sendable {
    /// Histogram bucket bounds in seconds.
    public static let buckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private struct RequestKey: Hashable {
        let route: String
        let method: String
        let status: Int
    }

    private struct Histogram {
        var counts = [UInt64](repeating: 0, count: MetricsRegistry.buckets.count)
        var sum = 0.0
        var total: UInt64 = 0
    }

    private struct State {
        var requests: [RequestKey: UInt64] = [:]
        /// Histograms by metric name, then by label set (e.g. `route="/v1/x"`).
        var histograms: [String: [String: Histogram]] = [:]
        var counters: [String: [String: Double]] = [:]
        /// `route="…"` label text per route, escaped once rather than on every request.
        var routeLabels: [String: String] = [:]
    }

    /// The request-latency histogram's name.
    public static let requestDuration = "zaplecze_http_request_duration_seconds"

    private let state = Locked(State())
    private let inFlightCount = Locked(0)
    private let gauges = Locked<[(name: String, help: String, read: @Sendable () -> [(labels: String, value: Double)])]>([])

    public init() {}

    /// Records one finished request.
    public func recordRequest(route: String, method: String, status: Int, seconds: Double) {
        state.withLock { state in
            state.requests[RequestKey(route: route, method: method, status: status), default: 0] += 1
            let labels: String
            if let known = state.routeLabels[route] {
                labels = known
            } else {
                labels = "route=\(label(route))"
                state.routeLabels[route] = labels
            }
            Self.add(seconds, to: &state, name: Self.requestDuration, labels: labels)
        }
    }

    /// Records `seconds` in the histogram `name` with `labels` (the text inside the braces, e.g.
    /// `service="loyalty"`), e.g. upstream latency per service.
    public func observe(_ name: String, labels: String, seconds: Double) {
        state.withLock { Self.add(seconds, to: &$0, name: name, labels: labels) }
    }

    private static func add(_ seconds: Double, to state: inout State, name: String, labels: String) {
        var histogram = state.histograms[name]?[labels] ?? Histogram()
        for (index, bound) in buckets.enumerated() where seconds <= bound {
            histogram.counts[index] += 1
        }
        histogram.sum += seconds
        histogram.total += 1
        state.histograms[name, default: [:]][labels] = histogram
    }

    /// Adds to a labelled counter (e.g. upstream errors per service).
    public func increment(_ name: String, labels: String = "", by value: Double = 1) {
        state.withLock { $0.counters[name, default: [:]][labels, default: 0] += value }
    }

    /// Registers a gauge computed when scraped.
    public func gauge(_ name: String, help: String, _ read: @escaping @Sendable () -> [(labels: String, value: Double)]) {
        gauges.withLock { $0.append((name, help, read)) }
    }

    func requestStarted() { inFlightCount.withLock { $0 += 1 } }
    func requestFinished() { inFlightCount.withLock { $0 -= 1 } }

    /// Requests being handled right now.
    public var inFlight: Int { inFlightCount.current }

    /// The Prometheus text exposition.
    public func render() -> String {
        let snapshot = state.current
        var out = "# HELP zaplecze_http_requests_total Requests handled, by route, method and status.\n"
        out += "# TYPE zaplecze_http_requests_total counter\n"
        for (key, count) in snapshot.requests.sorted(by: { ($0.key.route, $0.key.status) < ($1.key.route, $1.key.status) }) {
            out += "zaplecze_http_requests_total{route=\(label(key.route)),method=\(label(key.method)),status=\"\(key.status)\"} \(count)\n"
        }
        for (name, series) in snapshot.histograms.sorted(by: { $0.key < $1.key }) {
            out += name == Self.requestDuration
                ? "# HELP \(name) Time from routing to response, by route.\n" : "# HELP \(name) Seconds, by \(series.keys.first?.split(separator: "=").first ?? "label").\n"
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
            out += "# TYPE \(name) counter\n"
            for (labels, value) in series.sorted(by: { $0.key < $1.key }) {
                out += labels.isEmpty ? "\(name) \(value)\n" : "\(name){\(labels)} \(value)\n"
            }
        }
        for gauge in gauges.current {
            out += "# HELP \(gauge.name) \(gauge.help)\n# TYPE \(gauge.name) gauge\n"
            for sample in gauge.read() {
                out += sample.labels.isEmpty ? "\(gauge.name) \(sample.value)\n" : "\(gauge.name){\(sample.labels)} \(sample.value)\n"
            }
        }
        return out
    }

    /// A label value, quoted and escaped for the text format.
    public func label(_ value: String) -> String {
        "\"" + value.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
            .replacing("\n", with: "\\n") + "\""
    }
}
