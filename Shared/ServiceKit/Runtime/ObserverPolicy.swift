import Contract
import HTTP

/// Who may read a process's `/metrics` and the details of its `/ready` (addresses, versions,
/// traffic): everyone for the services, which only the gateway and each other reach; on the
/// public gateway, callers with one of `roles` (set by its authentication) or from one of
/// `addresses` (e.g. the Prometheus server's). Everyone else gets `/ready`'s status alone.
public struct ObserverPolicy: Sendable {
    /// Roles admitted whatever their address; nil admits every caller.
    public var roles: Set<Principal.Role>?
    /// Client addresses admitted whatever their credentials.
    public var addresses: AddressRanges

    /// Admits every caller.
    public static let everyone = ObserverPolicy(roles: nil, addresses: .none)

    /// The variable that lists the addresses (CIDR blocks) a metrics scraper calls from.
    public static let allowVariable = "ZAPLECZE_METRICS_ALLOW"

    /// Creates a policy.
    public init(roles: Set<Principal.Role>?, addresses: AddressRanges) {
        self.roles = roles
        self.addresses = addresses
    }

    /// Admits `roles`, and the addresses listed in `ZAPLECZE_METRICS_ALLOW` of `environment`.
    public static func restricted(
        to roles: Set<Principal.Role>, environment: [String: String]
    ) throws(ConfigurationError) -> ObserverPolicy {
        do {
            return ObserverPolicy(roles: roles, addresses: try AddressRanges(parsing: environment[allowVariable] ?? ""))
        } catch {
            throw ConfigurationError("\(allowVariable): \(error)")
        }
    }

    /// Whether the caller may see metrics and details.
    public func admits(_ context: RequestContext) -> Bool {
        guard let roles else { return true }
        return roles.contains(context.principal.role) || addresses.contains(context.remoteAddress)
    }

    /// Throws 401 for an anonymous caller not admitted (a key would help), 403 for another.
    public func require(_ context: RequestContext) throws(HTTPError) {
        guard !admits(context) else { return }
        let message = "Metrics are for admin keys and the addresses in \(Self.allowVariable)."
        if context.principal.role == .anonymous { throw HTTPError.unauthorized(message) }
        throw HTTPError.forbidden(message)
    }
}
