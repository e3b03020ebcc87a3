#if canImport(Glibc)
    import Glibc
#endif

/// An IPv4 or IPv6 address block in CIDR notation (`10.0.0.0/8`, `fd00::/8`), or one address
/// (`127.0.0.1`, `::1`): for settings that name which clients may do something.
public struct AddressBlock: Sendable, Equatable, CustomStringConvertible {
    /// The network's bytes: 4 for IPv4, 16 for IPv6.
    private let network: [UInt8]
    /// How many leading bits must match.
    private let prefixLength: Int

    /// Parses `address` or `address/prefix` (RFC 4632 §3.1); nil when it is neither.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let bytes = Self.bytes(of: String(parts[0])) else { return nil }
        let length: Int
        if parts.count == 2 {
            guard let value = Int(parts[1]), (0...bytes.count * 8).contains(value),
                parts[1].allSatisfy(\.isASCII)
            else { return nil }
            length = value
        } else {
            length = bytes.count * 8
        }
        network = bytes
        prefixLength = length
    }

    /// Whether `address` (a textual IP, as servers report a peer) lies in the block. An
    /// IPv4-mapped IPv6 address (`::ffff:192.0.2.1`, RFC 4291 §2.5.5.2) counts as its IPv4 one.
    public func contains(_ address: String) -> Bool {
        guard let bytes = Self.bytes(of: address), bytes.count == network.count else { return false }
        var remaining = prefixLength
        for index in network.indices where remaining > 0 {
            let bits = min(remaining, 8)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
            if bytes[index] & mask != network[index] & mask { return false }
            remaining -= bits
        }
        return true
    }

    public var description: String {
        let family = network.count == 4 ? AF_INET : AF_INET6
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        _ = network.withUnsafeBytes { inet_ntop(family, $0.baseAddress, &text, socklen_t(text.count)) }
        let address = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return "\(address)/\(prefixLength)"
    }

    /// Parses a comma-separated list (spaces around items allowed, empty text: no blocks);
    /// throws naming `variable` and the first item that is not a block.
    public static func list(_ text: String, variable: String) throws(ConfigurationError) -> [AddressBlock] {
        var blocks: [AddressBlock] = []
        for item in text.split(separator: ",") {
            let trimmed = String(item.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
            guard !trimmed.isEmpty else { continue }
            guard let block = AddressBlock(trimmed) else {
                throw ConfigurationError(
                    "\(variable) must list IP addresses or CIDR blocks (e.g. 127.0.0.1,10.0.0.0/8), got '\(trimmed)'")
            }
            blocks.append(block)
        }
        return blocks
    }

    /// The 4 or 16 bytes of a textual address (inet_pton(3)); IPv4-mapped IPv6 gives 4.
    private static func bytes(of text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
            return Array(bytes[12...])
        }
        return bytes
    }
}
