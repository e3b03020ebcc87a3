/// Lays blocks onto pages from the top down, starting a new page when the next line does not fit.
/// A row of cells (a field, a table row) moves whole to the next page when it fits on one; only a
/// row taller than a page is split, and then between lines, never through one.
struct PageComposer {
    let style: PageStyle
    let regular: Typeface
    let bold: Typeface
    private(set) var pages: [[PageItem]] = []
    private var items: [PageItem] = []
    /// The top of the free space on the current page.
    private var cursor: Double

    init(style: PageStyle, regular: Typeface, bold: Typeface) {
        self.style = style
        self.regular = regular
        self.bold = bold
        cursor = style.top
    }

    /// One column of a row: where it is, and its lines in one face.
    struct Cell {
        var x: Double
        var width: Double
        var lines: [String]
        var face: FaceStyle
        var gray = 0.0
    }

    /// How a row is drawn around its cells.
    enum RowFrame {
        case none
        /// Ruled cells; `shaded` fills them (a table's header).
        case ruled(shaded: Bool)
    }

    func typeface(_ face: FaceStyle) -> Typeface { face == .bold ? bold : regular }

    func breaker(_ face: FaceStyle, size: Double, measure: Double) -> LineBreaker {
        LineBreaker(face: typeface(face), size: size, measure: measure)
    }

    private var isPageFresh: Bool { cursor == style.top }

    /// Moves down by `space`, unless at the top of a page (space after nothing is no space).
    mutating func skip(_ space: Double) {
        guard !isPageFresh else { return }
        cursor = max(style.bottom, cursor - space)
    }

    /// Starts a new page unless `height` fits below the cursor (or the page is still empty).
    mutating func keep(_ height: Double) {
        if !isPageFresh, cursor - height < style.bottom { newPage() }
    }

    mutating func newPage() {
        pages.append(items)
        items = []
        cursor = style.top
    }

    /// Text lines one under another, each moved to a new page when it does not fit.
    mutating func lines(_ lines: [String], face: FaceStyle, size: Double) {
        for line in lines {
            row([Cell(x: style.margin, width: style.contentWidth, lines: [line], face: face)], size: size, frame: .none)
        }
    }

    /// A row of cells side by side: whole on this page, else whole on the next, else (taller than
    /// a page) as many lines as fit on each.
    mutating func row(_ cells: [Cell], size: Double, frame: RowFrame) {
        let leading = size * style.leading
        let padding = if case .ruled = frame { style.cellPaddingVertical } else { 0.0 }
        let count = max(1, cells.map(\.lines.count).max() ?? 1)
        let pageLines = max(1, Int((style.top - style.bottom - 2 * padding) / leading))
        var done = 0
        while done < count {
            let room = Int(((cursor - style.bottom - 2 * padding) / leading + 1e-9).rounded(.down))
            let remaining = count - done
            let take: Int
            if remaining <= room {
                take = remaining
            } else if isPageFresh || (remaining > pageLines && room >= 1) {
                take = max(1, room)
            } else {
                newPage()
                continue
            }
            segment(cells, lines: done..<done + take, size: size, leading: leading, padding: padding, frame: frame)
            done += take
            if done < count { newPage() }
        }
    }

    /// Draws lines `range` of each cell from the cursor down, with the frame around them.
    private mutating func segment(
        _ cells: [Cell], lines range: Range<Int>, size: Double, leading: Double, padding: Double, frame: RowFrame
    ) {
        let height = 2 * padding + Double(range.count) * leading
        let top = cursor
        let left = cells.first?.x ?? style.margin
        let right = cells.last.map { $0.x + $0.width } ?? style.margin
        if case .ruled(shaded: true) = frame {
            items.append(.fill(x: left, y: top - height, width: right - left, height: height, gray: style.headerGray))
        }
        for cell in cells {
            let face = typeface(cell.face)
            // The baseline sits the ascent below the line's top, the rest of the leading split evenly.
            let ascent = Double(face.font.ascent) / Double(face.font.unitsPerEm) * size
            let descent = Double(-face.font.descent) / Double(face.font.unitsPerEm) * size
            let gap = max(0, leading - ascent - descent) / 2
            let padded = if case .ruled = frame { style.cellPadding } else { 0.0 }
            for (offset, index) in range.enumerated() where index < cell.lines.count && !cell.lines[index].isEmpty {
                let baseline = top - padding - Double(offset) * leading - gap - ascent
                items.append(
                    .text(cell.face, size: size, x: cell.x + padded, y: baseline, gray: cell.gray, cell.lines[index]))
            }
        }
        if case .ruled = frame {
            let bottom = top - height
            for y in [top, bottom] {
                items.append(.line(x1: left, y1: y, x2: right, y2: y, width: style.ruleWidth, gray: style.ruleGray))
            }
            for x in [left] + cells.map({ $0.x + $0.width }) {
                items.append(.line(x1: x, y1: top, x2: x, y2: bottom, width: style.ruleWidth, gray: style.ruleGray))
            }
        }
        cursor = top - height
    }

    /// The pages laid out, the current one included, each with its number ("2 / 5") centred in
    /// the bottom margin.
    func finished() -> [[PageItem]] {
        let all = pages + [items]
        return all.enumerated().map { index, page in
            let number = "\(index + 1) / \(all.count)"
            let width = regular.width(of: number, size: style.footerSize)
            return page + [
                .text(
                    .regular, size: style.footerSize, x: (style.width - width) / 2, y: style.footerBaseline,
                    gray: style.labelGray, number)
            ]
        }
    }
}
