import FoundationEssentials

/// What one service holds about a person (`GET /v1/privacy/subjects/{customerId}` of every
/// service): its records of them by kind, as JSON, for the registry's export and access report.
public struct PrivacySubject: Codable, Sendable, Equatable {
    public var service: String
    public var customerId: CustomerId
    /// Kind of record → the records (`{"reviews": [...]}`, `{"account": {...}, "history": [...]}`).
    public var holds: [String: JSONValue]

    /// Creates a subject.
    public init(service: String, customerId: CustomerId, holds: [String: JSONValue]) {
        self.service = service
        self.customerId = customerId
        self.holds = holds
    }
}

/// `POST /v1/privacy/erasures` of every service: anonymize the person, keeping the shop's books
/// (amounts, counts, orders) whole. Idempotent: a repeat changes nothing more.
public struct SubjectErasure: Codable, Sendable, Hashable {
    public var erasureId: String
    public var customerId: CustomerId

    /// Creates an erasure order.
    public init(erasureId: String, customerId: CustomerId) {
        self.erasureId = erasureId
        self.customerId = customerId
    }

    /// The id the person is known by once erased, the same in every service (so the books of one
    /// erased person still add up) and revealing nothing: `erased-<erasureId>`.
    public var pseudonym: String { "erased-" + erasureId }
}

/// A service's answer to an erasure: how many of its records it changed.
public struct SubjectErasureOutcome: Codable, Sendable, Hashable {
    public var service: String
    public var erasureId: String
    public var anonymized: Int64

    /// Creates an outcome.
    public init(service: String, erasureId: String, anonymized: Int64) {
        self.service = service
        self.erasureId = erasureId
        self.anonymized = anonymized
    }
}
