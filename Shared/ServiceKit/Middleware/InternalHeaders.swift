import Contract
import HTTP

/// The header fields that carry the caller's identity between Zaplecze processes. A service
/// believes them only when `secret` matches its internal secret.
public enum InternalHeaders {
    public static let secret = "X-Zaplecze-Internal"
    public static let role = "X-Zaplecze-Role"
    public static let customerId = "X-Zaplecze-Customer"
    public static let actor = "X-Zaplecze-Actor"

    /// Every identity field, for stripping from outside requests.
    public static let all = [secret, role, customerId, actor]

    /// Sets the identity fields for `principal` on `headers`.
    public static func apply(_ principal: Principal, secret value: String, to headers: inout HTTPHeaders) {
        for name in all { headers.remove(name: name) }
        headers.add(name: secret, value: value)
        headers.add(name: role, value: principal.role.rawValue)
        if let customer = principal.customerId {
            headers.add(name: customerId, value: PercentDecoding.encode(customer.text))
        }
        if let name = principal.name { headers.add(name: actor, value: PercentDecoding.encode(name)) }
    }

    /// The principal the fields describe (without checking the secret); nil when a field is
    /// missing or a customer id breaks the identifier rule.
    public static func principal(from headers: HTTPHeaders) -> Principal? {
        guard let roleText = headers[role], let parsed = Principal.Role(rawValue: roleText) else { return nil }
        var customer: CustomerId?
        if let text = headers[customerId] {
            guard let decoded = PercentDecoding.decode(text), let valid = CustomerId(decoded) else { return nil }
            customer = valid
        }
        if parsed == .customer && customer == nil { return nil }
        return Principal(
            role: parsed, customerId: customer, name: headers[actor].flatMap { PercentDecoding.decode($0) })
    }
}
