import HTTP

extension RequestContext {
    /// A query parameter read as one of `Value`'s raw values; another text is a 400 listing them.
    ///
    /// ```swift
    /// let sort = try context.enumQuery("sort", as: ReviewSort.self) ?? .newest
    /// ```
    public func enumQuery<Value: RawRepresentable & CaseIterable>(_ name: String, as type: Value.Type)
        throws(HTTPError) -> Value? where Value.RawValue == String
    {
        guard let text = query[name] else { return nil }
        guard let value = Value(rawValue: text) else {
            throw HTTPError.badRequest(
                "Query parameter '\(name)' must be one of "
                    + Value.allCases.map(\.rawValue).joined(separator: ", ") + ".",
                code: "invalid_parameter", details: ["parameter": .string(name)])
        }
        return value
    }
}
