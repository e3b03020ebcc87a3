extension StringProtocol {
    /// The text without leading and trailing white space (spaces, tabs, line breaks and the other
    /// Unicode white-space characters), without needing Foundation's `CharacterSet`.
    public func trimmed() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
