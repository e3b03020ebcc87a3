import FoundationEssentials
import Glibc
import HTTP
import Primitives
import ServiceKit

/// The gateway's credentials from configuration: admin and storefront API keys
/// (`ZAPLECZE_ADMIN_KEYS`, `ZAPLECZE_STOREFRONT_KEYS`: comma-separated, each `key` or
/// `label=key`, the label naming the caller in histories) and the customer-token signing keys
/// (`ZAPLECZE_TOKEN_SECRET` signs and verifies; `ZAPLECZE_TOKEN_PREVIOUS_SECRETS`, comma-separated,
/// still verify tokens signed before a rotation until they are removed).
public struct GatewayKeys: Sendable {
    /// One API key with the name it is known by.
    public struct APIKey: Sendable {
        public let label: String
        let secret: [UInt8]
    }

    public let adminKeys: [APIKey]
    public let storefrontKeys: [APIKey]
    public let signer: TokenSigner

    /// Reads the keys; a missing or short one is a configuration error (exit 2).
    public static func from(environment: [String: String]) throws -> GatewayKeys {
        let admin = try parseKeys(
            environment["ZAPLECZE_ADMIN_KEYS"], variable: "ZAPLECZE_ADMIN_KEYS", defaultLabel: "admin")
        let storefront = try parseKeys(
            environment["ZAPLECZE_STOREFRONT_KEYS"], variable: "ZAPLECZE_STOREFRONT_KEYS", defaultLabel: "storefront")
        guard let secret = environment["ZAPLECZE_TOKEN_SECRET"], secret.utf8.count >= 16 else {
            throw ConfigurationError("ZAPLECZE_TOKEN_SECRET must be set to at least 16 characters")
        }
        let current = signingKey(secret)
        var verification = [current]
        for previous in (environment["ZAPLECZE_TOKEN_PREVIOUS_SECRETS"] ?? "").split(separator: ",") {
            let trimmed = previous.trimmed()
            guard trimmed.utf8.count >= 16 else {
                throw ConfigurationError("each ZAPLECZE_TOKEN_PREVIOUS_SECRETS entry needs 16 characters or more")
            }
            verification.append(signingKey(trimmed))
        }
        return GatewayKeys(
            adminKeys: admin, storefrontKeys: storefront,
            signer: TokenSigner(signingKey: current, verificationKeys: verification))
    }

    /// A signing key whose id is derived from the secret, so ids never need configuring.
    static func signingKey(_ secret: String) -> SigningKey {
        let digest = SHA256.hash(Array(secret.utf8))
        let id = digest.prefix(4).hexDigits
        return SigningKey(id: id, secret: Array(secret.utf8))
    }

    private static func parseKeys(_ text: String?, variable: String, defaultLabel: String) throws -> [APIKey] {
        var keys: [APIKey] = []
        for (index, entry) in (text ?? "").split(separator: ",").enumerated() {
            let trimmed = entry.trimmed()
            var label = "\(defaultLabel)-\(index + 1)"
            var secret = trimmed
            if let equals = trimmed.firstIndex(of: "=") {
                label = String(trimmed[..<equals])
                secret = String(trimmed[trimmed.index(after: equals)...])
            }
            guard secret.utf8.count >= 16 else {
                throw ConfigurationError("every key in \(variable) needs at least 16 characters")
            }
            keys.append(APIKey(label: label, secret: Array(secret.utf8)))
        }
        guard !keys.isEmpty else {
            throw ConfigurationError("\(variable) must list at least one key (the suite launcher generates them)")
        }
        return keys
    }
}
