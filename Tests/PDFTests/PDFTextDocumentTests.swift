import Foundation
import PDF
import TestSupport
import Testing

/// The access report as a person and a PDF tool read it: every letter comes back through
/// pdftotext, qpdf finds the file sound, the fonts are embedded subsets, long documents run onto
/// numbered pages, and no text at all makes the writer fail.
@Suite struct PDFTextDocumentTests {
    static let date = Date(timeIntervalSince1970: 1_796_731_200)  // 2026-12-08 12:00:00 UTC

    /// A one-page access report like the personal-data service's.
    static func accessReport() throws -> PDFTextDocument {
        var document = PDFTextDocument(fonts: try TestFonts.load())
        document.title("Raport dostępu do danych osobowych")
        document.paragraph(
            "Wygenerowano 8 grudnia 2026 na żądanie klienta (art. 15 RODO). Raport zawiera wszystkie dane "
                + "osobowe, które sklep przechowuje o kliencie, oraz odbiorców, którym je ujawniono.")
        document.heading("Dane klienta")
        document.fields([
            ("Imię i nazwisko", "Zażółć Gęślą Jaźń"), ("Ulica", "Źródlana 5"), ("Miasto", "Łódź"),
            ("E-mail", "zazolc@example.pl"), ("Adres do korespondencji", "ul. Ćmielowska 12/4\n90-001 Łódź\nPolska"),
            ("Čeština", "Příliš žluťoučký kůň úpěl ďábelské ódy"),
            ("Slovenčina", "Ľúbostný ďateľ sťa kôň ĺ ŕ ô ň"),
            ("Wielkie litery", "ĄĘŁŃŚŹŻÓĆ ČŘŠŽŮÝĽĹÔĎŤŇ ÉÍÁÚ"),
        ])
        document.heading("Komu udostępniono dane")
        document.table(
            columns: ["Data", "Odbiorca", "Zakres"],
            rows: [
                ["2026-03-14", "Kurier Błyskawiczny sp. z o.o.", "imię, nazwisko, adres dostawy, telefon"],
                ["2026-07-02", "Biuro rachunkowe Żak i Wspólnicy", "dane do faktury"],
                ["2026-11-30", "Operator płatności", "kwota, numer zamówienia"],
            ])
        return document
    }

    static var info: PDFInfo {
        PDFInfo(title: "Raport dostępu do danych osobowych", author: "Zaplecze", creationDate: date)
    }

