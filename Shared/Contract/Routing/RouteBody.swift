/// How a request or response body appears on the wire and in the OpenAPI document.
public enum BodyDescription: Sendable {
    /// No body (a GET's request, a 204's answer).
    case none
    /// JSON of `schema`; `types` are the describing types whose schemas it refers to;
    /// `example` a valid body, for the document.
    case json(schema: JSONValue, types: [any SchemaDescribing.Type], example: JSONValue? = nil)
    /// Text of `contentType` (a CSV file, the Prometheus exposition).
    case text(contentType: String, description: String, example: String? = nil)
    /// Bytes of `contentType` that are not text (a PDF document).
    case binary(contentType: String, description: String)

    /// The named schemas the body refers to, transitively, by name.
    public var components: [String: JSONValue] {
        var found: [String: JSONValue] = [:]
        for type in describedTypes { found[type.schemaName] = type.documentedSchema }
        return found
    }

    /// The describing types the body refers to, transitively.
    public var describedTypes: [any SchemaDescribing.Type] {
        guard case .json(_, let types, _) = self else { return [] }
        return types.flatMap { $0.describedTypes }
    }

    /// Whether the body's type refuses members it does not declare (422 `unknown_field`).
    public var refusesUnknownFields: Bool {
        guard case .json(_, let types, _) = self else { return false }
        return types.first.map { $0 is any RefusesUnknownFields.Type } ?? false
    }

    /// Whether there is a body at all.
    public var isPresent: Bool {
        if case .none = self { return false }
        return true
    }
}

/// A type that can stand as a route's request or response body in a `RouteSpec`.
public protocol RouteBody {
    /// How the body appears on the wire.
    static var body: BodyDescription { get }
}

extension SchemaDescribing {
    public static var body: BodyDescription {
        let example = try? JSONCoding.decode(JSONValue.self, from: JSONCoding.encode(Self.example))
        return .json(schema: reference, types: [Self.self], example: example)
    }
}

/// No body.
public struct NoBody: RouteBody, Codable, Sendable {
    public static var body: BodyDescription { .none }
    public init() {}
}

/// A body that is text rather than JSON: its `body` is `.text`, whose content type a client
/// sends it under (`ServiceClient.call(_:_:text:)`).
public protocol TextBody: RouteBody {}

extension TextBody {
    /// The media type the body's description declares (`text/csv`, …).
    public static var contentType: String {
        guard case .text(let contentType, _, _) = body else {
            preconditionFailure("\(Self.self) is a TextBody whose description is not text")
        }
        return contentType
    }
}

/// A bulk adjustment file: CSV with the header `customerId,points,reason`, one adjustment a row.
public enum BulkAdjustmentCSV: TextBody {
    public static var body: BodyDescription {
        .text(
            contentType: "text/csv",
            description: "UTF-8 CSV (RFC 4180): the header row customerId,points,reason, then one adjustment a row.",
            example: "customerId,points,reason\r\n\(Examples.customerId),100,Spring gift\r\n")
    }
}

/// A CSV file (`text/csv`, UTF-8, a header row first).
public struct CSVFile: TextBody, Sendable {
    public static var body: BodyDescription {
        .text(contentType: "text/csv", description: "UTF-8 CSV with a header row naming the columns.")
    }
}

/// Text in the Prometheus exposition format.
public struct MetricsText: TextBody, Sendable {
    public static var body: BodyDescription {
        .text(contentType: "text/plain", description: "Prometheus text exposition format 0.0.4.")
    }
}

extension Page: RouteBody where Item: SchemaDescribing {
    public static var body: BodyDescription {
        .json(schema: Schema.page(of: Item.reference), types: [Item.self])
    }
}

/// A body only services exchange among themselves (internal routes are not documented).
public protocol InternalBody: RouteBody {}

extension InternalBody {
    public static var body: BodyDescription { .json(schema: Schema.anyObject, types: []) }
}

/// A PDF document (`application/pdf`).
public enum PDFFile: RouteBody {
    public static var body: BodyDescription {
        .binary(contentType: "application/pdf", description: "A PDF document.")
    }
}
