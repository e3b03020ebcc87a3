import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A fresh directory under /tmp, removed with everything in it by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        var template = Array("/tmp/suite-tests-XXXXXX".utf8CString)
        guard let result = mkdtemp(&template) else {
            throw POSIXError(.init(rawValue: errno) ?? .EIO)
        }
        path = String(cString: result)
    }

    func file(_ name: String) -> String {
        path + "/" + name
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
