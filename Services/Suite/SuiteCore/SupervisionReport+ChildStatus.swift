import ServiceKit

extension SupervisionReport {
    /// The report of the supervisor's children as they are now.
    public init(_ statuses: [ChildStatus]) {
        var processes: [String: Process] = [:]
        for status in statuses {
            let state: String
            switch status.state {
            case .running: state = "running"
            case .waitingToRestart: state = "waitingToRestart"
            case .stopped: state = "stopped"
            }
            processes[status.name] = Process(
                state: state, restarts: status.restarts, crashLooping: status.crashLooping,
                lastExit: status.lastExit?.description)
        }
        self.init(processes: processes)
    }

    /// Where the launcher keeps the report for a data directory.
    public static func path(inDataDirectory directory: String) -> String {
        (directory.hasSuffix("/") ? directory : directory + "/") + fileName
    }
}
