/// A type a path or query parameter can be read as.
public protocol ParameterConvertible {
    init?(parameter: String)
    /// How the expected form is named in a 400 answer ("an integer").
    static var parameterDescription: String { get }
}

extension String: ParameterConvertible {
    public init?(parameter: String) { self = parameter }
    public static var parameterDescription: String { "text" }
}

extension Int: ParameterConvertible {
    public init?(parameter: String) { self.init(parameter, radix: 10) }
    public static var parameterDescription: String { "an integer" }
}

extension Int64: ParameterConvertible {
    public init?(parameter: String) { self.init(parameter, radix: 10) }
    public static var parameterDescription: String { "an integer" }
}

extension Bool: ParameterConvertible {
    public init?(parameter: String) {
        switch parameter {
        case "true", "1", "yes": self = true
        case "false", "0", "no": self = false
        default: return nil
        }
    }
    public static var parameterDescription: String { "true or false" }
}

/// The `:name` segments a route matched, percent-decoded.
public struct PathParameters: Sendable {
    var values: [(name: String, value: String)] = []

    public init() {}

    mutating func set(_ name: String, _ value: String) { values.append((name, value)) }

    /// Every parameter in path order.
    public var all: [(name: String, value: String)] { values }

    /// The raw value, if the route has this parameter.
    public subscript(_ name: String) -> String? {
        values.first { $0.name == name }?.value
    }

    /// The parameter as `T`; a missing or unreadable one is a 400.
    public func require<T: ParameterConvertible>(_ name: String, as type: T.Type = T.self) throws(HTTPError) -> T {
        guard let raw = self[name] else {
            throw HTTPError.badRequest("Missing path parameter '\(name)'.", code: "invalid_parameter")
        }
        guard let value = T(parameter: raw) else {
            throw HTTPError.badRequest(
                "Path parameter '\(name)' must be \(T.parameterDescription).", code: "invalid_parameter",
                details: ["parameter": .string(name)]
            )
        }
        return value
    }
}

/// The query string's parameters in order; keys may repeat.
public struct QueryParameters: Sendable {
    public private(set) var pairs: [(name: String, value: String)] = []

    public init() {}

    /// Parses a raw query; nil on a bad percent escape.
    public init?(raw: Substring?) {
        guard let raw, !raw.isEmpty else { return }
        // Split on bytes: Character-wise splitting walks grapheme clusters.
        for bytes in raw.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let part = Substring(bytes)
            let name: Substring
            let value: Substring
            if let equals = part.utf8.firstIndex(of: UInt8(ascii: "=")) {
                name = part[..<equals]
                value = part[part.utf8.index(after: equals)...]
            } else {
                name = part
                value = ""
            }
            guard let decodedName = PercentDecoding.decode(name, plusAsSpace: true),
                let decodedValue = PercentDecoding.decode(value, plusAsSpace: true)
            else { return nil }
            pairs.append((decodedName, decodedValue))
        }
    }

    /// The first value of `name`.
    public subscript(_ name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Every value of `name`, in order.
    public func values(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    /// The value as `T`, nil when absent; an unreadable value is a 400.
    public func get<T: ParameterConvertible>(_ name: String, as type: T.Type = T.self) throws(HTTPError) -> T? {
        guard let raw = self[name] else { return nil }
        guard let value = T(parameter: raw) else {
            throw HTTPError.badRequest(
                "Query parameter '\(name)' must be \(T.parameterDescription).", code: "invalid_parameter",
                details: ["parameter": .string(name)]
            )
        }
        return value
    }

    /// The value as `T`; missing or unreadable is a 400.
    public func require<T: ParameterConvertible>(_ name: String, as type: T.Type = T.self) throws(HTTPError) -> T {
        guard let value = try get(name, as: type) else {
            throw HTTPError.badRequest(
                "Query parameter '\(name)' is required.", code: "invalid_parameter",
                details: ["parameter": .string(name)])
        }
        return value
    }
}
