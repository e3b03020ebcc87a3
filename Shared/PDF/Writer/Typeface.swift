/// A font as the layout uses it: each character's glyph, with a stand-in for the characters the
/// font lacks (U+FFFD's glyph, else `?`'s, else glyph 0), and widths in points.
struct Typeface: Sendable {
    let font: TrueTypeFont
    /// The glyph drawn for a character the font has no glyph for.
    let missing: UInt16
    /// The glyph of a space, drawn for a tab too.
    let space: UInt16

    init(_ font: TrueTypeFont) {
        self.font = font
        missing = font.glyph(for: "\u{FFFD}") ?? font.glyph(for: "?") ?? 0
        space = font.glyph(for: " ") ?? missing
    }

    /// The glyph drawn for `scalar`.
    func glyph(for scalar: Unicode.Scalar) -> UInt16 {
        if scalar == "\t" { return space }
        return font.glyph(for: scalar) ?? missing
    }

    /// The width of `text` set at `size` points, in points (advances only: no kerning).
    func width(of text: some StringProtocol, size: Double) -> Double {
        var units = 0
        for scalar in text.unicodeScalars { units += font.advance(of: glyph(for: scalar)) }
        return Double(units) * size / Double(font.unitsPerEm)
    }
}
