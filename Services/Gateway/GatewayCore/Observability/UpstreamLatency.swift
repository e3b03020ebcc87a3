import Foundation
import HTTP
import ServiceKit

/// A latency histogram per upstream service, exposed on `/metrics` as
/// `zaplecze_upstream_request_duration_seconds_{bucket,sum,count}{service="…"}` with the registry's
/// bucket bounds, so `histogram_quantile` gives per-service percentiles.
///
/// `MetricsRegistry` keeps histograms by route only, so this one is rendered through three
/// scrape-time gauges: the text is what a histogram's would be except for the `# TYPE` line.
/// Buckets are counted cumulatively already, as Prometheus expects (`le` = "at most").
public final class UpstreamLatency: Sendable {
    public static let metricName = "zaplecze_upstream_request_duration_seconds"

    private struct Histogram {
        var counts = [UInt64](repeating: 0, count: MetricsRegistry.buckets.count)
        var sum = 0.0
        var total: UInt64 = 0
    }

    private let histograms = Locked<[String: Histogram]>([:])

    /// Creates the histograms and registers them with `metrics`.
    public init(metrics: MetricsRegistry) {
        let name = Self.metricName
        metrics.gauge("\(name)_bucket", help: "Upstream answer time by service: requests at most le seconds.") { [self] in
            snapshot().flatMap { service, histogram in
                MetricsRegistry.buckets.enumerated().map { index, bound in
                    ("service=\(Self.label(service)),le=\"\(bound)\"", Double(histogram.counts[index]))
                } + [("service=\(Self.label(service)),le=\"+Inf\"", Double(histogram.total))]
            }
        }
        metrics.gauge("\(name)_sum", help: "Upstream answer time by service: total seconds.") { [self] in
            snapshot().map { ("service=\(Self.label($0.0))", $0.1.sum) }
        }
        metrics.gauge("\(name)_count", help: "Upstream answer time by service: requests.") { [self] in
            snapshot().map { ("service=\(Self.label($0.0))", Double($0.1.total)) }
        }
    }

    /// Records one upstream exchange of `seconds` (to the response head).
    public func record(service: String, seconds: Double) {
        histograms.withLock { all in
            var histogram = all[service] ?? Histogram()
            for (index, bound) in MetricsRegistry.buckets.enumerated() where seconds <= bound {
                histogram.counts[index] += 1
            }
            histogram.sum += seconds
            histogram.total += 1
            all[service] = histogram
        }
    }

    /// A label value, quoted and escaped for the text format.
    static func label(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    private func snapshot() -> [(String, Histogram)] {
        histograms.current.sorted { $0.key < $1.key }
    }
}