    @Test func everyPolishCzechAndSlovakLetter_ComesBackThroughPdftotext_InOrder() throws {
        try #require(PDFTools.haveAll, Comment(rawValue: PDFTools.missingReason))
        let directory = try TemporaryDirectory(prefix: "zaplecze-pdf")
        defer { directory.remove() }
        var document = PDFTextDocument(fonts: try TestFonts.load())
        document.title("Litery")
        document.paragraph(TrueTypeFontTests.letters.map(String.init).joined(separator: " "))
        document.paragraph("Zażółć gęślą jaźń. Příliš žluťoučký kůň úpěl ďábelské ódy.")
        let text = try PDFTools.text(of: document.render(info: Self.info), in: directory)
        let found = text.split(whereSeparator: \.isWhitespace).map(String.init)
        #expect(
            Array(found.prefix(1 + TrueTypeFontTests.letters.count)) == ["Litery"]
                + TrueTypeFontTests.letters.map(String.init))
        #expect(text.contains("Zażółć gęślą jaźń. Příliš žluťoučký kůň úpěl ďábelské ódy."))
    }

    @Test func aCharacterTheFontLacks_PrintsAsTheReplacementCharacter() throws {
        try #require(PDFTools.haveAll, Comment(rawValue: PDFTools.missingReason))
        let directory = try TemporaryDirectory(prefix: "zaplecze-pdf")
        defer { directory.remove() }
        var document = PDFTextDocument(fonts: try TestFonts.load())
        document.paragraph("kciuk 👍 i\u{0}nic\u{7} koniec")
        let text = try PDFTools.text(of: document.render(info: Self.info), in: directory)
        #expect(text.contains("kciuk \u{FFFD} i\u{FFFD}nic\u{FFFD} koniec"), "\(text)")
    }

    @Test func theAccessReport_IsSoundForQpdf_WithItsFontsEmbeddedAsSubsets() throws {
        try #require(PDFTools.haveAll, Comment(rawValue: PDFTools.missingReason))
        let directory = try TemporaryDirectory(prefix: "zaplecze-pdf")
        defer { directory.remove() }
        let pdf = try Self.accessReport().render(info: Self.info)
        let check = try PDFTools.check(pdf, in: directory)
        #expect(check.ok, "\(check.output)")
        #expect(check.output.contains("No syntax or stream encoding errors found"))

        let fonts = try PDFTools.run("pdffonts", [directory.file("check.pdf")])
        #expect(fonts.status == 0)
        // name  type  encoding  emb sub uni object ID
        let rows = fonts.output.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ").map(String.init) }
        #expect(rows.count == 2, "\(fonts.output)")
        for row in rows {
            #expect(row.first?.wholeMatch(of: #/[A-Z]{6}\+DejaVuSans(-Bold)?/#) != nil, "\(row)")
            #expect(Array(row[1...3]) == ["CID", "TrueType", "Identity-H"], "\(row)")
            #expect(Array(row[4...6]) == ["yes", "yes", "yes"], "emb, sub, uni: \(row)")
        }

        let text = try PDFTools.text(of: pdf, in: directory)
        for expected in [
            "Raport dostępu do danych osobowych", "Dane klienta", "Imię i nazwisko", "Zażółć Gęślą Jaźń", "Łódź",
            "Příliš žluťoučký kůň úpěl ďábelské ódy", "Kurier Błyskawiczny sp. z o.o.", "1 / 1",
        ] {
            #expect(text.contains(expected), "\(expected) not in:\n\(text)")
        }
        let info = try PDFTools.run("pdfinfo", [directory.file("check.pdf")])
        #expect(info.output.contains("Title:           Raport dostępu do danych osobowych"), "\(info.output)")
        #expect(info.output.contains("Pages:           1"))
        #expect(info.output.contains("Page size:       595 x 842 pts (A4)"))
    }

    @Test func theFirstPage_IsRenderedToAPNG_ForAPersonToLookAt() throws {
        try #require(PDFTools.haveAll, Comment(rawValue: PDFTools.missingReason))
        try FileManager.default.createDirectory(atPath: TestFonts.samples, withIntermediateDirectories: true)
        let pdf = TestFonts.samples + "/access-report.pdf"
        try Data(try Self.accessReport().render(info: Self.info)).write(to: URL(fileURLWithPath: pdf))
        let result = try PDFTools.run(
            "pdftoppm",
            ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, TestFonts.samples + "/access-report"])
        #expect(result.status == 0, "\(result.output)")
        // Poppler says nothing of a font it can draw.
        #expect(!result.output.contains("Error"), "\(result.output)")
        let png = try Data(contentsOf: URL(fileURLWithPath: TestFonts.samples + "/access-report.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    @Test func aLongDocument_RunsOntoNumberedPages_AndKeepsEveryWordInOrder() throws {
        try #require(PDFTools.haveAll, Comment(rawValue: PDFTools.missingReason))
        let directory = try TemporaryDirectory(prefix: "zaplecze-pdf")
        defer { directory.remove() }
        var generator = SeededGenerator(seed: 42)
        let vocabulary = [
            "zamówienie", "źdźbło", "księgowość", "Łęczyca", "żółw", "čučoriedka", "Šťastný", "ďalší", "kůň",
            "odbiorca", "adres", "przedsiębiorstwo", "nieprawdopodobnie", "a", "w", "z", "i",
        ]
        var words: [String] = []
        var document = PDFTextDocument(fonts: try TestFonts.load())
        for index in 0..<40 {
            let paragraph = (0..<Int.random(in: 20...90, using: &generator)).map { _ in
                vocabulary.randomElement(using: &generator) ?? "a"
            }
            // A word longer than a line breaks inside it; pdftotext then reads its pieces.
            let long = index == 7 ? [String(repeating: "Ż", count: 120)] : []
            words += paragraph + long
            document.paragraph((paragraph + long).joined(separator: " "))
        }
        let text = try PDFTools.text(of: document.render(info: Self.info), in: directory)
        let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: true)
            .filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        #expect(pages.count >= 3)
        var read: [String] = []
        for (index, page) in pages.enumerated() {
            let lines = page.split(separator: "\n").map(String.init)
            #expect(lines.last == "\(index + 1) / \(pages.count)", "page \(index + 1) ends with \(lines.last ?? "")")
            read += lines.dropLast().flatMap { $0.split(separator: " ").map(String.init) }
        }
        // The long word comes back in pieces, each a line of its own.
        let joined = read.joined(separator: " ")
        let expected = words.joined(separator: " ")
        #expect(joined.replacingOccurrences(of: "Ż Ż", with: "ŻŻ") == expected)
    }

    @Test func fieldAndTableRows_AreNeverSplitAcrossAPage_AndLineBreaksInValuesAreKept() throws {
        try #require(PDFTools.haveAll, Comment(rawValue: PDFTools.missingReason))
        let directory = try TemporaryDirectory(prefix: "zaplecze-pdf")
        defer { directory.remove() }
        var document = PDFTextDocument(fonts: try TestFonts.load())
        let rows = (1...70).map { ["wiersz \($0)", "pierwsza linia \($0)\ndruga linia \($0)\ntrzecia linia \($0)"] }
        document.table(columns: ["Lp.", "Treść"], rows: rows)
        let pdf = document.render(info: Self.info)
        try FileManager.default.createDirectory(atPath: TestFonts.samples, withIntermediateDirectories: true)
        try Data(pdf).write(to: URL(fileURLWithPath: TestFonts.samples + "/long-table.pdf"))
        let text = try PDFTools.text(of: pdf, in: directory)
        let pages = text.split(separator: "\u{0C}").filter { $0.contains("/") }
        #expect(pages.count >= 3)
        for row in 1...70 {
            // The three lines of a row are on one page.
            let page = pages.first { $0.contains("pierwsza linia \(row)\n") }
            #expect(page?.contains("trzecia linia \(row)\n") == true, "row \(row) split")
        }
    }

    @Test func theSameDocumentAndDate_GiveTheSameBytes_AndAnotherDateOtherBytes() throws {
        let first = try Self.accessReport().render(info: Self.info)
        let second = try Self.accessReport().render(info: Self.info)
        #expect(first == second)
        let later = PDFInfo(title: "Raport", author: "Zaplecze", creationDate: Self.date.addingTimeInterval(1))
        #expect(try Self.accessReport().render(info: later) != first)
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.contains("/CreationDate (D:20261208120000Z)"))
        #expect(text.hasPrefix("%PDF-1.7\n") && text.hasSuffix("%%EOF\n"))
        // A typical one-page report stays small.
        #expect(first.count < 150_000, "\(first.count) bytes")
    }

    @Test func tenThousandRandomStrings_RenderWithoutACrash_IntoDocumentsQpdfAccepts() throws {
        try #require(PDFTools.haveAll, Comment(rawValue: PDFTools.missingReason))
        let directory = try TemporaryDirectory(prefix: "zaplecze-pdf")
        defer { directory.remove() }
        var generator = SeededGenerator(seed: 2026)
        let fonts = try TestFonts.load()
        for batch in 0..<50 {
            var document = PDFTextDocument(fonts: fonts)
            var strings = (0..<200).map { _ in RandomText.string(using: &generator) }
            document.title(strings.removeLast())
            document.heading(strings.removeLast())
            document.fields((0..<20).map { _ in (strings.removeLast(), strings.removeLast()) })
            document.table(
                columns: [strings.removeLast(), strings.removeLast(), strings.removeLast()],
                rows: (0..<30).map { _ in [strings.removeLast(), strings.removeLast(), strings.removeLast()] })
            while strings.count > 1 { document.paragraph(strings.removeLast()) }
            let info = PDFInfo(
                title: strings.removeLast(), author: "\u{0}\u{FFFD}\u{202E})(\\", creationDate: Self.date)
            let check = try PDFTools.check(document.render(info: info), in: directory)
            #expect(check.ok, "batch \(batch): \(check.output)")
        }
    }
}

