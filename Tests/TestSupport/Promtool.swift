import Foundation

/// Prometheus' own checker of the text exposition format (`promtool check metrics`, from the
/// Debian package `prometheus`; `.ci/run` installs it). Tests that need it are skipped, with the
/// reason shown, where it is missing.
public enum Promtool {
    /// The executable, if installed in one of the usual places.
    public static var path: String? {
        ["/usr/bin/promtool", "/usr/local/bin/promtool"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether `promtool` can be run here.
    public static var isAvailable: Bool { path != nil }

    /// Why tests that need it are skipped.
    public static let missingReason =
        "promtool is not installed (apt-get install prometheus, or run .ci/run, which installs it)"

    /// The problems `promtool check metrics` finds in `exposition` (empty: none).
    public static func problems(in exposition: String) throws -> String {
        guard let path else { throw HarnessError(missingReason) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["check", "metrics"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data(exposition.utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? "" : text.isEmpty ? "exit \(process.terminationStatus)" : text
    }
}
