/// The page and type sizes of a text document, in points (1/72 inch).
struct PageStyle {
    /// ISO 216 A4, 210 × 297 mm.
    var width = 595.0
    var height = 842.0
    /// 20 mm on every side; the page number sits in the bottom margin.
    var margin = 56.7
    var footerBaseline = 28.0
    var footerSize = 8.5

    var titleSize = 17.0
    var headingSize = 12.5
    var bodySize = 10.0
    var tableSize = 9.0
    /// Line height over type size.
    var leading = 1.4

    /// A table cell's padding, sideways and above and below its lines.
    var cellPadding = 4.0
    var cellPaddingVertical = 3.0
    var ruleWidth = 0.5
    var ruleGray = 0.55
    var headerGray = 0.9
    var labelGray = 0.3

    var contentWidth: Double { width - 2 * margin }
    var top: Double { height - margin }
    var bottom: Double { margin }
}
