import FoundationEssentials
import Glibc
import ServiceKit

/// Everything the gateway reads from its `ZAPLECZE_*` variables beyond what every service reads:
/// credentials, rate limits, allowed browser origins and the upstream timeout.
public struct GatewaySettings: Sendable {
    public var keys: GatewayKeys
    public var limits: GatewayLimits
    /// Origins whose pages may call the API from a browser (`ZAPLECZE_CORS_ORIGINS`).
    public var corsOrigins: CORSPolicy
    /// How long to wait for a service's answer (`ZAPLECZE_UPSTREAM_TIMEOUT_SECONDS`, default 30).
    public var upstreamTimeout: Duration
    /// The admin panel's sessions.
    public var sessions: SessionSettings

    /// Reads the settings; a bad value is a configuration error (exit 2).
    public static func from(environment: [String: String]) throws -> GatewaySettings {
        var timeout = Duration.seconds(30)
        if let text = environment["ZAPLECZE_UPSTREAM_TIMEOUT_SECONDS"] {
            guard let seconds = Double(text), seconds.isFinite, seconds > 0, seconds <= 3600 else {
                throw ConfigurationError(
                    "ZAPLECZE_UPSTREAM_TIMEOUT_SECONDS must be a number of seconds from 0 to 3600, got '\(text)'")
            }
            timeout = .milliseconds(Int64((seconds * 1000).rounded(.up)))
        }
        return GatewaySettings(
            keys: try GatewayKeys.from(environment: environment),
            limits: try GatewayLimits.from(environment: environment),
            corsOrigins: try CORSPolicy(list: environment["ZAPLECZE_CORS_ORIGINS"] ?? ""),
            upstreamTimeout: timeout,
            sessions: try SessionSettings.from(environment: environment)
        )
    }
}
