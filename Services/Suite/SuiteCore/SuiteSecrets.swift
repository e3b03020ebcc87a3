/// The keys and secrets every process of the suite is started with.
public struct SuiteSecrets: Equatable, Sendable {
    /// Comma-separated admin API keys (gateway).
    public var adminKeys: String
    /// Comma-separated storefront API keys (gateway).
    public var storefrontKeys: String
    /// The shared secret of service-to-service calls (every process).
    public var internalSecret: String
    /// The signing secret of customer tokens (gateway).
    public var tokenSecret: String

    /// Creates the set from its four values.
    public init(adminKeys: String, storefrontKeys: String, internalSecret: String, tokenSecret: String) {
        self.adminKeys = adminKeys
        self.storefrontKeys = storefrontKeys
        self.internalSecret = internalSecret
        self.tokenSecret = tokenSecret
    }

    /// Builds the set from resolved values, if all four are present.
    init?(values: [SecretVariable: String]) {
        guard let admin = values[.adminKeys], let storefront = values[.storefrontKeys],
            let internalSecret = values[.internalSecret], let token = values[.tokenSecret]
        else {
            return nil
        }
        self.init(adminKeys: admin, storefrontKeys: storefront, internalSecret: internalSecret, tokenSecret: token)
    }

    /// The values as environment variables.
    public var environment: [String: String] {
        [
            SecretVariable.adminKeys.rawValue: adminKeys,
            SecretVariable.storefrontKeys.rawValue: storefrontKeys,
            SecretVariable.internalSecret.rawValue: internalSecret,
            SecretVariable.tokenSecret.rawValue: tokenSecret,
        ]
    }
}

/// The four variables that hold keys or secrets, with the rules their values must follow.
public enum SecretVariable: String, CaseIterable, Sendable {
    /// Admin API keys, comma-separated.
    case adminKeys = "ZAPLECZE_ADMIN_KEYS"
    /// Storefront API keys, comma-separated.
    case storefrontKeys = "ZAPLECZE_STOREFRONT_KEYS"
    /// The internal service-to-service secret.
    case internalSecret = "ZAPLECZE_INTERNAL_SECRET"
    /// The customer-token signing secret.
    case tokenSecret = "ZAPLECZE_TOKEN_SECRET"

    /// Whether the value is a comma-separated list of keys rather than one secret.
    public var isKeyList: Bool {
        self == .adminKeys || self == .storefrontKeys
    }

    /// Whether a freshly generated value is shown to the operator: the API keys are needed to call
    /// the suite; the internal and token secrets never leave it.
    public var isShownWhenGenerated: Bool { isKeyList }

    /// Checks a value from the environment or secrets.env; returns why it is unusable, or nil.
    ///
    /// Values travel in `Authorization` headers and KEY=value lines, so they must be non-empty
    /// visible ASCII without spaces; a key list must not contain an empty item ("a,,b").
    public func problem(with value: String) -> String? {
        if value.isEmpty {
            return "\(rawValue) is set but empty; unset it to have one generated"
        }
        let items = isKeyList ? value.split(separator: ",", omittingEmptySubsequences: false) : [Substring(value)]
        for item in items {
            if item.isEmpty {
                return "\(rawValue) has an empty key between commas"
            }
            if !item.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) {
                return "\(rawValue) may hold only visible ASCII characters without spaces"
            }
            // The services refuse shorter secrets and keys (a key may carry a `label=` prefix).
            let secret = item.split(separator: "=", maxSplits: 1).last ?? item
            if (isKeyList ? secret : item).utf8.count < 16 {
                return "\(rawValue) needs at least 16 characters per \(isKeyList ? "key" : "secret")"
            }
        }
        return nil
    }
}
