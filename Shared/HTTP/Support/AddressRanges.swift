#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A set of IP addresses written as single addresses and CIDR blocks, IPv4 and IPv6
/// (`10.0.0.0/8, 192.168.1.7, ::1, fd00::/8`): who counts as a trusted proxy, or is spared a
/// per-address limit. An IPv4-mapped IPv6 address (`::ffff:10.1.2.3`) matches as its IPv4 form.
///
/// ```swift
/// let proxies = try AddressRanges(parsing: "10.0.0.0/8, ::1")
/// proxies.contains("10.20.30.40")   // true
/// ```
public struct AddressRanges: Sendable, Equatable {
    /// One block: the address bytes (4 or 16) and how many leading bits must match.
    struct Block: Sendable, Equatable {
        var bytes: [UInt8]
        var prefixLength: Int
    }

    private(set) var blocks: [Block]

    /// No address at all.
    public static let none = AddressRanges(blocks: [])

    init(blocks: [Block]) { self.blocks = blocks }

    /// Parses a comma-separated list; an empty list is `none`. Throws `AddressRangesError` naming
    /// the entry that is not an address or block.
    public init(parsing text: String) throws(AddressRangesError) {
        var blocks: [Block] = []
        for raw in text.split(separator: ",") {
            let entry = raw.filter { $0 != " " && $0 != "\t" }
            guard !entry.isEmpty else { continue }
            let parts = entry.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count <= 2, let bytes = Self.bytes(of: String(parts[0])) else {
                throw AddressRangesError(entry: String(entry))
            }
            var prefix = bytes.count * 8
            if parts.count == 2 {
                guard let length = Int(parts[1]), (0...bytes.count * 8).contains(length) else {
                    throw AddressRangesError(entry: String(entry))
                }
                prefix = length
            }
            blocks.append(Block(bytes: bytes, prefixLength: prefix))
        }
        self.blocks = blocks
    }

    /// Whether the set holds no address.
    public var isEmpty: Bool { blocks.isEmpty }

    /// Whether `address` (numeric text, as `ConnectionInfo.remoteAddress` has it) is in the set;
    /// text that is not an address never is.
    public func contains(_ address: String) -> Bool {
        guard !blocks.isEmpty, let bytes = Self.bytes(of: address) else { return false }
        return blocks.contains { block in Self.matches(bytes, block) }
    }

    /// Whether `text` is an IPv4 or IPv6 address.
    public static func isAddress(_ text: String) -> Bool { bytes(of: text) != nil }

    /// The address's bytes: 4 for IPv4 (also for an IPv4-mapped IPv6 address), 16 for IPv6.
    static func bytes(of text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: v4) { Array($0) }
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: v6) { Array($0) }
        let mappedPrefix: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF]
        if Array(bytes[0..<12]) == mappedPrefix { return Array(bytes[12...]) }
        return bytes
    }

    private static func matches(_ address: [UInt8], _ block: Block) -> Bool {
        guard address.count == block.bytes.count else { return false }
        var bits = block.prefixLength
        var index = 0
        while bits > 0 {
            let mask: UInt8 = bits >= 8 ? 0xFF : ~(0xFF >> UInt8(bits))
            if address[index] & mask != block.bytes[index] & mask { return false }
            bits -= 8
            index += 1
        }
        return true
    }
}

/// An entry of an address list that is neither an IP address nor a CIDR block.
public struct AddressRangesError: Error, Sendable, CustomStringConvertible {
    public let entry: String
    public var description: String { "'\(entry)' is not an IP address or CIDR block (e.g. 10.0.0.0/8, ::1)" }
}
