import Primitives

/// The indirect objects of one PDF file, numbered from 1, and the file they make: the header,
/// each object, the cross-reference table and the trailer (ISO 32000-1 §7.5).
struct PDFObjects {
    private var bodies: [[UInt8]] = []

    /// A number for an object whose body is set later (`set`), so that objects can refer to each
    /// other in either order.
    mutating func reserve() -> Int {
        bodies.append([])
        return bodies.count
    }

    mutating func set(_ number: Int, _ body: String) {
        bodies[number - 1] = Array(body.utf8)
    }

    mutating func set(_ number: Int, _ body: [UInt8]) {
        bodies[number - 1] = body
    }

    /// A new object with `body`.
    mutating func add(_ body: String) -> Int {
        let number = reserve()
        set(number, body)
        return number
    }

    /// A new stream object: `dictionary`'s entries (without `<<`), its `/Length`, then the data,
    /// compressed with FlateDecode (§7.3.8, §7.4.4).
    mutating func addStream(_ data: [UInt8], dictionary: String = "") -> Int {
        let number = reserve()
        let compressed = Deflate.zlib(data)
        let entries = dictionary.isEmpty ? "" : dictionary + " "
        set(
            number,
            Array("<< \(entries)/Filter /FlateDecode /Length \(compressed.count) >>\nstream\n".utf8) + compressed
                + Array("\nendstream".utf8))
        return number
    }

    /// The whole file. Each cross-reference entry is exactly 20 bytes, ending in a space and a
    /// line feed (§7.5.4); the trailer's /ID is the first 16 bytes of the SHA-256 of everything
    /// before it, so the same document gives the same file (§14.4).
    func file(root: Int, info: Int) -> [UInt8] {
        // A comment of bytes above 127 after the header marks the file as binary (§7.5.2).
        var out = Array("%PDF-1.7\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
        var offsets: [Int] = []
        for (index, body) in bodies.enumerated() {
            offsets.append(out.count)
            out += Array("\(index + 1) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
        }
        let identifier = SHA256.hash(out).prefix(16).hexDigits
        let table = out.count
        var xref = "xref\n0 \(bodies.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            xref += String(repeating: "0", count: max(0, 10 - String(offset).count)) + "\(offset) 00000 n \n"
        }
        xref += "trailer\n<< /Size \(bodies.count + 1) /Root \(root) 0 R /Info \(info) 0 R "
        xref += "/ID [<\(identifier)> <\(identifier)>] >>\nstartxref\n\(table)\n%%EOF\n"
        return out + Array(xref.utf8)
    }
}

/// A number as a PDF content stream writes it: at most two decimals, no exponent, no trailing
/// zeros (`12`, `7.5`, `-0.25`), the same text on every platform.
func pdfNumber(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let hundredths = Int((value * 100).rounded())
    let sign = hundredths < 0 ? "-" : ""
    let whole = abs(hundredths) / 100
    let fraction = abs(hundredths) % 100
    if fraction == 0 { return sign + String(whole) }
    let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
    return sign + String(whole) + "." + digits
}
