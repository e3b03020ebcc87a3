/// The Unicode subtable of a font's `cmap`, the one best for text: format 12 (every plane) from
/// the Windows or Unicode platform if there is one, else format 4 (the Basic Multilingual Plane).
/// Both are read into arrays once, with their counts checked against the table's length, and
/// looked up by binary search.
struct CharacterMap: Sendable {
    /// Consecutive characters mapped to consecutive glyphs (format 12's groups), or a format 4
    /// segment with its delta or the place of its glyph ids.
    private struct Range: Sendable {
        let first: UInt32
        let last: UInt32
        /// Format 12: the glyph of `first`. Format 4: idDelta.
        let value: UInt32
        /// Format 4 with idRangeOffset ≠ 0: where `first`'s glyph id lies in the subtable.
        let glyphArray: Int?
    }

    private let ranges: [Range]
    private let isSegmented: Bool
    private let subtable: FontBytes
    private let glyphCount: Int

    private init() {
        ranges = []
        isSegmented = false
        subtable = FontBytes([])
        glyphCount = 0
    }

    /// No character mapped.
    static let empty = CharacterMap()

    init(_ cmap: FontBytes, glyphCount: Int) throws(TrueTypeError) {
        self.glyphCount = glyphCount
        // The candidates by preference: (platform, encoding, format) → rank.
        var best: (rank: Int, subtable: FontBytes, format: UInt16)?
        for index in 0..<Int(try cmap.u16(2)) {
            let record = 4 + 8 * index
            let platform = try cmap.u16(record)
            let encoding = try cmap.u16(record + 2)
            let offset = Int(try cmap.u32(record + 4))
            guard let subtable = try? cmap.region(offset, cmap.count - offset, "cmap subtable"),
                let format = try? subtable.u16(0)
            else { continue }
            let rank: Int
            switch (platform, encoding, format) {
            case (3, 10, 12): rank = 5
            case (0, _, 12): rank = 4
            case (3, 1, 4): rank = 3
            case (0, _, 4): rank = 2
            default: continue
            }
            if rank > (best?.rank ?? 0) { best = (rank, subtable, format) }
        }
        guard let best else { throw TrueTypeError("the font's cmap has no Unicode subtable of format 4 or 12") }
        subtable = best.subtable
        isSegmented = best.format == 4
        ranges = isSegmented ? try Self.segments(best.subtable) : try Self.groups(best.subtable)
    }

    /// The glyph for a Unicode scalar value; nil for none, `.notdef`, or an id past the font.
    func glyph(for character: UInt32) -> UInt16? {
        // The first range whose last character is at or after `character`.
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].last < character { low = middle + 1 } else { high = middle }
        }
        guard low < ranges.count, ranges[low].first <= character else { return nil }
        let range = ranges[low]
        let glyph: UInt32
        if !isSegmented {
            glyph = range.value &+ (character - range.first)
        } else if let place = range.glyphArray {
            guard let stored = try? subtable.u16(place + 2 * Int(character - range.first)), stored != 0 else {
                return nil
            }
            glyph = (UInt32(stored) &+ range.value) & 0xFFFF
        } else {
            glyph = (character &+ range.value) & 0xFFFF
        }
        guard glyph != 0, glyph < UInt32(glyphCount) else { return nil }
        return UInt16(glyph)
    }

    /// Format 4: segCountX2 at 6, then endCode[], a pad, startCode[], idDelta[], idRangeOffset[].
    private static func segments(_ table: FontBytes) throws(TrueTypeError) -> [Range] {
        let count = Int(try table.u16(6)) / 2
        var ranges: [Range] = []
        ranges.reserveCapacity(count)
        for index in 0..<count {
            let last = try table.u16(14 + 2 * index)
            let first = try table.u16(16 + 2 * count + 2 * index)
            let delta = try table.u16(16 + 4 * count + 2 * index)
            let rangeOffsetPlace = 16 + 6 * count + 2 * index
            let rangeOffset = Int(try table.u16(rangeOffsetPlace))
            guard first <= last, UInt32(last) >= ranges.last.map({ $0.last + 1 }) ?? 0 else {
                throw TrueTypeError("cmap format 4 segment \(index) is out of order")
            }
            ranges.append(
                Range(
                    first: UInt32(first), last: UInt32(last), value: UInt32(delta),
                    glyphArray: rangeOffset == 0 ? nil : rangeOffsetPlace + rangeOffset))
        }
        return ranges
    }

    /// Format 12: numGroups at 12, then groups of startCharCode, endCharCode, startGlyphID.
    private static func groups(_ table: FontBytes) throws(TrueTypeError) -> [Range] {
        let count = Int(try table.u32(12))
        guard count <= (table.count - 16) / 12 else { throw TrueTypeError("cmap format 12 has too many groups") }
        var ranges: [Range] = []
        ranges.reserveCapacity(count)
        for index in 0..<count {
            let record = 16 + 12 * index
            let first = try table.u32(record)
            let last = try table.u32(record + 4)
            guard first <= last, last <= 0x10FFFF, first >= ranges.last.map({ $0.last + 1 }) ?? 0 else {
                throw TrueTypeError("cmap format 12 group \(index) is out of order")
            }
            ranges.append(Range(first: first, last: last, value: try table.u32(record + 8), glyphArray: nil))
        }
        return ranges
    }
}
