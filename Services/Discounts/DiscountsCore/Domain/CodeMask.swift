import Contract

/// A code generator mask: literal text with placeholders, parsed once and rendered per code.
///
/// - `<NUM:start>`: the code's sequence number, `start` for the first code, `start + 1` for the
///   next, written in decimal without padding.
/// - `<RAND:min:max>`: a number drawn uniformly from `min…max` for each code, zero-padded to the
///   width of `max`.
///
/// `A<NUM:1000>` gives A1000, A1001, …; `PROMO<NUM:1000><RAND:10000:99999>` gives PROMO1000xxxxx, …
/// Literal text is stored upper-cased, since codes compare case-insensitively.
public struct CodeMask: Sendable, Hashable {
    /// One piece of a mask.
    public enum Segment: Sendable, Hashable {
        /// Text copied into every code, upper-cased ASCII.
        case literal([UInt8])
        /// `<NUM:start>`.
        case sequence(start: Int64)
        /// `<RAND:min:max>`, written `width` digits wide.
        case random(min: Int64, max: Int64, width: Int)
    }

    /// The longest mask text accepted, in bytes.
    public static let maxMaskLength = CampaignInput.maximumMaskLength
    /// The longest code a mask may produce, in bytes.
    public static let maxCodeLength = 64

    /// The mask's pieces in order; adjacent literals are merged.
    public let segments: [Segment]

    /// The mask as the admin wrote it.
    public let text: String

    /// Whether the mask numbers its codes, which makes every code of one campaign distinct.
    public var hasSequence: Bool {
        segments.contains { if case .sequence = $0 { true } else { false } }
    }

    /// The largest `start` of the mask's `<NUM>` placeholders (0 without one).
    var largestSequenceStart: Int64 {
        segments.reduce(0) { largest, segment in
            if case .sequence(let start) = segment { return Swift.max(largest, start) }
            return largest
        }
    }

    init(text: String, segments: [Segment]) {
        self.text = text
        self.segments = segments
    }
}
