#if canImport(Glibc)
    import Glibc
#endif

/// Random secrets for keys the operator did not provide: 32 bytes from getrandom(2), base64url.
public enum RandomToken {
    /// How many random bytes a generated key or secret carries (256 bits).
    public static let byteCount = 32

    /// A fresh token: `byteCount` bytes from the kernel's CSPRNG, base64url without padding.
    public static func generate() throws(RandomTokenError) -> String {
        base64URL(try randomBytes(count: byteCount))
    }

    /// Fills `count` bytes from getrandom(2), which blocks only until the pool is first seeded.
    public static func randomBytes(count: Int) throws(RandomTokenError) -> [UInt8] {
        #if canImport(Glibc)
            // getrandom is not in Swift's Glibc module map, so it is looked up by name; its C
            // signature is fixed-arity, so calling it through this type is exact.
            typealias GetRandom = @convention(c) (UnsafeMutableRawPointer?, Int, UInt32) -> Int
            guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "getrandom") else {
                throw .unavailable
            }
            let getrandom = unsafeBitCast(symbol, to: GetRandom.self)
            var bytes = [UInt8](repeating: 0, count: count)
            var filled = 0
            while filled < count {
                let result = bytes.withUnsafeMutableBytes { buffer in
                    getrandom(buffer.baseAddress.map { $0 + filled }, count - filled, 0)
                }
                if result < 0 {
                    if errno == EINTR { continue }
                    throw .failed(errno: errno)
                }
                filled += result
            }
            return bytes
        #else
            throw .unavailable
        #endif
    }

    /// Base64url (RFC 4648 §5) without padding: safe in URLs, headers and KEY=value files.
    public static func base64URL(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        var output = ""
        output.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index < bytes.count {
            let first = UInt32(bytes[index])
            let second = index + 1 < bytes.count ? UInt32(bytes[index + 1]) : 0
            let third = index + 2 < bytes.count ? UInt32(bytes[index + 2]) : 0
            let group = first << 16 | second << 8 | third
            let characters = min(4, bytes.count - index + 1)
            for position in 0..<characters {
                output.append(alphabet[Int(group >> UInt32(18 - 6 * position) & 0x3F)])
            }
            index += 3
        }
        return output
    }
}

/// Why no random token could be made.
public enum RandomTokenError: Error, Equatable, CustomStringConvertible {
    /// The C library has no getrandom (glibc before 2.25).
    case unavailable
    /// getrandom(2) failed with this errno.
    case failed(errno: Int32)

    public var description: String {
        switch self {
        case .unavailable:
            return "getrandom(2) is not available in this C library"
        case .failed(let code):
            return "getrandom(2) failed: \(String(cString: strerror(code)))"
        }
    }
}
