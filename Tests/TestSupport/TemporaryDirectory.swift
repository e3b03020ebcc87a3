import Foundation

/// A fresh directory under the system's temporary directory, removed by `remove()`.
public final class TemporaryDirectory: @unchecked Sendable {
    public let path: String

    public init(prefix: String = "zaplecze") throws {
        let base = FileManager.default.temporaryDirectory.path
        path = "\(base)/\(prefix)-\(UUID().uuidString.prefix(12))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// A path inside the directory.
    public func file(_ name: String) -> String { "\(path)/\(name)" }

    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
