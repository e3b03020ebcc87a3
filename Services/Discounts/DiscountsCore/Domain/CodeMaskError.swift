/// Why a mask text is not a mask, with the 1-based character position where the problem starts.
public struct CodeMaskError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public enum Reason: Sendable, Hashable {
        /// The mask is empty or longer than `CodeMask.maxMaskLength`.
        case length
        /// A `<` without its `>`.
        case unclosedPlaceholder
        /// A `>` with no `<` before it.
        case strayClosingBracket
        /// A placeholder other than `NUM` and `RAND`.
        case unknownPlaceholder(String)
        /// A placeholder with the wrong number of arguments.
        case arguments(String)
        /// An argument that is not a whole number from 0 to 10^18.
        case notANumber(String)
        /// `<RAND:min:max>` with min > max.
        case emptyRange
        /// A character a code may not hold.
        case character(String)
        /// A mask without any placeholder: it would give one code only.
        case noPlaceholder
        /// The codes the mask gives would be longer than `CodeMask.maxCodeLength`.
        case codeTooLong(Int)
    }

    /// What is wrong.
    public let reason: Reason
    /// The 1-based position (in characters) of the problem in the mask text.
    public let position: Int

    public init(_ reason: Reason, at position: Int) {
        self.reason = reason
        self.position = position
    }

    public var description: String {
        let what: String
        switch reason {
        case .length:
            what = "a mask is 1–\(CodeMask.maxMaskLength) characters long"
        case .unclosedPlaceholder:
            what = "the placeholder opened here has no closing '>'"
        case .strayClosingBracket:
            what = "'>' closes no placeholder"
        case .unknownPlaceholder(let name):
            what = "unknown placeholder '\(name)'; use <NUM:start> or <RAND:min:max>"
        case .arguments(let form):
            what = "the placeholder takes the form \(form)"
        case .notANumber(let text):
            what = "'\(text)' is not a whole number from 0 to 1000000000000000000"
        case .emptyRange:
            what = "in <RAND:min:max> min must not be greater than max"
        case .character(let character):
            what = "'\(character)' cannot appear in a code; use letters A–Z, digits, '-' and '_'"
        case .noPlaceholder:
            what = "a mask needs at least one <NUM:start> or <RAND:min:max>"
        case .codeTooLong(let length):
            what = "its codes would be \(length) characters long; at most \(CodeMask.maxCodeLength)"
        }
        return "Position \(position): \(what)."
    }
}
