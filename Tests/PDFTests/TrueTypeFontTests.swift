import Foundation
import TestSupport
import Testing

@testable import PDF

/// Reading a TrueType font: DejaVu Sans's letters and metrics, a subset that keeps glyph ids, and
/// malformed files refused with an error, never a crash.
@Suite struct TrueTypeFontTests {
    /// The letters of Polish, Czech and Slovak beyond ASCII that a report must print.
    static let letters = "ąęłńśźżóćĄĘŁŃŚŹŻÓĆčřšžůýľĺôďťňéíáúČŘŠŽŮÝĽĹÔĎŤŇ"

    static func dejaVuBytes() throws -> [UInt8] {
        let directory = try #require(PDFFonts.locate(environment: [:]))
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: directory + "/" + PDFFonts.regularFile)))
    }

    @Test func dejaVu_HasAGlyphWithAnAdvance_ForEveryLetterOfTheReport() throws {
        let fonts = try TestFonts.load()
        for font in [fonts.regular, fonts.bold] {
            #expect(font.unitsPerEm == 2048)
            #expect(font.ascent > 0 && font.descent < 0 && font.capHeight > 0 && font.capHeight < font.ascent)
            for scalar in (Self.letters + "AZaz09 ?").unicodeScalars {
                let glyph = try #require(font.glyph(for: scalar), "\(font.postScriptName) lacks \(scalar)")
                #expect(font.advance(of: glyph) > 0, "\(scalar)")
            }
        }
        #expect(fonts.regular.postScriptName == "DejaVuSans")
        #expect(fonts.bold.postScriptName == "DejaVuSans-Bold")
        // Bold is wider than regular.
        let w = try #require(fonts.regular.glyph(for: "W"))
        let boldW = try #require(fonts.bold.glyph(for: "W"))
        #expect(fonts.bold.advance(of: boldW) > fonts.regular.advance(of: w))
    }

    @Test func characters_BeyondTheBasicPlane_AreFoundThroughFormat12_AndUnknownOnesAreNil() throws {
        let font = try TestFonts.load().regular
        #expect(font.glyph(for: "\u{10300}") != nil)  // OLD ITALIC LETTER A, only in the format 12 subtable
        #expect(font.glyph(for: "\u{1F600}") != nil)  // one of DejaVu Sans's few emoticons
        #expect(font.glyph(for: "\u{1F44D}") == nil)  // most emoji it has not
        #expect(font.glyph(for: "\u{E000}") == nil)  // private use
        #expect(font.glyph(for: "\u{10FFFF}") == nil)
        #expect(font.advance(of: UInt16.max) == 0)  // past the font's glyphs
    }

    @Test func subset_KeepsGlyphIds_DrawsOnlyTheUsedGlyphsAndTheirComponents_WithValidChecksums() throws {
        let font = try TestFonts.load().regular
        let used = Set("Zażółć gęślą ŁĄ".unicodeScalars.compactMap(font.glyph(for:)))
        let ogonek = try #require(font.glyph(for: "ą"))
        let kept = font.closure(of: used)
        // ą is a composite glyph (a and an ogonek): its parts are kept with it, and glyph 0.
        #expect(kept.isSuperset(of: used) && kept.contains(0) && kept.count > used.count + 1)
        #expect(used.contains(ogonek))

        let program = font.subset(keeping: used)
        #expect(program.count < 60_000)
        // A subset has no cmap: the PDF names glyphs by id.
        #expect(throws: TrueTypeError.self) { try TrueTypeFont(bytes: program) }
        let subset = try TrueTypeFont(bytes: program, requiringCharacterMap: false)
        #expect(subset.glyphCount == Int(kept.max() ?? 0) + 1)
        #expect(subset.unitsPerEm == font.unitsPerEm)
        // Same ids, same advances; glyphs not kept are empty.
        for glyph in 0..<UInt16(subset.glyphCount) {
            #expect(subset.advance(of: glyph) == font.advance(of: glyph))
        }
        #expect(subset.closure(of: used) == kept)
        // The whole file sums to 0xB1B0AFBA once head.checkSumAdjustment is in (OpenType, head).
        #expect(Self.checksum(program) == 0xB1B0_AFBA)
        let tags = Self.tags(program)
        #expect(tags == ["cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"])
    }

    @Test func everyTruncation_OfTheFont_IsRefusedWithAnError() throws {
        let bytes = try Self.dejaVuBytes()
        let lengths =
            Array(0..<400) + stride(from: 400, to: bytes.count, by: bytes.count / 97).map { $0 } + [
                bytes.count - 1
            ]
        for length in lengths {
            #expect(throws: TrueTypeError.self, "\(length) bytes") { try TrueTypeFont(bytes: Array(bytes[..<length])) }
        }
    }

    @Test func corruptedFonts_AreRefusedOrRead_NeverACrash() throws {
        let bytes = try Self.dejaVuBytes()
        var generator = SeededGenerator(seed: 7)
        // The directory, head, hhea, maxp, cmap and loca: what the reader trusts the most.
        let regions = [0..<332, 614_156..<614_284, 680_628..<680_660, 48_896..<55_952, 655_612..<680_628]
        var refused = 0
        for _ in 0..<300 {
            var corrupt = bytes
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                let region = regions.randomElement(using: &generator) ?? 0..<1
                corrupt[Int.random(in: region, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            guard let font = try? TrueTypeFont(bytes: corrupt) else {
                refused += 1
                continue
            }
            // What was read is used without trapping.
            let glyphs = Set((Self.letters + "abc\u{FFFD}").unicodeScalars.compactMap(font.glyph(for:)))
            _ = glyphs.map(font.advance(of:))
            _ = try? TrueTypeFont(bytes: font.subset(keeping: glyphs), requiringCharacterMap: false)
        }
        #expect(refused > 0)
    }

    @Test func malformedTables_AreRefused_WithAMessageSayingWhy() throws {
        let bytes = try Self.dejaVuBytes()
        #expect(throws: TrueTypeError.self) { try TrueTypeFont(bytes: []) }
        #expect(throws: TrueTypeError.self) { try TrueTypeFont(bytes: Array("OTTO".utf8) + bytes.dropFirst(4)) }
        // maxp.numGlyphs of 0.
        var noGlyphs = bytes
        noGlyphs[680_632] = 0
        noGlyphs[680_633] = 0
        #expect(throws: TrueTypeError("the font has no glyphs")) { try TrueTypeFont(bytes: noGlyphs) }
        // loca's second offset before its first.
        var disorder = bytes
        disorder[655_612 + 4..<655_612 + 8] = [0xFF, 0, 0, 0]
        let error = #expect(throws: TrueTypeError.self) { try TrueTypeFont(bytes: disorder) }
        #expect(error?.description.contains("loca") == true)
        // A table said to run past the end of the file.
        var long = bytes
        long[12 + 16 * 10 + 12..<12 + 16 * 10 + 16] = [0x7F, 0xFF, 0xFF, 0xFF]
        #expect(throws: TrueTypeError.self) { try TrueTypeFont(bytes: long) }
    }

    // MARK: - Reading the font file in the tests

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        stride(from: 0, to: bytes.count, by: 4).reduce(UInt32(0)) { sum, index in
            sum &+ (0..<4).reduce(UInt32(0)) { $0 << 8 | UInt32(index + $1 < bytes.count ? bytes[index + $1] : 0) }
        }
    }

    static func tags(_ bytes: [UInt8]) -> [String] {
        let count = Int(bytes[4]) << 8 | Int(bytes[5])
        return (0..<count).map { String(decoding: bytes[12 + 16 * $0..<16 + 16 * $0], as: UTF8.self) }
    }
}
