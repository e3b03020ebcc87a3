import Contract
import FoundationEssentials
import Glibc
import HTTP

extension RequestContext {
    /// A query parameter read as an RFC 3339 date; a bad one is a 400 naming it.
    ///
    /// ```swift
    /// filter.from = try context.dateQuery("from")
    /// ```
    public func dateQuery(_ name: String) throws(HTTPError) -> Date? {
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
