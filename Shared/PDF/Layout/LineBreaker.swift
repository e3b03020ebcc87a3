/// Breaks text into lines no wider than a measure, by the face's real advances: at spaces, at the
/// text's own line breaks (every one kept, an empty line too), and inside a word that alone is
/// wider than a line (between characters, so an accent stays on its letter).
struct LineBreaker {
    let face: Typeface
    let size: Double
    /// The widest a line may be, in points.
    let measure: Double

    /// The lines of `text`; an empty text is one empty line.
    func lines(of text: String) -> [String] {
        var lines: [String] = []
        let spaceWidth = face.width(of: " ", size: size)
        // Character.isNewline: LF, CR, CR LF, VT, FF, NEL, U+2028 and U+2029.
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var current = ""
            var currentWidth = 0.0
            for word in paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                let wordWidth = face.width(of: word, size: size)
                if !current.isEmpty, currentWidth + spaceWidth + wordWidth <= measure {
                    current += " " + word
                    currentWidth += spaceWidth + wordWidth
                    continue
                }
                if !current.isEmpty { lines.append(current) }
                if wordWidth <= measure {
                    current = String(word)
                    currentWidth = wordWidth
                } else {
                    var pieces = split(word)
                    current = pieces.removeLast()
                    currentWidth = face.width(of: current, size: size)
                    lines += pieces
                }
            }
            lines.append(current)
        }
        return lines
    }

    /// A word wider than the measure, in pieces that fit (a single character wider than the
    /// measure is a piece of its own).
    private func split(_ word: Substring) -> [String] {
        var pieces: [String] = []
        var piece = ""
        var pieceWidth = 0.0
        for character in word {
            let width = face.width(of: String(character), size: size)
            if !piece.isEmpty, pieceWidth + width > measure {
                pieces.append(piece)
                piece = ""
                pieceWidth = 0
            }
            piece.append(character)
            pieceWidth += width
        }
        pieces.append(piece)
        return pieces
    }
}
