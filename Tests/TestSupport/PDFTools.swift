import Foundation

/// Poppler's and qpdf's command-line tools (Debian's `poppler-utils` and `qpdf`; `.ci/run` installs
/// them), run on a PDF file a test wrote. Tests that need one are skipped, saying so, without it.
public enum PDFTools {
    /// The executable named `name` in one of the usual places, if installed.
    public static func path(_ name: String) -> String? {
        ["/usr/bin/", "/usr/local/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public static var haveAll: Bool { ["pdftotext", "qpdf", "pdffonts", "pdftoppm"].allSatisfy { path($0) != nil } }

    public static let missingReason =
        "pdftotext, pdffonts, pdftoppm or qpdf is not installed (apt-get install poppler-utils qpdf, or run .ci/run)"

    /// Runs a tool to its end: its exit status and what it printed (standard output and error).
    public static func run(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        guard let path = path(name) else { throw HarnessError(missingReason) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    /// The text of `pdf` as pdftotext reads it (in reading order, `-raw`), pages apart by form feeds.
    public static func text(of pdf: [UInt8], in directory: TemporaryDirectory) throws -> String {
        let file = directory.file("text.pdf")
        try Data(pdf).write(to: URL(fileURLWithPath: file))
        let result = try run("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"])
        guard result.status == 0 else { throw HarnessError("pdftotext failed: \(result.output)") }
        return result.output
    }

    /// What `qpdf --check` says of `pdf`, and whether it found it sound (exit 0, no warnings).
    public static func check(_ pdf: [UInt8], in directory: TemporaryDirectory) throws -> (ok: Bool, output: String) {
        let file = directory.file("check.pdf")
        try Data(pdf).write(to: URL(fileURLWithPath: file))
        let result = try run("qpdf", ["--check", file])
        return (result.status == 0 && !result.output.contains("WARNING"), result.output)
    }
}
