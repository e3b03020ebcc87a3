import CSV
import TestValues
import Testing

@Suite struct CSVWriterTests {
    func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func row_EndsWithCRLF_AndLeavesPlainFieldsUnquoted() {
        let writer = CSVWriter(header: ["id", "name", "points"])
        #expect(text(writer.headerLine) == "id,name,points\r\n")
        #expect(text(writer.row(["1", "Łucja Nowak", "120"])) == "1,Łucja Nowak,120\r\n")
        #expect(text(writer.row([])) == "\r\n")
        #expect(text(writer.row(["", ""])) == ",\r\n")
        #expect(text(writer.row([""])) == "\"\"\r\n")
    }

    @Test func row_QuotesFieldsWithCommasQuotesAndLineBreaks() {
        let writer = CSVWriter(header: [])
        #expect(text(writer.row(["Nowak, Jan"])) == "\"Nowak, Jan\"\r\n")
        #expect(text(writer.row(["say \"hi\""])) == "\"say \"\"hi\"\"\"\r\n")
        #expect(
            text(writer.row(["two\nlines", "cr\rhere", "crlf\r\nhere"]))
                == "\"two\nlines\",\"cr\rhere\",\"crlf\r\nhere\"\r\n")
    }

    @Test func row_NeutralisesFormulaInjection() {
        let writer = CSVWriter(header: [])
        let cases = [
            "=HYPERLINK(\"http://evil\",\"x\")": "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"",
            "+48 600 100 200": "'+48 600 100 200",
            "@SUM(A1)": "'@SUM(A1)",
            "-1+2": "'-1+2",
            "-2e3": "'-2e3",
            "-": "'-",
            "-10.": "'-10.",
            "\t=1": "'\t=1",
            "\r=1": "\"'\r=1\"",
        ]
        for (field, expected) in cases {
            #expect(text(writer.row([field])) == expected + "\r\n", "\(field.debugDescription)")
        }
    }

    @Test func row_LeavesPlainNegativeNumbersAlone() {
        let writer = CSVWriter(header: [])
        #expect(text(writer.row(["-10", "-10.5", "-0"])) == "-10,-10.5,-0\r\n")
        #expect(text(writer.row(["-10,50"])) == "\"-10,50\"\r\n")
        #expect(text(writer.row(["a=b", "x-1", "mail@example.pl"])) == "a=b,x-1,mail@example.pl\r\n")
    }

    @Test func row_KeepsFormulasVerbatim_WhenNeutralisingIsOff() {
        let writer = CSVWriter(header: ["f"], neutralizeFormulas: false)
        #expect(text(writer.row(["=1+1", "@x"])) == "=1+1,@x\r\n")
    }

    @Test func document_RoundTripsThroughTheReader() throws {
        let writer = CSVWriter(header: ["name", "note", "amount"])
        let rows = [
            ["Žofia Kováčová", "line one\nline two", "-12,50"],
            ["\"Quoted\" Ltd, s.r.o.", "", "0"],
            ["Příliš žluťoučký", "ends with comma,", "7"],
        ]
        let parsed = try CSVReader.parse(text(writer.document(rows)))
        #expect(parsed == [["name", "note", "amount"]] + rows)
    }
}

@Suite struct CSVReaderTests {
    @Test func parse_ReadsQuotedFieldsEscapedQuotesAndEmbeddedBreaks() throws {
        let text = "a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"multi\r\nline\",,\"\"\r\n"
        #expect(try CSVReader.parse(text) == [["a", "b,c", "say \"hi\""], ["multi\r\nline", "", ""]])
    }

    @Test func parse_AcceptsLFCRLFAndLoneCRLineBreaks() throws {
        let expected = [["1", "2"], ["3", "4"], ["5", "6"]]
        #expect(try CSVReader.parse("1,2\n3,4\n5,6\n") == expected)
        #expect(try CSVReader.parse("1,2\r\n3,4\r\n5,6") == expected)
        #expect(try CSVReader.parse("1,2\r3,4\r5,6\r") == expected)
    }

    @Test func parse_StripsALeadingByteOrderMark() throws {
        #expect(
            try CSVReader.parse("\u{FEFF}name,city\r\nZdeněk,Brno\r\n") == [["name", "city"], ["Zdeněk", "Brno"]])
    }

    @Test func parse_HandlesEmptyInputsTrailingCommasAndBlankLines() throws {
        #expect(try CSVReader.parse("") == [])
        #expect(try CSVReader.parse("\r\n\n") == [])
        #expect(try CSVReader.parse("a,") == [["a", ""]])
        #expect(try CSVReader.parse(",\n") == [["", ""]])
        #expect(try CSVReader.parse("a\n\nb\n") == [["a"], ["b"]])
        #expect(try CSVReader.parse("x\"y,z") == [["x\"y", "z"]])
    }

    @Test func parse_ReportsAnUnterminatedQuote_WithTheLineItOpened() {
        #expect(throws: CSVError.unterminatedQuote(line: 2)) {
            try CSVReader.parse("a,b\nc,\"open\nstill open\n")
        }
        #expect(throws: CSVError.unterminatedQuote(line: 1)) { try CSVReader.parse("\"") }
    }

    @Test func parse_ReportsTextAfterAClosingQuote_WithItsLine() {
        #expect(throws: CSVError.unexpectedCharacterAfterQuote(line: 3)) {
            try CSVReader.parse("a\r\n\"two\r\nlines\"x,b\r\n")
        }
    }

    @Test func parse_StopsAtTheRowLimit() throws {
        let text = String(repeating: "1,2\n", count: 11)
        #expect(throws: CSVError.tooManyRows(limit: 10, line: 11)) { try CSVReader.parse(text, maxRows: 10) }
        #expect(try CSVReader.parse(text, maxRows: 11).count == 11)
    }

    @Test func parse_NeverCrashes_OnArbitraryText() {
        var generator = SeededGenerator(seed: 4180)
        let alphabet = Array("ab,\"\r\n \u{FEFF}ż")
        for _ in 0..<3000 {
            let length = Int.random(in: 0...40, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "a" })
            _ = try? CSVReader.parse(text, maxRows: 5)
        }
    }

    @Test func parse_InvertsTheWriter_ForRandomFields() throws {
        var generator = SeededGenerator(seed: 4181)
        let alphabet = Array("ab,\"\r\n ż")
        let writer = CSVWriter(header: ["h"], neutralizeFormulas: false)
        for _ in 0..<500 {
            let rows = (0..<Int.random(in: 1...4, using: &generator)).map { _ in
                (0..<Int.random(in: 1...4, using: &generator)).map { _ in
                    String(
                        (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                            alphabet.randomElement(using: &generator) ?? "a"
                        })
                }
            }
            let encoded = String(decoding: writer.document(rows), as: UTF8.self)
            #expect(try CSVReader.parse(encoded) == [["h"]] + rows, "\(encoded.debugDescription)")
        }
    }
}
