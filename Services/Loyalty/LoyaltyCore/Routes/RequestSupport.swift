import Contract
import FoundationEssentials
import Glibc
import HTTP
import ServiceKit

extension RequestContext {
    /// The name written in the history: the admin key's label for an admin, otherwise the role
    /// (with the customer or the service's name).
    var historyActor: String {
        if principal.role == .admin { return principal.name.map { $0.isEmpty ? "admin" : $0 } ?? "admin" }
        return principal.description
    }

    /// Whether the caller is the shop's back office.
    var isAdmin: Bool { principal.role == .admin }

    /// The `customerId` path parameter, checked against the identifier rule (a bad one is a 400).
    func customerParameter() throws(HTTPError) -> CustomerId {
        try parameters.require("customerId", as: CustomerId.self)
    }

    /// A query parameter read as an RFC 3339 date; a bad one is a 400 naming it.
    func dateQuery(_ name: String) throws(HTTPError) -> Date? {
        guard let text = query[name] else { return nil }
        guard let date = RFC3339.parse(text) else {
            throw HTTPError.badRequest(
                "Query parameter '\(name)' must be an RFC 3339 date such as 2026-11-23T10:00:00Z.",
                code: "invalid_parameter", details: ["parameter": .string(name)]
            )
        }
        return date
    }
}

extension HTTPRequest {
    /// The JSON body, or `fallback` when the body is empty (optional bodies).
    func decodeIfPresent<T: Decodable>(_ type: T.Type = T.self, default fallback: T) throws -> T {
        body.isEmpty ? fallback : try decode(type)
    }
}

/// Opaque text cursors: base64url of the last key, so any product id survives a query string.
enum TextCursor {
    /// The cursor after `key`.
    static func encode(_ key: String) -> String {
        Base64URL.encode(Array(key.utf8))
    }

    /// The key of a cursor; a bad one is a 400.
    static func decode(_ cursor: String?) throws(HTTPError) -> String? {
        guard let cursor else { return nil }
        guard let bytes = Base64URL.decode(cursor), let key = String(validating: bytes, as: UTF8.self) else {
            throw HTTPError.badRequest("The cursor is not valid.", code: "invalid_cursor")
        }
        return key
    }
}

extension Page {
    /// A page of `limit + 1` fetched items: the extra one only tells that more follow.
    static func keyset(_ fetched: [Item], limit: Int, cursor: (Item) -> String) -> Page<Item> {
        let items = Array(fetched.prefix(limit))
        let more = fetched.count > limit
        return Page(items: items, nextCursor: more ? items.last.map(cursor) : nil)
    }
}
