/// A TrueType font (glyphs in a `glyf` table) read from its file: its metrics, which glyph draws
/// each character, and each glyph's advance, enough to lay out text and embed a subset in a PDF.
///
/// Every table the reader needs is checked when the font is read (its place in the file, the
/// lengths its counts imply, `loca`'s offsets in order and inside `glyf`), so a malformed file is
/// refused with a `TrueTypeError` and nothing later reads outside it. References: the OpenType
/// specification's chapters on the table directory, head, hhea, hmtx, maxp, loca, glyf and cmap.
///
/// ```swift
/// let font = try TrueTypeFont(bytes: Array(try Data(contentsOf: url)))
/// let glyph = font.glyph(for: "ż") ?? 0
/// let width = Double(font.advance(of: glyph)) * 10 / Double(font.unitsPerEm)  // points at 10 pt
/// ```
public struct TrueTypeFont: Sendable {
    /// A rectangle in font units.
    public struct Box: Sendable, Equatable {
        public let xMin: Int
        public let yMin: Int
        public let xMax: Int
        public let yMax: Int
    }

    /// The font's PostScript name (`name` table, name 6) with only the characters a PDF name
    /// keeps plainly (letters, digits, `-`), or `Font` when it has none.
    public let postScriptName: String
    /// Font units per em (`head`): a glyph's advance of `unitsPerEm` is the font size.
    public let unitsPerEm: Int
    /// The union of all glyphs' boxes (`head`).
    public let boundingBox: Box
    /// Typographic ascent and descent (`hhea`), in font units; the descent is negative.
    public let ascent: Int
    public let descent: Int
    /// The height of capital letters: the top of `H`'s box, or the ascent without one.
    public let capHeight: Int
    /// Glyph ids run from 0 (the missing-character glyph, `.notdef`) to `glyphCount - 1`.
    public let glyphCount: Int

    let tables: [String: FontBytes]
    let horizontalMetricCount: Int
    let horizontalMetrics: FontBytes
    /// Where glyph `g` lies in `glyf`: `glyphOffsets[g]..<glyphOffsets[g + 1]`.
    let glyphOffsets: [Int]
    let glyphData: FontBytes
    let characterMap: CharacterMap

    /// Reads the font in `bytes`, or throws when it is not a TrueType font this reader can use.
    public init(bytes: [UInt8]) throws(TrueTypeError) {
        try self.init(bytes: bytes, requiringCharacterMap: true)
    }

    /// Reads a font; one without a cmap (a subset made for a PDF, whose glyphs go by id) maps no
    /// character when `requiringCharacterMap` is false.
    init(bytes: [UInt8], requiringCharacterMap: Bool) throws(TrueTypeError) {
        let file = FontBytes(bytes)
        let version = try file.u32(0)
        // 0x00010000 and 'true' are TrueType outlines; 'OTTO' (CFF) has no glyf table.
        guard version == 0x0001_0000 || version == 0x7472_7565 else {
            throw TrueTypeError("not a TrueType font (version 0x\(String(version, radix: 16)))")
        }
        let tableCount = Int(try file.u16(4))
        var tables: [String: FontBytes] = [:]
        for index in 0..<tableCount {
            let record = 12 + 16 * index
            let tag = String(decoding: try file.slice(record, 4), as: Unicode.ASCII.self)
            let offset = Int(try file.u32(record + 8))
            let length = Int(try file.u32(record + 12))
            tables[tag] = try file.region(offset, length, "table '\(tag)'")
        }
        func table(_ tag: String) throws(TrueTypeError) -> FontBytes {
            guard let found = tables[tag] else { throw TrueTypeError("the font has no '\(tag)' table") }
            return found
        }

        let head = try table("head")
        unitsPerEm = Int(try head.u16(18))
        guard (16...16384).contains(unitsPerEm) else { throw TrueTypeError("unitsPerEm \(unitsPerEm) out of range") }
        boundingBox = Box(
            xMin: Int(try head.i16(36)), yMin: Int(try head.i16(38)),
            xMax: Int(try head.i16(40)), yMax: Int(try head.i16(42)))
        let longOffsets = try head.i16(50)
        guard longOffsets == 0 || longOffsets == 1 else { throw TrueTypeError("indexToLocFormat \(longOffsets)") }

        let hhea = try table("hhea")
        ascent = Int(try hhea.i16(4))
        descent = Int(try hhea.i16(6))
        glyphCount = Int(try table("maxp").u16(4))
        guard glyphCount > 0 else { throw TrueTypeError("the font has no glyphs") }
        horizontalMetricCount = Int(try hhea.u16(34))
        guard (1...glyphCount).contains(horizontalMetricCount) else {
            throw TrueTypeError("numberOfHMetrics \(horizontalMetricCount) for \(glyphCount) glyphs")
        }
        horizontalMetrics = try table("hmtx").region(
            0, 4 * horizontalMetricCount + 2 * (glyphCount - horizontalMetricCount), "hmtx's metrics")

        glyphData = try table("glyf")
        let loca = try table("loca")
        var offsets: [Int] = []
        offsets.reserveCapacity(glyphCount + 1)
        for glyph in 0...glyphCount {
            let offset = longOffsets == 1 ? Int(try loca.u32(4 * glyph)) : 2 * Int(try loca.u16(2 * glyph))
            guard offset >= (offsets.last ?? 0), offset <= glyphData.count else {
                throw TrueTypeError("loca's offset for glyph \(glyph) is out of order or past glyf")
            }
            offsets.append(offset)
        }
        glyphOffsets = offsets

        characterMap =
            if !requiringCharacterMap && tables["cmap"] == nil {
                CharacterMap.empty
            } else {
                try CharacterMap(try table("cmap"), glyphCount: glyphCount)
            }
        postScriptName = Self.postScriptName(in: tables["name"]) ?? "Font"
        self.tables = tables
        let glyphData = self.glyphData
        let letterH = characterMap.glyph(for: 0x48).flatMap { Self.box(in: glyphData, offsets: offsets, glyph: $0) }
        if let top = letterH?.yMax { capHeight = top } else { capHeight = ascent }
    }

