/// What a laid-out page draws, in points from the page's bottom-left corner (PDF's default user
/// space, ISO 32000-1 §8.3.2.3).
enum PageItem: Equatable {
    /// One line of text whose baseline starts at (x, y), in a shade of grey (0 black, 1 white).
    case text(FaceStyle, size: Double, x: Double, y: Double, gray: Double, String)
    /// A straight line.
    case line(x1: Double, y1: Double, x2: Double, y2: Double, width: Double, gray: Double)
    /// A filled rectangle from its bottom-left corner.
    case fill(x: Double, y: Double, width: Double, height: Double, gray: Double)
}

/// Which of the document's two faces a text is set in.
enum FaceStyle: Equatable {
    case regular
    case bold
}
