import FoundationEssentials
import Glibc

/// The service's clock: every timestamp and every expiry decision reads it, so tests can move
/// time instead of waiting.
public typealias LoyaltyClock = @Sendable () -> Date
