/// Writes laid-out pages as a PDF file: a content stream per page that draws text as glyph ids
/// (so no character of the text ever needs escaping), the two faces embedded as subsets of the
/// glyphs the pages use, the catalog, the page tree and the document information.
struct PDFPageWriter {
    private var regular: EmbeddedFont
    private var bold: EmbeddedFont

    init(regular: Typeface, bold: Typeface) {
        self.regular = EmbeddedFont(face: regular, resource: "F1")
        self.bold = EmbeddedFont(face: bold, resource: "F2")
    }

    func file(pages: [[PageItem]], style: PageStyle, info: PDFInfo) -> [UInt8] {
        var writer = self
        // The streams first: drawing them records the glyphs each font must carry.
        let contents = pages.map { writer.content(of: $0) }
        var objects = PDFObjects()
        let catalog = objects.reserve()
        let tree = objects.reserve()
        var fonts: [String] = []
        for font in [writer.regular, writer.bold] where font.isUsed {
            fonts.append("/\(font.resource) \(font.write(into: &objects)) 0 R")
        }
        let resources = "<< /Font << \(fonts.joined(separator: " ")) >> >>"
        let box = "[0 0 \(pdfNumber(style.width)) \(pdfNumber(style.height))]"
        var kids: [Int] = []
        for content in contents {
            let stream = objects.addStream(content)
            kids.append(
                objects.add(
                    "<< /Type /Page /Parent \(tree) 0 R /MediaBox \(box) /Resources \(resources) /Contents \(stream) 0 R >>"
                ))
        }
        objects.set(
            tree, "<< /Type /Pages /Kids [\(kids.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(kids.count) >>")
        objects.set(catalog, "<< /Type /Catalog /Pages \(tree) 0 R >>")
        let information = objects.add(info.dictionary)
        return objects.file(root: catalog, info: information)
    }

    /// A page's content stream (ISO 32000-1 §8.2, §9.4): `g`/`G` greys, `re f` fills, `m l S`
    /// lines, and each text line as `BT /F1 10 Tf x y Td <glyph ids> Tj ET`.
    private mutating func content(of items: [PageItem]) -> [UInt8] {
        var out = ""
        for item in items {
            switch item {
            case .fill(let x, let y, let width, let height, let gray):
                out +=
                    "\(pdfNumber(gray)) g \(pdfNumber(x)) \(pdfNumber(y)) \(pdfNumber(width)) \(pdfNumber(height)) re f\n"
            case .line(let x1, let y1, let x2, let y2, let width, let gray):
                out += "\(pdfNumber(gray)) G \(pdfNumber(width)) w \(pdfNumber(x1)) \(pdfNumber(y1)) m "
                out += "\(pdfNumber(x2)) \(pdfNumber(y2)) l S\n"
            case .text(let face, let size, let x, let y, let gray, let text):
                let glyphs = face == .bold ? bold.glyphs(of: text) : regular.glyphs(of: text)
                let resource = face == .bold ? bold.resource : regular.resource
                out += "\(pdfNumber(gray)) g BT /\(resource) \(pdfNumber(size)) Tf \(pdfNumber(x)) \(pdfNumber(y)) Td "
                out += "<\(glyphs.map(EmbeddedFont.hex).joined())> Tj ET\n"
            }
        }
        return Array(out.utf8)
    }
}