    /// The glyph that draws `scalar`, or nil when the font has none for it.
    public func glyph(for scalar: Unicode.Scalar) -> UInt16? {
        characterMap.glyph(for: scalar.value)
    }

    /// How far `glyph` moves the pen, in font units (`hmtx`; glyphs past the last long metric
    /// share its advance). An id past the font's glyphs has no advance.
    public func advance(of glyph: UInt16) -> Int {
        guard Int(glyph) < glyphCount else { return 0 }
        let index = min(Int(glyph), horizontalMetricCount - 1)
        return Int((try? horizontalMetrics.u16(4 * index)) ?? 0)
    }

    /// The outline data of `glyph` in `glyf`; empty for a glyph that draws nothing (a space).
    func outline(of glyph: UInt16) -> FontBytes? {
        guard Int(glyph) < glyphCount else { return nil }
        let start = glyphOffsets[Int(glyph)]
        return try? glyphData.region(start, glyphOffsets[Int(glyph) + 1] - start, "glyph \(glyph)")
    }

    /// The box in a glyph's header; nil for an empty glyph.
    private static func box(in glyphData: FontBytes, offsets: [Int], glyph: UInt16) -> Box? {
        let start = offsets[Int(glyph)]
        guard let outline = try? glyphData.region(start, offsets[Int(glyph) + 1] - start, "glyph"),
            outline.count >= 10
        else { return nil }
        return try? Box(
            xMin: Int(outline.i16(2)), yMin: Int(outline.i16(4)), xMax: Int(outline.i16(6)), yMax: Int(outline.i16(8)))
    }

    /// The glyphs a composite glyph is built of (glyf §"Composite glyph description"); none for a
    /// simple or empty glyph. A record cut short ends the list rather than failing.
    func components(of glyph: UInt16) -> [UInt16] {
        guard let outline = outline(of: glyph), let contours = try? outline.i16(0), contours < 0 else { return [] }
        var found: [UInt16] = []
        var offset = 10
        while let flags = try? outline.u16(offset), let component = try? outline.u16(offset + 2) {
            found.append(component)
            // ARG_1_AND_2_ARE_WORDS, then one of WE_HAVE_A_SCALE, _AN_X_AND_Y_SCALE, _A_TWO_BY_TWO.
            offset += 4 + (flags & 0x0001 != 0 ? 4 : 2)
            if flags & 0x0008 != 0 {
                offset += 2
            } else if flags & 0x0040 != 0 {
                offset += 4
            } else if flags & 0x0080 != 0 {
                offset += 8
            }
            guard flags & 0x0020 != 0 else { break }  // MORE_COMPONENTS
        }
        return found
    }

    /// A character a PDF name carries without `#` escapes and a PostScript name allows.
    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
    }

    /// Name 6 from a `name` table, in UTF-16BE (platforms 0 and 3) or single bytes (platform 1).
    private static func postScriptName(in table: FontBytes?) -> String? {
        guard let table, let count = try? table.u16(2), let storage = try? table.u16(4) else { return nil }
        for index in 0..<Int(count) {
            let record = 6 + 12 * index
            guard let platform = try? table.u16(record), let nameID = try? table.u16(record + 6),
                let length = try? table.u16(record + 8), let offset = try? table.u16(record + 10),
                nameID == 6, let raw = try? table.slice(Int(storage) + Int(offset), Int(length))
            else { continue }
            let text: String
            if platform == 1 {
                text = String(decoding: raw, as: Unicode.ASCII.self)
            } else {
                let units = stride(from: raw.startIndex, to: raw.endIndex - 1, by: 2).map {
                    UInt16(raw[$0]) << 8 | UInt16(raw[$0 + 1])
                }
                text = String(decoding: units, as: UTF16.self)
            }
            let kept = String(String.UnicodeScalarView(text.unicodeScalars.filter(isNameCharacter).prefix(63)))
            if !kept.isEmpty { return kept }
        }
        return nil
    }
}
