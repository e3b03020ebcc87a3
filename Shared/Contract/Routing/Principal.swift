/// Who is calling: established by the gateway from the caller's credentials and passed to the
/// services, which believe it only when the call carries the internal secret. The roles are the
/// shop's, so they live with its contract; the HTTP layer carries a principal in each request's
/// context as an opaque `RequestIdentity` (`context.principal` reads it back, in ServiceKit).
public struct Principal: RequestIdentity, Equatable, CustomStringConvertible {
    /// The kinds of caller the shop knows; route declarations admit a set of them.
    public enum Role: String, Sendable, CaseIterable, Codable {
        /// The shop's back office (admin API key).
        case admin
        /// The shop's own server (storefront API key).
        case storefront
        /// One customer, with a signed token; reaches only their own data.
        case customer
        /// Another Zaplecze service calling on its own behalf.
        case service
        /// No credentials.
        case anonymous
    }

    /// The kind of caller.
    public var role: Role
    /// The customer a customer token belongs to.
    public var customerId: CustomerId?
    /// A readable name for the history: the admin key's label, a service's name.
    public var name: String?

    /// Creates a principal.
    public init(role: Role, customerId: CustomerId? = nil, name: String? = nil) {
        self.role = role
        self.customerId = customerId
        self.name = name
    }

    /// A caller without credentials.
    public static let anonymous = Principal(role: .anonymous)

    /// Whether this caller may act for `customerId`: staff and services may; a customer only for
    /// itself, the ids compared byte by byte (`CustomerId` has no other equality).
    public func mayActFor(customerId id: CustomerId) -> Bool {
        switch role {
        case .admin, .storefront, .service: return true
        case .customer: return customerId == id
        case .anonymous: return false
        }
    }

    public var description: String {
        switch role {
        case .customer: return "customer:\(customerId?.text ?? "?")"
        default: return name.map { "\(role.rawValue):\($0)" } ?? role.rawValue
        }
    }
}
