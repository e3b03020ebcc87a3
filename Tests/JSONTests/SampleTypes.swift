import Foundation
import JSON

// Types shaped like the contract's (optional members, nested documents, raw-value enums, a list
// with a cursor), so that the encoder is tested on what the suite encodes without depending on
// the contract.

/// Conditions of a rule: optional members, some absent.
struct Conditions: Encodable {
    var minOrderValue: Int64?
    var validFrom: Date?
    var validTo: Date?
    var productIds: [String]?
}

/// An order's deliveries: a document of nested objects and arrays, like the gateway's answers.
struct Acceptance: Encodable {
    struct Delivery: Encodable {
        var receiver: String
        var service: String
        var eventId: String
        var sequence: Int64
        var state: String
        var attempts: Int
        var createdAt: Date
        var lastError: String?
    }

    var orderNumber: String
    var sequence: Int64
    var changed: Bool
    var deliveries: [Delivery]
}

/// A list with its cursor, written `null` on the last page.
struct Listing: Encodable {
    var items: [JSONValue]
    var nextCursor: String?

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        try container.encode(items, forKey: AnyKey("items"))
        try container.encode(nextCursor, forKey: AnyKey("nextCursor"))
    }
}

/// A small object, many times over.
struct Reference: Encodable {
    var id: Int64
    var name: String
}

/// A status: a string-valued enumeration (not a `CodingKeyRepresentable` dictionary key).
enum Status: String, Codable, CaseIterable {
    case paid, fulfilled, refunded
}

/// A rounding step: an integer-valued enumeration.
enum Step: Int64, Codable, CaseIterable {
    case one = 1
    case ten = 10
    case hundred = 100
    case thousand = 1000
}
