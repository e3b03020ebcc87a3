import Glibc

/// A batch of codes in one flat buffer (no array per code), sorted in SQLite's BINARY order
/// (memcmp, shorter first on a tie) without repeats, and written out as a JSON array.
struct CodeBatch {
    /// Every code's bytes, one after another.
    private(set) var bytes: [UInt8] = []
    /// Where each code ends in `bytes`; code i starts where code i − 1 ends.
    private(set) var ends: [Int] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity * 16)
        ends.reserveCapacity(capacity)
    }

    /// Number of codes.
    var count: Int { ends.count }

    /// Appends one code written by `write`.
    mutating func append(_ write: (inout [UInt8]) -> Void) {
        write(&bytes)
        ends.append(bytes.count)
    }

    /// Code `index` as text.
    func code(_ index: Int) -> String {
        String(decoding: bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]], as: UTF8.self)
    }

    /// The codes' positions in BINARY order, each distinct code once.
    func sortedUniqueOrder() -> [Int] {
        var order = Array(0..<count)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let compare = { (a: Int, b: Int) -> Int32 in
                let startA = a == 0 ? 0 : ends[a - 1]
                let startB = b == 0 ? 0 : ends[b - 1]
                let lengthA = ends[a] - startA
                let lengthB = ends[b] - startB
                let common = memcmp(base + startA, base + startB, min(lengthA, lengthB))
                if common != 0 { return common }
                return lengthA == lengthB ? 0 : (lengthA < lengthB ? -1 : 1)
            }
            order.sort { compare($0, $1) < 0 }
            var unique: [Int] = []
            unique.reserveCapacity(order.count)
            for index in order where unique.last.map({ compare($0, index) != 0 }) ?? true {
                unique.append(index)
            }
            order = unique
        }
        return order
    }

    /// `["CODE1","CODE2",…]` in `order`: codes hold only A–Z, 0–9, `-` and `_`, so nothing needs
    /// escaping.
    func jsonArray(_ order: [Int]) -> String {
        var json: [UInt8] = []
        json.reserveCapacity(bytes.count + 3 * order.count + 2)
        json.append(UInt8(ascii: "["))
        for (position, index) in order.enumerated() {
            if position > 0 { json.append(UInt8(ascii: ",")) }
            json.append(UInt8(ascii: "\""))
            json.append(contentsOf: bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]])
            json.append(UInt8(ascii: "\""))
        }
        json.append(UInt8(ascii: "]"))
        return String(decoding: json, as: UTF8.self)
    }
}
