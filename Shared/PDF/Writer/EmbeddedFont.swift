import Primitives

/// One face of a document as the PDF embeds it: the glyphs its pages draw, and what text each
/// glyph stands for, so that the font objects can carry only those glyphs and a ToUnicode map
/// that gives the text back (copying, searching, pdftotext).
///
/// The objects (ISO 32000-1 §9.7): a Type0 font with the Identity-H encoding, whose two-byte
/// codes are glyph ids; its CIDFontType2 descendant with CIDToGIDMap /Identity and the widths
/// (/W) of the glyphs used; a font descriptor with the subset's program as FontFile2; the
/// ToUnicode CMap (§9.10.3).
struct EmbeddedFont {
    let face: Typeface
    /// The resource name pages use (`F1`).
    let resource: String
    /// The text a glyph was first drawn for.
    private(set) var text: [UInt16: [Unicode.Scalar]] = [:]

    init(face: Typeface, resource: String) {
        self.face = face
        self.resource = resource
    }

    var isUsed: Bool { !text.isEmpty }

    /// The glyphs of `string`, recorded as used; the content stream shows them as a hex string.
    mutating func glyphs(of string: some StringProtocol) -> [UInt16] {
        string.unicodeScalars.map { scalar in
            let glyph = face.glyph(for: scalar)
            if text[glyph] == nil {
                // The stand-in glyph reads back as U+FFFD (or `?`), not as the character it replaced.
                let lacking = glyph == face.missing && face.font.glyph(for: scalar) != glyph
                text[glyph] = lacking ? (face.font.glyph(for: "\u{FFFD}") != nil ? ["\u{FFFD}"] : ["?"]) : [scalar]
            }
            return glyph
        }
    }

    /// The six capital letters before the font's name that mark a subset (§9.6.4), taken from a
    /// digest of the name and the glyphs kept: the same subset has the same tag.
    var subsetName: String {
        var hasher = SHA256()
        hasher.update(face.font.postScriptName)
        hasher.update(text.keys.sorted().flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        let tag = hasher.finalize().prefix(6).map { Character(Unicode.Scalar(UInt8(ascii: "A") + $0 % 26)) }
        return String(tag) + "+" + face.font.postScriptName
    }

    /// Writes the font's objects and returns the Type0 font's number, for the pages' resources.
    func write(into objects: inout PDFObjects) -> Int {
        let font = face.font
        let name = subsetName
        func scaled(_ units: Int) -> String { pdfNumber(Double(units) * 1000 / Double(font.unitsPerEm)) }

        let program = font.subset(keeping: Set(text.keys))
        let file = objects.addStream(program, dictionary: "/Length1 \(program.count)")
        let box = font.boundingBox
        let bold = font.postScriptName.contains("Bold")
        // Flags 4: symbolic, since the glyphs go past the standard Latin set (§9.8.2).
        let descriptor = objects.add(
            "<< /Type /FontDescriptor /FontName /\(name) /Flags 4 "
                + "/FontBBox [\(scaled(box.xMin)) \(scaled(box.yMin)) \(scaled(box.xMax)) \(scaled(box.yMax))] "
                + "/ItalicAngle 0 /Ascent \(scaled(font.ascent)) /Descent \(scaled(font.descent)) "
                + "/CapHeight \(scaled(font.capHeight)) /StemV \(bold ? 140 : 80) /FontFile2 \(file) 0 R >>")
        let descendant = objects.add(
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /\(name) "
                + "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                + "/FontDescriptor \(descriptor) 0 R /CIDToGIDMap /Identity /DW 1000 /W \(widths(scaled)) >>")
        let toUnicode = objects.addStream(Array(toUnicodeMap.utf8))
        return objects.add(
            "<< /Type /Font /Subtype /Type0 /BaseFont /\(name) /Encoding /Identity-H "
                + "/DescendantFonts [\(descendant) 0 R] /ToUnicode \(toUnicode) 0 R >>")
    }

    /// /W: `first [w1 w2 …]` for each run of consecutive glyph ids used (§9.7.4.3).
    private func widths(_ scaled: (Int) -> String) -> String {
        var runs: [String] = []
        var run: [String] = []
        var first: UInt16 = 0
        var previous: UInt16?
        for glyph in text.keys.sorted() {
            if let previous, glyph != previous + 1 {
                runs.append("\(first) [\(run.joined(separator: " "))]")
                run = []
            }
            if run.isEmpty { first = glyph }
            run.append(scaled(face.font.advance(of: glyph)))
            previous = glyph
        }
        if !run.isEmpty { runs.append("\(first) [\(run.joined(separator: " "))]") }
        return "[" + runs.joined(separator: " ") + "]"
    }

    /// The ToUnicode CMap: each glyph used to the UTF-16BE of its text, in blocks of at most 100
    /// entries as a bfchar section allows (Adobe Technical Note #5411, §1.4.1).
    var toUnicodeMap: String {
        var lines = [
            "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
            "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange",
        ]
        let entries = text.keys.sorted().map { glyph in
            let units = String(String.UnicodeScalarView(text[glyph] ?? [])).utf16
            return "<\(Self.hex(glyph))> <\(units.map(Self.hex).joined())>"
        }
        for start in stride(from: 0, to: entries.count, by: 100) {
            let block = entries[start..<min(start + 100, entries.count)]
            lines.append("\(block.count) beginbfchar")
            lines += block
            lines.append("endbfchar")
        }
        lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
        return lines.joined(separator: "\n")
    }

    /// Four hex digits of a 16-bit value.
    static func hex(_ value: UInt16) -> String {
        [UInt8(value >> 8), UInt8(value & 0xFF)].hexDigits.uppercased()
    }
}
