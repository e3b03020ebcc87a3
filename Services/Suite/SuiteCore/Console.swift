import Primitives

#if canImport(Glibc)
    import Glibc
#endif

/// The launcher's own messages, written whole with write(2) so they do not interleave mid-line
/// with the children's log lines on the same stdout.
public enum Console {
    private static let lock = Lock()

    /// Writes one or more lines to stdout.
    public static func out(_ text: String) {
        emit(text, to: STDOUT_FILENO)
    }

    /// Writes a message to stderr, prefixed with the program name.
    public static func error(_ text: String) {
        emit("suite: " + text, to: STDERR_FILENO)
    }

    private static func emit(_ text: String, to descriptor: Int32) {
        let bytes = Array((text.hasSuffix("\n") ? text : text + "\n").utf8)
        lock.lock()
        defer { lock.unlock() }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return }
            written += count
        }
    }
}
