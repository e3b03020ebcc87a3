import FoundationEssentials
import Primitives

/// The limits of the helpdesk inputs and the rules decoding alone cannot check, each problem
/// naming its field. The schemas read the same constants.
public enum HelpdeskRules {
    /// Longest subject or standard-reply title, in characters.
    public static let maximumSubjectLength = 200
    /// Longest message or standard-reply body, in characters.
    public static let maximumMessageLength = 10_000

    /// A one-line text of 1–`maximumSubjectLength` characters, not all blank.
    static func line(_ text: String, field: String) -> [ValidationProblem] {
        TextRules.lineProblems(text, field: field, maxLength: maximumSubjectLength)
    }

    /// A text of 1–`maximumMessageLength` characters, not all blank, no control characters but
    /// line breaks and tabs.
    public static func message(_ text: String, field: String) -> [ValidationProblem] {
        TextRules.textProblems(text, field: field, maxLength: maximumMessageLength)
    }

    /// The `{name}` tokens of `text` that are no placeholder.
    public static func unknownPlaceholders(in text: String) -> [String] {
        let known = Set(StandardReplyPlaceholder.allCases.map(\.token))
        var unknown: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let token = String(rest[open...close])
            if !known.contains(token), !token.dropFirst().dropLast().contains("{") { unknown.append(token) }
            rest = rest[rest.index(after: close)...]
        }
        return unknown
    }
}

extension ThreadOpening {
    /// The problems that keep the thread from opening; empty when it is fine.
    public func validate() -> [ValidationProblem] {
        EmailRules.problems(email, field: "email") + HelpdeskRules.line(subject, field: "subject")
            + HelpdeskRules.message(message, field: "message")
    }
}

extension MessageRequest {
    /// A body within its rule, or a standard reply to take it from, or both; a reply's id is
    /// checked with a body too, as the schema's minimum says.
    public func validate() -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        if let standardReplyId, standardReplyId < 1 {
            problems.append(.init(field: "standardReplyId", message: "standardReplyId must be at least 1."))
        }
        if let body {
            problems += HelpdeskRules.message(body, field: "body")
        } else if standardReplyId == nil {
            problems.append(.init(field: "body", message: "Give body, standardReplyId or both."))
        }
        return problems
    }
}

extension StandardReplyInput {
    /// A title on one line and a body whose placeholders are all known.
    public func validate() -> [ValidationProblem] {
        var problems = HelpdeskRules.line(title, field: "title") + HelpdeskRules.message(body, field: "body")
        let unknown = HelpdeskRules.unknownPlaceholders(in: body)
        if problems.isEmpty, !unknown.isEmpty {
            let known = StandardReplyPlaceholder.allCases.map(\.token).joined(separator: ", ")
            problems.append(
                .init(
                    field: "body",
                    message: "body names \(unknown.joined(separator: ", ")), which is no placeholder; use \(known)."))
        }
        return problems
    }
}

extension ThreadOpening: RefusesUnknownFields {}
extension MessageRequest: RefusesUnknownFields {}
extension StatusUpdate: RefusesUnknownFields {}
extension StandardReplyInput: RefusesUnknownFields {}
