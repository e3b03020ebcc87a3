extension TrueTypeFont {
    /// The tables a PDF viewer needs of an embedded TrueType font drawn through a CIDToGIDMap
    /// (ISO 32000-1 §9.9, "Embedded font programs": head, hhea, loca, maxp, cvt, prep, glyf, hmtx,
    /// fpgm); the hinting ones only when the font has them.
    static let embeddedTables = ["cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"]

    /// The glyphs `used` needs drawn: those of them inside the font, glyph 0, and every glyph a
    /// composite among them is built of, recursively (a cycle ends where it meets a glyph seen).
    public func closure(of used: Set<UInt16>) -> Set<UInt16> {
        var kept: Set<UInt16> = [0]
        var pending = used.filter { Int($0) < glyphCount }
        while let glyph = pending.popFirst() {
            guard kept.insert(glyph).inserted else { continue }
            for component in components(of: glyph) where Int(component) < glyphCount && !kept.contains(component) {
                pending.insert(component)
            }
        }
        return kept
    }

    /// The font with only the glyphs `used` needs (see `closure(of:)`) drawn and every other glyph
    /// emptied, so that glyph ids stay as they are and a PDF can show them through an identity
    /// CIDToGIDMap. Glyphs past the highest one kept are dropped; `loca` is written in its short
    /// form when the glyphs are few enough; the table checksums and head's checkSumAdjustment are computed anew.
    public func subset(keeping used: Set<UInt16>) -> [UInt8] {
        let kept = closure(of: used)
        let count = Int(kept.max() ?? 0) + 1

        var glyf: [UInt8] = []
        var offsets: [Int] = []
        for glyph in 0..<count {
            offsets.append(glyf.count)
            guard kept.contains(UInt16(glyph)), let outline = outline(of: UInt16(glyph)) else { continue }
            glyf += outline.array
            while glyf.count % 4 != 0 { glyf.append(0) }
        }
        offsets.append(glyf.count)
        // The short form (offset / 2 in 16 bits) where it reaches: half the size.
        let short = glyf.count <= 2 * Int(UInt16.max)
        var loca: [UInt8] = []
        for offset in offsets {
            if short { loca.appendBigEndian(UInt16(offset / 2)) } else { loca.appendBigEndian(UInt32(offset)) }
        }

        // hmtx: the long metrics of the glyphs kept, then the left side bearings of the rest.
        let longMetrics = min(horizontalMetricCount, count)
        var hmtx = Array(horizontalMetrics.array[0..<4 * longMetrics])
        if count > longMetrics {
            let bearings = 4 * horizontalMetricCount
            hmtx += horizontalMetrics.array[bearings..<bearings + 2 * (count - horizontalMetricCount)]
        }

        var tables: [String: [UInt8]] = ["glyf": glyf, "loca": loca, "hmtx": hmtx]
        for tag in Self.embeddedTables where tables[tag] == nil {
            if let table = self.tables[tag] { tables[tag] = table.array }
        }
        tables["hhea"]?.setBigEndian(UInt16(longMetrics), at: 34)
        tables["maxp"]?.setBigEndian(UInt16(count), at: 4)
        tables["head"]?.setBigEndian(UInt32(0), at: 8)  // checkSumAdjustment, set below
        tables["head"]?.setBigEndian(UInt16(short ? 0 : 1), at: 50)  // indexToLocFormat
        return Self.assemble(tables)
    }

    /// A font file of `tables`: the table directory (tags in order, searchRange and its kin),
    /// each table at a 4-byte boundary padded with zeros, each checksum, then head's
    /// checkSumAdjustment = 0xB1B0AFBA − the checksum of the whole file.
    static func assemble(_ tables: [String: [UInt8]]) -> [UInt8] {
        let tags = tables.keys.sorted()
        var power = 1
        var log = 0
        while power * 2 <= tags.count {
            power *= 2
            log += 1
        }
        var file: [UInt8] = []
        file.appendBigEndian(UInt32(0x0001_0000))
        file.appendBigEndian(UInt16(tags.count))
        file.appendBigEndian(UInt16(16 * power))
        file.appendBigEndian(UInt16(log))
        file.appendBigEndian(UInt16(16 * tags.count - 16 * power))
        var offset = 12 + 16 * tags.count
        var headOffset: Int?
        for tag in tags {
            let table = tables[tag] ?? []
            if tag == "head" { headOffset = offset }
            file += Array(tag.utf8)
            file.appendBigEndian(checksum(table))
            file.appendBigEndian(UInt32(offset))
            file.appendBigEndian(UInt32(table.count))
            offset += (table.count + 3) / 4 * 4
        }
        for tag in tags {
            file += tables[tag] ?? []
            while file.count % 4 != 0 { file.append(0) }
        }
        if let headOffset, file.count >= headOffset + 12 {
            file.setBigEndian(0xB1B0_AFBA &- checksum(file), at: headOffset + 8)
        }
        return file
    }

    /// The sum of a table's big-endian 32-bit words, the last one padded with zeros.
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var sum: UInt32 = 0
        var index = 0
        while index < bytes.count {
            var word: UInt32 = 0
            for byte in 0..<4 { word = word << 8 | UInt32(index + byte < bytes.count ? bytes[index + byte] : 0) }
            sum &+= word
            index += 4
        }
        return sum
    }
}

extension [UInt8] {
    /// Appends `value` most significant byte first.
    mutating func appendBigEndian<Value: FixedWidthInteger>(_ value: Value) {
        for shift in stride(from: Value.bitWidth - 8, through: 0, by: -8) {
            append(UInt8(truncatingIfNeeded: value >> shift))
        }
    }

    /// Writes `value` most significant byte first at `offset`, where the bytes exist.
    mutating func setBigEndian<Value: FixedWidthInteger>(_ value: Value, at offset: Int) {
        let size = Value.bitWidth / 8
        guard offset >= 0, offset + size <= count else { return }
        for index in 0..<size {
            self[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * (size - 1 - index)))
        }
    }
}
