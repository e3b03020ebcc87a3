#if canImport(Glibc)
    import Glibc
#endif

/// Finds the service executables next to the launcher's own, as SwiftPM builds them.
public enum ExecutableLocator {
    /// The directory holding the running executable, from the /proc/self/exe link (proc(5)).
    public static func ownDirectory() throws(LocatorError) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else {
            throw .cannotReadOwnPath(errno: errno)
        }
        let path = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = path.lastIndex(of: "/") else {
            throw .cannotReadOwnPath(errno: ENOENT)
        }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The path of each named executable in `directory`; fails naming every one that is missing.
    public static func locate(_ names: [String], in directory: String) throws(LocatorError) -> [String: String] {
        var paths: [String: String] = [:]
        var missing: [String] = []
        for name in names {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            if access(path, X_OK) == 0 {
                paths[name] = path
            } else {
                missing.append(name)
            }
        }
        guard missing.isEmpty else {
            throw .missing(names: missing, directory: directory)
        }
        return paths
    }
}

/// Why the executables cannot be found.
public enum LocatorError: Error, Equatable, CustomStringConvertible {
    /// /proc/self/exe could not be read.
    case cannotReadOwnPath(errno: Int32)
    /// These executables are not in the directory (or not executable).
    case missing(names: [String], directory: String)

    public var description: String {
        switch self {
        case .cannotReadOwnPath(let code):
            return "cannot find my own executable through /proc/self/exe: \(String(cString: strerror(code)))"
        case .missing(let names, let directory):
            return "no executable \(names.joined(separator: ", ")) in \(directory); "
                + "build all products first (swift build, or swift build -c release)"
        }
    }
}
