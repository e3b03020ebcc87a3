import FoundationEssentials

/// A saved answer the operator picks instead of typing ("texts for the helpdesk"). Its body may
/// hold the placeholders of `StandardReplyPlaceholder`, filled in from the thread.
public struct StandardReply: Codable, Sendable, Hashable {
    public var id: Int64
    public var title: String
    public var body: String
    public var updatedAt: Date

    /// Creates a standard reply.
    public init(id: Int64, title: String, body: String, updatedAt: Date) {
        self.id = id
        self.title = title
        self.body = body
        self.updatedAt = updatedAt
    }
}

/// `POST /v1/standard-replies`, `PUT /v1/standard-replies/{id}`.
public struct StandardReplyInput: Codable, Sendable, Hashable {
    public var title: String
    public var body: String

    /// Creates an input.
    public init(title: String, body: String) {
        self.title = title
        self.body = body
    }
}

/// The placeholders a standard reply may hold, each written `{name}`.
public enum StandardReplyPlaceholder: String, Sendable, CaseIterable {
    case orderNumber
    case subject
    case email
    case threadId

    /// `{name}`.
    public var token: String { "{\(rawValue)}" }
}
