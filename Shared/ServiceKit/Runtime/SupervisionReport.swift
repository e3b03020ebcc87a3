import Contract
import FoundationEssentials

/// What the launcher knows of the processes it runs, kept in a small JSON file in the data
/// directory (replaced whole on every change) so that the gateway can report it on `/ready` and
/// `/metrics`: a process stuck in a crash loop cannot say so itself.
public struct SupervisionReport: Codable, Sendable, Equatable {
    /// One process as the launcher sees it.
    public struct Process: Codable, Sendable, Equatable {
        /// `running`, `waitingToRestart` or `stopped`.
        public var state: String
        /// How many times it has been restarted.
        public var restarts: Int
        /// Whether it keeps dying soon after each start and has not stayed up since.
        public var crashLooping: Bool
        /// How it ended last (`exited with status 1`, `was killed by SIGKILL`), if it ever did.
        public var lastExit: String?

        /// Creates an entry.
        public init(state: String, restarts: Int, crashLooping: Bool, lastExit: String?) {
            self.state = state
            self.restarts = restarts
            self.crashLooping = crashLooping
            self.lastExit = lastExit
        }
    }

    /// Each process by name.
    public var processes: [String: Process]

    /// Creates a report.
    public init(processes: [String: Process]) {
        self.processes = processes
    }

    /// The variable through which the launcher tells its children where the file is.
    public static let fileVariable = "ZAPLECZE_SUPERVISION_FILE"
    /// The file's name in the launcher's data directory.
    public static let fileName = "supervision.json"

    /// Replaces the file at `path` atomically (a new file renamed over the old one).
    public func write(to path: String) throws {
        try Data(JSONCoding.encode(self)).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// The report in the file at `path`, or nil when there is none or it cannot be read.
    public static func read(from path: String) -> SupervisionReport? {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path)) else { return nil }
        return try? JSONCoding.decode(SupervisionReport.self, from: Array(data))
    }

    /// The report named by `ZAPLECZE_SUPERVISION_FILE` in `environment`, if any.
    public static func current(environment: [String: String]) -> SupervisionReport? {
        guard let path = environment[fileVariable], !path.isEmpty else { return nil }
        return read(from: path)
    }
}
