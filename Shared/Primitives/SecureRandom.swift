import Glibc

/// Cryptographically secure random bytes from the kernel, for secrets, tokens and nonces.
///
/// ```swift
/// let secret = SecureRandom.bytes(32)
/// let sessionId = SecureRandom.token() // 43 base64url characters (ServiceKit)
/// ```
public enum SecureRandom {
    /// Returns `count` random bytes (an empty array for `count <= 0`).
    public static func bytes(_ count: Int) -> [UInt8] {
        guard count > 0 else { return [] }
        var output = [UInt8](repeating: 0, count: count)
        output.withUnsafeMutableBytes { buffer in
            if fillFromGetrandom(buffer) { return }
            if fillFromDevice(buffer) { return }
            // Last resort: the standard library's generator reads the same kernel source and
            // traps rather than return predictable bytes, which is the right failure here.
            var generator = SystemRandomNumberGenerator()
            for index in buffer.indices { buffer[index] = generator.next() }
        }
        return output
    }

    // MARK: - Sources

    private typealias GetRandomFunction = @convention(c) (UnsafeMutableRawPointer?, Int, UInt32) -> Int

    /// glibc's getrandom(2) wrapper, looked up at run time because the Glibc module map does not
    /// export <sys/random.h>; nil on a libc without it.
    private static let getrandomFunction: GetRandomFunction? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "getrandom") else { return nil }
        return unsafeBitCast(symbol, to: GetRandomFunction.self)
    }()

    /// Fills the buffer with getrandom(2), retrying EINTR and short reads (getrandom(2): reads
    /// above 256 bytes may return fewer bytes than asked when interrupted by a signal).
    private static func fillFromGetrandom(_ buffer: UnsafeMutableRawBufferPointer) -> Bool {
        guard let getrandom = getrandomFunction, let base = buffer.baseAddress else { return false }
        var filled = 0
        while filled < buffer.count {
            let result = getrandom(base + filled, buffer.count - filled, 0)
            if result > 0 {
                filled += result
            } else if result < 0, errno == EINTR {
                continue
            } else {
                return false  // ENOSYS on old kernels, or anything unexpected: use the device.
            }
        }
        return true
    }

    /// Fills the buffer from /dev/urandom, retrying EINTR and short reads.
    private static func fillFromDevice(_ buffer: UnsafeMutableRawBufferPointer) -> Bool {
        guard let base = buffer.baseAddress else { return false }
        var descriptor: Int32
        repeat {
            descriptor = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
        } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var filled = 0
        while filled < buffer.count {
            let result = read(descriptor, base + filled, buffer.count - filled)
            if result > 0 {
                filled += result
            } else if result < 0, errno == EINTR {
                continue
            } else {
                return false
            }
        }
        return true
    }
}
