#if canImport(Glibc)
    import Glibc
#endif

/// Finds the launcher's own executable, which every child runs as `suite serve <name>`: `suite`
/// links every service, so it needs nothing built or installed beside it.
public enum ExecutableLocator {
    /// The absolute path of the running executable, from the /proc/self/exe link (proc(5)).
    public static func ownPath() throws(LocatorError) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else {
            throw .cannotReadOwnPath(errno: errno)
        }
        let path = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // The kernel appends " (deleted)" when the file was replaced (a rebuild while running):
        // a restart then runs the new build at the same path.
        let deleted = " (deleted)"
        return path.hasSuffix(deleted) ? String(path.dropLast(deleted.count)) : path
    }
}

/// Why the executable cannot be found.
public enum LocatorError: Error, Equatable, CustomStringConvertible {
    /// /proc/self/exe could not be read.
    case cannotReadOwnPath(errno: Int32)

    public var description: String {
        switch self {
        case .cannotReadOwnPath(let code):
            return "cannot find my own executable through /proc/self/exe: \(String(cString: strerror(code)))"
        }
    }
}
