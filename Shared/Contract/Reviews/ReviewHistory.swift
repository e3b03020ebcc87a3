import FoundationEssentials

/// One change of a review: who made it, when, and each field's old and new value.
public struct ReviewHistoryEntry: Codable, Sendable, Hashable {
    public var reviewId: Int64
    public var at: Date
    /// The caller as the history names it (`admin:<key label>`, `storefront:<label>`,
    /// `customer:<id>`).
    public var actor: String
    public var action: ReviewAction
    public var changes: [ReviewFieldChange]

    /// Creates an entry.
    public init(reviewId: Int64, at: Date, actor: String, action: ReviewAction, changes: [ReviewFieldChange]) {
        self.reviewId = reviewId
        self.at = at
        self.actor = actor
        self.action = action
        self.changes = changes
    }
}

/// What a history entry records.
public enum ReviewAction: String, Codable, Sendable, CaseIterable {
    case created
    case activated
    case edited
    case deleted
}

/// One field's value before and after a change; a value is text (`comment`), a number (`rating`)
/// or a truth value (`active`, `moderated`), absent before creation and after deletion.
public struct ReviewFieldChange: Codable, Sendable, Hashable {
    public var field: String
    public var from: ReviewFieldValue?
    public var to: ReviewFieldValue?

    /// Creates a change.
    public init(field: String, from: ReviewFieldValue?, to: ReviewFieldValue?) {
        self.field = field
        self.from = from
        self.to = to
    }
}

/// A value a review's field holds.
public enum ReviewFieldValue: Codable, Sendable, Hashable {
    case text(String)
    case number(Int)
    case flag(Bool)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .flag(flag)
        } else if let number = try? container.decode(Int.self) {
            self = .number(number)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .number(let number): try container.encode(number)
        case .flag(let flag): try container.encode(flag)
        }
    }
}
