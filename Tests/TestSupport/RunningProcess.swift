import Foundation
import Glibc

/// A process a test started, with its output going to a file. `stop()` ends it by PID (SIGTERM,
/// then SIGKILL after a grace period) and is safe to call twice; call it in a `defer` so the
/// process goes away also when the test fails.
public final class RunningProcess: @unchecked Sendable {
    public let name: String
    public let process: Process
    public let outputPath: String

    /// Starts `executable` with `arguments` and `environment` added to the current environment.
    public init(
        name: String, executable: String, arguments: [String], environment: [String: String], outputPath: String
    ) throws {
        self.name = name
        self.outputPath = outputPath
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        process.standardOutput = output
        process.standardError = output
        try process.run()
    }

    public var pid: Int32 { process.processIdentifier }
    /// Read from /proc, not from Foundation's bookkeeping, which learns of an exit late when
    /// other tests in the same process handle child signals.
    public var isRunning: Bool { ProcessTable.isAlive(pid) }

    /// What the process printed so far.
    public var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }

    /// Sends `signal` to the process.
    public func send(_ signal: Int32) { kill(pid, signal) }

    /// Waits until the process exits or `timeout` passes; true if it exited.
    @discardableResult
    public func waitForExit(timeout: Duration) -> Bool {
        eventually(timeout: timeout, interval: .milliseconds(10)) { !isRunning }
    }

    /// Ends the process: SIGTERM, then SIGKILL after `grace`.
    public func stop(grace: Duration = .seconds(15)) {
        guard isRunning else { return }
        send(SIGTERM)
        if !waitForExit(timeout: grace) {
            send(SIGKILL)
            waitForExit(timeout: .seconds(5))
        }
    }

    /// The exit status once it exited (waits up to 10 s for Foundation to reap it).
    public var exitStatus: Int32 {
        eventually(timeout: .seconds(10), interval: .milliseconds(10)) { !process.isRunning }
        return process.terminationStatus
    }

    /// The first JSON log line containing `message`, decoded loosely.
    public func waitForLogLine(containing marker: String, timeout: Duration) -> String? {
        var found: String?
        // An exited process writes nothing more: stop looking (one last read after the exit).
        eventually(timeout: timeout, interval: .milliseconds(20)) {
            let running = process.isRunning
            found = output.split(separator: "\n").first { $0.contains(marker) }.map(String.init)
            return found != nil || !running
        }
        return found
    }
}

/// Linux process facts used by the tests: children, liveness.
public enum ProcessTable {
    /// The PIDs of `pid`'s direct children.
    public static func children(of pid: Int32) -> [Int32] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        var result: [Int32] = []
        for task in tasks {
            let text = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/children", encoding: .utf8)) ?? ""
            result += text.split(separator: " ").compactMap {
                Int32($0.trimmingCharacters(in: .whitespacesAndNewlines))
            }
        }
        return result
    }

    /// The command line of `pid` (arguments joined by spaces).
    public static func commandLine(of pid: Int32) -> String {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return "" }
        return String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }

    /// Whether `pid` exists and is not a zombie.
    public static func isAlive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
        guard let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
        return state != "Z" && state != "X"
    }
}
