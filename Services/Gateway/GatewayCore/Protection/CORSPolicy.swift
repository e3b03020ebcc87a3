import FoundationEssentials
import Glibc
import ServiceKit

/// Which web origins may call the API from a browser: an exact list of `scheme://host[:port]`
/// (`ZAPLECZE_CORS_ORIGINS`, comma-separated). No wildcard: a page that can send a customer's
/// token must be one the shop named.
public struct CORSPolicy: Sendable, Equatable {
    /// The allowed origins, lower-cased.
    public let origins: Set<String>

    /// Parses a comma-separated list; an entry that is not an origin is a configuration error.
    public init(list: String) throws {
        var origins = Set<String>()
        for entry in list.split(separator: ",") {
            let origin = entry.trimmed().lowercased()
            guard !origin.isEmpty else { continue }
            guard Self.looksLikeOrigin(origin) else {
                throw ConfigurationError(
                    "ZAPLECZE_CORS_ORIGINS entries must look like https://shop.example (no path), got '\(origin)'")
            }
            origins.insert(origin)
        }
        self.origins = origins
    }

    /// Whether a request's `Origin` value is allowed. Origins compare case-insensitively in
    /// scheme and host (RFC 6454 §6.2 serialises them in lower case).
    public func allows(_ origin: String) -> Bool {
        origins.contains(origin.lowercased())
    }

    private static func looksLikeOrigin(_ text: String) -> Bool {
        guard let range = text.firstRange(of: "://") else { return false }
        let scheme = text[..<range.lowerBound]
        let rest = text[range.upperBound...]
        return (scheme == "http" || scheme == "https") && !rest.isEmpty && !rest.contains("/")
            && !rest.contains("*") && !rest.contains(" ")
    }
}
