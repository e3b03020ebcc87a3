import FoundationEssentials
import Glibc
import HTTP

/// What tests may replace in a gateway: its clocks and the receivers of order changes.
/// Production uses the defaults.
public struct GatewayOptions: Sendable {
    /// Wall-clock time (token and session expiry).
    public var wall: WallClock
    /// Monotonic time (rate limits).
    public var monotonic: MonotonicClock
    /// Who receives order changes.
    public var orderReceivers: [OrderReceiver]

    /// The production options, or some replaced.
    public init(
        wall: WallClock = .system,
        monotonic: MonotonicClock = .system,
        orderReceivers: [OrderReceiver] = OrderReceivers.all
    ) {
        self.wall = wall
        self.monotonic = monotonic
        self.orderReceivers = orderReceivers
    }
}
