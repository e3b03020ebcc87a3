import FoundationEssentials
import Glibc
import HTTP

/// What tests may replace in a gateway: its clocks and the receivers of order changes.
/// Production uses the defaults.
public struct GatewayOptions: Sendable {
    /// Wall-clock time in Unix seconds (token expiry).
    public var now: @Sendable () -> Int64
    /// Monotonic nanoseconds (rate limits).
    public var monotonic: @Sendable () -> UInt64
    /// Who receives order changes.
    public var orderReceivers: [OrderReceiver]

    /// The production options, or some replaced.
    public init(
        now: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) },
        monotonic: @escaping @Sendable () -> UInt64 = { MonotonicClock.now() },
        orderReceivers: [OrderReceiver] = OrderReceivers.all
    ) {
        self.now = now
        self.monotonic = monotonic
        self.orderReceivers = orderReceivers
    }
}
