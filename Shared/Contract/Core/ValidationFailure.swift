/// A body that decoded well but breaks rules: every problem with its field. The answer (a 422,
/// `ValidationFailure+HTTP.swift` in ServiceKit) lists at most `listedProblems` problems and
/// counts the rest, so a body with thousands of bad items gets a short answer, not one larger
/// than the body.
public struct ValidationFailure: Error, Sendable, Equatable {
    /// Most problems an answer lists; `details.unlisted` counts the others.
    public static let listedProblems = 20

    /// Every problem found, in field order.
    public let problems: [ValidationProblem]
    /// The error code: `validation_failed` unless the route has its own (`invalid_order`).
    public let code: String

    /// Creates the error from at least one problem.
    public init(_ problems: [ValidationProblem], code: String = "validation_failed") {
        self.problems = problems
        self.code = code
    }

    /// One problem with one field.
    public init(field: String, _ message: String, code: String = "validation_failed") {
        self.init([ValidationProblem(field: field, message: message)], code: code)
    }

    /// Throws when `problems` is not empty.
    public static func check(_ problems: [ValidationProblem], code: String = "validation_failed")
        throws(ValidationFailure)
    {
        if !problems.isEmpty { throw ValidationFailure(problems, code: code) }
    }

    /// The problems an answer lists: the first `listedProblems`.
    public var listed: ArraySlice<ValidationProblem> { problems.prefix(Self.listedProblems) }
    /// How many problems the answer only counts.
    public var unlisted: Int { problems.count - listed.count }

    /// Every listed problem in one sentence, and the count of the others.
    public var message: String {
        let text = listed.map(\.description).joined(separator: " ")
        return unlisted == 0 ? text : "\(text) (and \(unlisted) more problems)"
    }
}
