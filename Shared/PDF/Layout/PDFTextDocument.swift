import FoundationEssentials

/// A document of text on A4 pages, built block by block and rendered to a PDF file: a title,
/// paragraphs, headings, label–value fields and ruled tables, set in an embedded TrueType font so
/// that every letter (Polish, Czech, Slovak, …) prints and reads back as typed.
///
/// ```swift
/// var document = PDFTextDocument(fonts: try PDFFonts.load(environment: environment))
/// document.title("Raport dostępu do danych osobowych")
/// document.heading("Dane klienta")
/// document.fields([("Imię i nazwisko", "Zażółć Gęślą"), ("Ulica", "Źródlana 5")])
/// document.table(columns: ["Data", "Odbiorca"], rows: [["2026-12-08", "Kurier"]])
/// let bytes = document.render(info: PDFInfo(title: "Raport", author: "Zaplecze", creationDate: date))
/// ```
///
/// Lines wrap at spaces by the font's advances (a word wider than a line breaks inside it), the
/// text's own line breaks are kept, a field or table row is never split across pages when it fits
/// on one, and each page is numbered "n / total". A character the font lacks prints as U+FFFD's
/// glyph. The same blocks and date give the same bytes.
public struct PDFTextDocument: Sendable {
    private enum Block: Sendable {
        case title(String)
        case heading(String)
        case paragraph(String)
        case fields([Field])
        case table(columns: [String], rows: [[String]])
    }

    /// One label and its value.
    private struct Field: Sendable {
        let label: String
        let value: String
    }

    private let fonts: PDFFonts
    private var blocks: [Block] = []

    public init(fonts: PDFFonts) {
        self.fonts = fonts
    }

    /// The document's title, large and bold.
    public mutating func title(_ text: String) {
        blocks.append(.title(text))
    }

    /// A section heading, bold, kept on the page of the line that follows it.
    public mutating func heading(_ text: String) {
        blocks.append(.heading(text))
    }

    /// A paragraph of body text.
    public mutating func paragraph(_ text: String) {
        blocks.append(.paragraph(text))
    }

    /// Labels (bold) beside their values, one row each.
    public mutating func fields(_ fields: [(String, String)]) {
        blocks.append(.fields(fields.map { Field(label: $0.0, value: $0.1) }))
    }

    /// A ruled table with a shaded header row; a row with fewer cells than columns is padded with
    /// empty ones, extra cells are dropped.
    public mutating func table(columns: [String], rows: [[String]]) {
        blocks.append(.table(columns: columns, rows: rows))
    }

    /// The PDF file.
    public func render(info: PDFInfo) -> [UInt8] {
        let style = PageStyle()
        var composer = PageComposer(style: style, regular: Typeface(fonts.regular), bold: Typeface(fonts.bold))
        for block in blocks {
            switch block {
            case .title(let text):
                let size = style.titleSize
                composer.lines(
                    composer.breaker(.bold, size: size, measure: style.contentWidth).lines(of: text), face: .bold,
                    size: size)
                composer.skip(style.bodySize)
            case .heading(let text):
                let size = style.headingSize
                let lines = composer.breaker(.bold, size: size, measure: style.contentWidth).lines(of: text)
                composer.skip(size * 0.9)
                // The heading and the first line under it, together.
                composer.keep(Double(lines.count) * size * style.leading + 3 * style.bodySize * style.leading)
                composer.lines(lines, face: .bold, size: size)
                composer.skip(2)
            case .paragraph(let text):
                let size = style.bodySize
                composer.lines(
                    composer.breaker(.regular, size: size, measure: style.contentWidth).lines(of: text), face: .regular,
                    size: size)
                composer.skip(size * 0.6)
            case .fields(let fields):
                layOut(fields, style: style, composer: &composer)
            case .table(let columns, let rows):
                layOut(columns: columns, rows: rows, style: style, composer: &composer)
            }
        }
        return PDFPageWriter(regular: Typeface(fonts.regular), bold: Typeface(fonts.bold))
            .file(pages: composer.finished(), style: style, info: info)
    }

    /// Fields as a two-column row each: the label column as wide as the widest label (at most
    /// two fifths of the page), the value in the rest.
    private func layOut(_ fields: [Field], style: PageStyle, composer: inout PageComposer) {
        let size = style.bodySize
        let gutter = 12.0
        let widest = fields.map { composer.bold.width(of: $0.label, size: size) }.max() ?? 0
        let labelWidth = min(widest, style.contentWidth * 0.4)
        let valueX = style.margin + labelWidth + gutter
        let valueWidth = style.contentWidth - labelWidth - gutter
        for field in fields {
            let label = composer.breaker(.bold, size: size, measure: labelWidth).lines(of: field.label)
            let value = composer.breaker(.regular, size: size, measure: valueWidth).lines(of: field.value)
            composer.row(
                [
                    .init(x: style.margin, width: labelWidth, lines: label, face: .bold, gray: style.labelGray),
                    .init(x: valueX, width: valueWidth, lines: value, face: .regular),
                ], size: size, frame: .none)
            composer.skip(3)
        }
        composer.skip(size * 0.6)
    }

    /// A table across the page width, each column's share by the width of its longest line.
    private func layOut(columns: [String], rows: [[String]], style: PageStyle, composer: inout PageComposer) {
        guard !columns.isEmpty else { return }
        let size = style.tableSize
        let rows = rows.map { row in (0..<columns.count).map { $0 < row.count ? row[$0] : "" } }
        let widths = ColumnWidths.fit(
            natural: columns.indices.map { column in
                let header = Self.widestLine(columns[column], composer.bold, size)
                return ([header] + rows.map { Self.widestLine($0[column], composer.regular, size) }).max() ?? 0
            }, total: style.contentWidth, padding: 2 * style.cellPadding)
        func cells(_ texts: [String], face: FaceStyle) -> [PageComposer.Cell] {
            var x = style.margin
            return texts.enumerated().map { column, text in
                let width = widths[column]
                defer { x += width }
                let measure = max(1, width - 2 * style.cellPadding)
                return .init(
                    x: x, width: width, lines: composer.breaker(face, size: size, measure: measure).lines(of: text),
                    face: face)
            }
        }
        composer.row(cells(columns, face: .bold), size: size, frame: .ruled(shaded: true))
        for row in rows {
            composer.row(cells(row, face: .regular), size: size, frame: .ruled(shaded: false))
        }
        composer.skip(style.bodySize)
    }

    private static func widestLine(_ text: String, _ face: Typeface, _ size: Double) -> Double {
        text.split(whereSeparator: \.isNewline).map { face.width(of: $0, size: size) }.max() ?? 0
    }
}
