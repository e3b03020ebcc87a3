import Foundation

/// Where the package's executables are: next to the test binary (`.build/<config>/`).
public enum BuiltExecutables {
    /// The build directory holding `suite`, `gateway`, `loyalty`, ….
    public static var directory: String {
        let exe =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var url = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // The runner may live inside an .xctest bundle directory on some layouts.
        while url.path.contains(".xctest") { url.deleteLastPathComponent() }
        return url.path
    }

    /// The full path of executable `name`; fails with a clear message when it was not built.
    public static func path(_ name: String) throws -> String {
        let path = "\(directory)/\(name)"
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw HarnessError("executable \(name) not found in \(directory): run `swift build` before `swift test`")
        }
        return path
    }
}

/// A failure of the test harness itself (not of the code under test).
public struct HarnessError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
