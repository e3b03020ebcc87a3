import Synchronization

/// Request identifiers: 16 lowercase hex digits, unique within a process and across processes in
/// practice: a random 32-bit prefix drawn once per process and a 32-bit counter. No system call per
/// request (drawing every id from the system's random source cost a syscall on the hot path).
public enum RequestID {
    private static let prefix: UInt64 = {
        var generator = SystemRandomNumberGenerator()
        return (generator.next() as UInt64) & 0xFFFF_FFFF
    }()
    private static let counter = Atomic<UInt64>(0)

    /// A new identifier.
    public static func generate() -> String {
        let sequence = counter.wrappingAdd(1, ordering: .relaxed).newValue & 0xFFFF_FFFF
        let value = prefix << 32 | sequence
        return String(unsafeUninitializedCapacity: 16) { buffer in
            var rest = value
            for index in stride(from: 15, through: 0, by: -1) {
                let nibble = UInt8(truncatingIfNeeded: rest & 0xF)
                buffer[index] = nibble < 10 ? 48 + nibble : 87 + nibble
                rest >>= 4
            }
            return 16
        }
    }

    /// Whether a client-supplied id is safe to echo and log: 1–128 characters of `[A-Za-z0-9._:-]`.
    public static func isAcceptable(_ id: String) -> Bool {
        let utf8 = id.utf8
        guard !utf8.isEmpty, utf8.count <= 128 else { return false }
        return utf8.allSatisfy { byte in
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
                || byte == 45 || byte == 46 || byte == 95 || byte == 58
        }
    }
}
