import Foundation
import TestSupport
import Testing

@testable import PDF

/// Line breaking and the other pieces of layout, without any PDF tool.
@Suite struct LineBreakerTests {
    static func breaker(measure: Double) throws -> LineBreaker {
        LineBreaker(face: Typeface(try TestFonts.load().regular), size: 10, measure: measure)
    }

    @Test func lines_AreNoWiderThanTheMeasure_AndKeepEveryWordInOrder() throws {
        var generator = SeededGenerator(seed: 11)
        let words = ["zażółć", "gęślą", "jaźń", "kůň", "a", "przedsiębiorstwo", "ďábelské", "W"]
        for measure in [40.0, 80, 150, 483] {
            let breaker = try Self.breaker(measure: measure)
            let text = (0..<300).map { _ in words.randomElement(using: &generator) ?? "a" }
            let lines = breaker.lines(of: text.joined(separator: " "))
            #expect(lines.allSatisfy { breaker.face.width(of: $0, size: 10) <= measure })
            if measure >= 150 {
                #expect(lines.flatMap { $0.split(separator: " ").map(String.init) } == text)
            } else {
                // Narrower than a long word: that word is broken, no character lost.
                #expect(lines.joined().filter { $0 != " " } == text.joined())
            }
            // Greedy: the next line's first word did not fit on the line before.
            for (line, next) in zip(lines, lines.dropFirst()) where measure >= 150 {
                let first = next.split(separator: " ").first.map(String.init) ?? ""
                #expect(breaker.face.width(of: line + " " + first, size: 10) > measure)
            }
        }
    }

    @Test func aWordWiderThanALine_BreaksBetweenItsCharacters_KeepingAccentsOnTheirLetters() throws {
        let breaker = try Self.breaker(measure: 60)
        let word = String(repeating: "Ż", count: 30) + "e\u{301}"
        let lines = breaker.lines(of: "ab " + word + " cd")
        #expect(lines.count > 3)
        #expect(lines.first == "ab")
        #expect(lines.joined().filter { $0 != " " } == "ab" + word + "cd")
        #expect(lines.allSatisfy { breaker.face.width(of: $0, size: 10) <= 60 })
        #expect(lines.allSatisfy { !$0.unicodeScalars.starts(with: ["\u{301}"]) })
    }

    @Test func lineBreaksInTheText_AreKept_EmptyLinesToo() throws {
        let breaker = try Self.breaker(measure: 400)
        #expect(
            breaker.lines(of: "ul. Ćmielowska 12\n90-001 Łódź\r\n\nPolska") == [
                "ul. Ćmielowska 12", "90-001 Łódź", "", "Polska",
            ])
        #expect(breaker.lines(of: "") == [""])
        #expect(breaker.lines(of: "a\u{2028}b\tc  d") == ["a", "b c d"])
    }

    @Test func columns_ShareThePageWidth_ByWhatTheyHold() {
        let fit = ColumnWidths.fit(natural: [20, 100, 40], total: 320, padding: 8)
        #expect(abs(fit.reduce(0, +) - 320) < 1e-9)
        #expect(fit[1] > fit[2] && fit[2] > fit[0])
        let crowded = ColumnWidths.fit(natural: [20, 1000, 2000], total: 300, padding: 8)
        #expect(abs(crowded.reduce(0, +) - 300) < 1e-9)
        #expect(crowded[0] == 28 && crowded[2] > crowded[1])
        #expect(ColumnWidths.fit(natural: [0, 0], total: 100, padding: 0) == [50, 50])
    }

    @Test func numbersAndDates_AreWrittenTheSameWayEverywhere() {
        #expect(pdfNumber(12) == "12" && pdfNumber(7.5) == "7.5" && pdfNumber(-0.25) == "-0.25")
        #expect(pdfNumber(0.05) == "0.05" && pdfNumber(595.276) == "595.28" && pdfNumber(.nan) == "0")
        #expect(PDFInfo.dateString(Date(timeIntervalSince1970: 0)) == "D:19700101000000Z")
        #expect(PDFInfo.dateString(Date(timeIntervalSince1970: 951_782_400)) == "D:20000229000000Z")
        #expect(PDFInfo.dateString(Date(timeIntervalSince1970: 1_796_731_200)) == "D:20261208120000Z")
        #expect(PDFInfo.dateString(Date(timeIntervalSince1970: -86_400)) == "D:19691231000000Z")
        #expect(PDFInfo.dateString(Date(timeIntervalSince1970: .infinity)) == "D:19700101000000Z")
        #expect(PDFInfo.textString("Łę)") == "<FEFF0141011900 29>".replacingOccurrences(of: " ", with: ""))
        #expect(PDFInfo.textString("😀") == "<FEFFD83DDE00>")
    }

    @Test func theFontsFolder_IsTakenFromTheVariable_ElseFoundInTheSourceTree() throws {
        #expect(PDFFonts.locate(environment: ["ZAPLECZE_FONTS_DIR": "/somewhere"]) == "/somewhere")
        let found = try #require(PDFFonts.locate(environment: [:]))
        #expect(found.hasSuffix("/Shared/PDF/Fonts"))
        #expect(FileManager.default.fileExists(atPath: found + "/LICENSE"))
        let error = #expect(throws: TrueTypeError.self) { try PDFFonts.load(directory: "/nonexistent") }
        #expect(error?.description.contains("DejaVuSans.ttf") == true)
    }
}

/// FlateDecode streams, read back by zlib itself (qpdf's zlib-flate).
@Suite struct DeflateTests {
    @Test func compressedData_InflatesBackToTheSameBytes_WithZlib() throws {
        try #require(PDFTools.path("zlib-flate") != nil, Comment(rawValue: PDFTools.missingReason))
        let directory = try TemporaryDirectory(prefix: "zaplecze-deflate")
        defer { directory.remove() }
        var generator = SeededGenerator(seed: 3)
        let font = try TestFonts.load().regular
        let samples: [[UInt8]] = [
            [], [0], Array("a".utf8), [UInt8](repeating: 7, count: 100_000),
            (0..<70_000).map { _ in UInt8.random(in: 0...255, using: &generator) },
            (0..<70_000).map { _ in UInt8.random(in: 0...3, using: &generator) },
            Array(String(repeating: "Zażółć gęślą jaźń ", count: 3000).utf8),
            font.subset(keeping: Set("Zażółć".unicodeScalars.compactMap(font.glyph(for:)))),
        ]
        for (index, sample) in samples.enumerated() {
            let compressed = Deflate.zlib(sample)
            let input = directory.file("in-\(index)")
            try Data(compressed).write(to: URL(fileURLWithPath: input))
            let result = try PDFTools.run("sh", ["-c", "zlib-flate -uncompress < '\(input)' | od -An -v -tx1"])
            #expect(result.status == 0, "sample \(index): \(result.output.prefix(200))")
            let bytes = result.output.split(whereSeparator: \.isWhitespace).compactMap { UInt8($0, radix: 16) }
            #expect(bytes == sample, "sample \(index)")
        }
        // Repetitive data shrinks.
        #expect(Deflate.zlib([UInt8](repeating: 7, count: 100_000)).count < 1000)
        #expect(Deflate.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
    }
}