/// Text from every corner of Unicode a customer's data might hold, or a bug might put there.
enum RandomText {
    static let ranges: [ClosedRange<UInt32>] = [
        0x20...0x7E,  // ASCII
        0x00...0x1F,  // control characters, line breaks among them
        0x7F...0x9F,  // DEL and C1 controls
        0xA0...0x17F,  // Latin-1 and Latin Extended-A: Polish, Czech, Slovak
        0x300...0x36F,  // combining marks
        0x590...0x6FF,  // Hebrew and Arabic (right to left)
        0x200B...0x202E,  // zero widths, line and paragraph separators, bidi controls
        0x4E00...0x4FFF,  // CJK ideographs
        0xFFF0...0xFFFF,  // specials: U+FFFD (what a lone surrogate decodes to), noncharacters
        0x1F300...0x1FAFF,  // emoji
        0x10000...0x10FFFF,  // every other plane
    ]

    static func string(using generator: inout SeededGenerator) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...60, using: &generator) {
            let range = ranges.randomElement(using: &generator) ?? 0x20...0x7E
            // Surrogates are not scalars; a string holds U+FFFD in their place.
            scalars.append(Unicode.Scalar(UInt32.random(in: range, using: &generator)) ?? "\u{FFFD}")
            if Int.random(in: 0..<8, using: &generator) == 0 { scalars.append(" ") }
        }
        // Now and then a word far wider than a line.
        if Int.random(in: 0..<20, using: &generator) == 0 {
            scalars.append(contentsOf: String(repeating: "W", count: 200).unicodeScalars)
        }
        return String(scalars)
    }
}
