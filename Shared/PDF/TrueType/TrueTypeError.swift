/// A font file that cannot be used: too short, a table missing, or a value pointing outside the
/// file. Every read of a font is checked, so a malformed file ends here and never in a crash.
public struct TrueTypeError: Error, CustomStringConvertible, Equatable, Sendable {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
