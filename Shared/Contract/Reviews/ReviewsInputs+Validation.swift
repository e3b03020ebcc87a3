import FoundationEssentials
import Primitives

/// The limits of the reviews inputs and the rules that decoding alone cannot check, each problem
/// naming its field. The schemas read the same constants.
public enum ReviewRules {
    public static let ratings: ClosedRange<Int> = 1...5
    /// Longest comment, in characters.
    public static let maximumCommentLength = 4_000
    /// Longest author name, in characters.
    public static let maximumAuthorNameLength = 100
    /// Most links (`http://`, `https://`, `www.`) a submitted comment may hold; the admin's edits
    /// are not limited.
    public static let maximumLinks = 2

    /// The problems of a comment: 1–`maximumCommentLength` characters, not all white space, no
    /// control characters but line breaks and tabs.
    public static func comment(_ text: String, field: String = "comment") -> [ValidationProblem] {
        TextRules.textProblems(text, field: field, maxLength: maximumCommentLength)
    }

    /// The problems of a rating outside 1–5.
    public static func rating(_ value: Int) -> [ValidationProblem] {
        ratings.contains(value) ? [] : [.init(field: "rating", message: "rating must be 1–5.")]
    }

    /// The problems of a one-line label of at most `maxLength` characters.
    static func label(_ text: String, field: String, maxLength: Int) -> [ValidationProblem] {
        TextRules.lineProblems(text, field: field, maxLength: maxLength)
    }

    /// How many links a text holds: each `http://`, `https://` or `www.` in any letter case.
    public static func linkCount(_ text: String) -> Int {
        let folded = text.lowercased()
        let schemes = folded.ranges(of: "http://").count + folded.ranges(of: "https://").count
        // "http://www.x" is one link, not two.
        let bare = folded.ranges(of: "www.").filter { !folded[..<$0.lowerBound].hasSuffix("://") }.count
        return schemes + bare
    }
}

extension ReviewSubmission {
    /// The problems that keep this review out; empty when it is fine.
    public func validate() -> [ValidationProblem] {
        var problems = ReviewRules.label(productName, field: "productName", maxLength: TextRules.maximumNameLength)
        problems += ReviewRules.rating(rating)
        problems += ReviewRules.comment(comment)
        if problems.allSatisfy({ $0.field != "comment" }), ReviewRules.linkCount(comment) > ReviewRules.maximumLinks {
            problems.append(
                .init(field: "comment", message: "comment may hold at most \(ReviewRules.maximumLinks) links."))
        }
        problems += ReviewRules.label(
            authorName, field: "authorName", maxLength: ReviewRules.maximumAuthorNameLength)
        return problems
    }
}

extension ReviewChange {
    /// The problems of the edit: at least one field, each within its rule.
    public func validate() -> [ValidationProblem] {
        if comment == nil, rating == nil, active == nil {
            return [.init(field: "comment", message: "Give comment, rating or active to change.")]
        }
        var problems: [ValidationProblem] = []
        if let comment { problems += ReviewRules.comment(comment) }
        if let rating { problems += ReviewRules.rating(rating) }
        return problems
    }
}

extension ReviewSubmission: RefusesUnknownFields {}
extension ReviewChange: RefusesUnknownFields {}
