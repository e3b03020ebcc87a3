import Primitives

/// Keyed-hash message authentication (RFC 2104) over SHA-256.
///
/// ```swift
/// let mac = HMAC.sha256(key: secret, message: Array("payload".utf8))
/// ```
public enum HMAC {
    /// Returns HMAC-SHA-256 of `message` under `key` (32 bytes; RFC 4231 test vectors apply).
    public static func sha256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        // RFC 2104 §2: keys longer than the block size B are hashed first; shorter ones are
        // zero-padded to B.
        var paddedKey = key.count > SHA256.blockCount ? SHA256.hash(key) : key
        paddedKey.append(contentsOf: repeatElement(0, count: SHA256.blockCount - paddedKey.count))

        var inner = SHA256()
        inner.update(paddedKey.map { $0 ^ 0x36 })
        inner.update(message)
        let innerDigest = inner.finalize()

        var outer = SHA256()
        outer.update(paddedKey.map { $0 ^ 0x5c })
        outer.update(innerDigest)
        return outer.finalize()
    }
}
