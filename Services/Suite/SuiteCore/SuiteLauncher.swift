import FoundationEssentials
import HTTP
import Primitives
import ServiceKit

#if canImport(Glibc)
    import Glibc
#endif

/// `suite`: starts the gateway and the five services, supervises them, and stops them together.
public enum SuiteLauncher {
    /// Exit status for a bad flag or environment variable.
    public static let usageExitCode: Int32 = 2

    /// Runs the launcher to completion and returns the process exit status.
    ///
    /// SIGTERM and SIGINT are blocked first, before any thread exists, so that every later thread
    /// inherits the mask and only the sigwait thread ever sees them.
    ///
    /// `services` are the definitions the executable links, one per `SuiteService`: each child is
    /// this same executable run as `suite serve <name>`, which hands over to `ServiceApp.main`.
    public static func main(arguments: [String], environment: [String: String], services: [ServiceDefinition]) -> Int32
    {
        if arguments.first == "serve" {
            serve(arguments, services: services)
        }
        SignalHandling.block(SignalHandling.terminationSignals)
        // A closed stdout (suite | head) must not kill the launcher and orphan the children;
        // the children get SIGPIPE back at its default (ProcessSpawner resets it).
        signal(SIGPIPE, SIG_IGN)
        // Started by a test, the launcher must not outlive the test process even if it crashes.
        // Polled rather than PR_SET_PDEATHSIG: a test runner starts processes from threads that
        // come and go, and the signal would fire when that thread ends.
        ParentWatch.bindToParent(.polling(interval: .milliseconds(200)))
        let options: LauncherOptions
        do {
            switch try LauncherOptions.parse(arguments) {
            case .help:
                Console.out(LauncherOptions.usage)
                return 0
            case .run(let parsed):
                options = parsed
            case .serve:
                return usageExitCode  // handled before anything else, above
            }
        } catch {
            Console.error(error.description)
            return usageExitCode
        }

        do {
            try FileManager.default.createDirectory(
                atPath: options.dataDirectory, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
        } catch {
            Console.error("cannot create the data directory \(options.dataDirectory): \(error)")
            return 1
        }

        // Another suite (or anything else) on one of the ports: say which, and start nothing.
        for (service, port) in options.ports.entries {
            do {
                try HTTPServer.checkPortIsFree(
                    host: SuiteEnvironment.bindHost(for: service, options: options), port: port)
            } catch {
                Console.error("suite: cannot start \(service.name): \(error)")
                return 1
            }
        }

        let secretsFile = SecretsFile(directory: options.dataDirectory)
        let resolution: SecretsFile.Resolution
        do {
            resolution = try secretsFile.resolve(environment: environment)
        } catch {
            Console.error(error.description)
            if case .invalidVariable = error { return usageExitCode }
            return 1
        }
        Console.out(keysAnnouncement(resolution, file: secretsFile, environment: environment))

        let executable: String
        do {
            executable = try ExecutableLocator.ownPath()
        } catch {
            Console.error(error.description)
            return 1
        }
        let missing = SuiteService.all.filter { service in !services.contains { $0.name == service.name } }
        guard missing.isEmpty else {
            Console.error("this build of suite lacks \(missing.map(\.name).joined(separator: ", "))")
            return 1
        }

        let childEnvironment = SuiteEnvironment.childEnvironment(
            inherited: environment, secrets: resolution.secrets, options: options, launcherPID: getpid())
        let children = SuiteService.all.map { service in
            ChildSpec(
                name: service.name,
                command: SpawnCommand(
                    executablePath: executable,
                    arguments: ["serve", service.name] + SuiteEnvironment.arguments(for: service, options: options),
                    environment: childEnvironment))
        }
        return supervise(children, options: options)
    }

    private static func supervise(_ children: [ChildSpec], options: LauncherOptions) -> Int32 {
        let started = MonotonicClock.system.instant()
        let stopping = StopFlag()
        let reportPath = SupervisionReport.path(inDataDirectory: options.dataDirectory)
        let current = Locked<Supervisor?>(nil)
        let supervisor = Supervisor(children: children) { event in
            report(event, options: options)
            if case .allStarted = event {
                startReadinessWatch(options: options, since: started, stopping: stopping)
            }
            // Every change reaches the gateway's /ready and /metrics through the report file.
            if let statuses = current.withLock({ $0 })?.snapshot() {
                do {
                    try SupervisionReport(statuses).write(to: reportPath)
                } catch {
                    Console.error("cannot write \(reportPath): \(error)")
                }
            }
        }
        current.withLock { $0 = supervisor }
        defer { unlink(reportPath) }
        let signals = SignalHandling.startWaiting(for: SignalHandling.terminationSignals) { signal in
            Console.out("suite: \(ChildExit.signalName(signal)) received, stopping")
            stopping.set()
            supervisor.requestStop()
            return true
        }
        _ = signals
        switch supervisor.run() {
        case .stopped:
            Console.out("suite: stopped")
            return 0
        }
    }

    /// Runs one service in this process (`suite serve <name> [flags]`); never returns.
    private static func serve(_ arguments: [String], services: [ServiceDefinition]) -> Never {
        do {
            guard case .serve(let service, let flags) = try LauncherOptions.parse(arguments),
                let definition = services.first(where: { $0.name == service.name })
            else {
                Console.error("this build of suite cannot serve \(arguments.dropFirst().first ?? "")")
                exit(1)
            }
            ServiceApp.main(definition, arguments: flags)
        } catch {
            Console.error(error.description)
            exit(usageExitCode)
        }
    }

    /// What the launcher says of the API keys on every start, so that they are at hand however
    /// long ago they were generated: the keys kept in the secrets file (or generated now) with
    /// the file's path; of keys given in the environment, only that they come from there.
    public static func keysAnnouncement(
        _ resolution: SecretsFile.Resolution, file: SecretsFile, environment: [String: String]
    ) -> String {
        var lines: [String] = []
        if !resolution.generated.isEmpty {
            lines.append(
                "suite: generated \(resolution.generated.map(\.rawValue).joined(separator: ", ")); saved in \(file.path)"
            )
        }
        let values = resolution.secrets.environment
        let shown = SecretVariable.allCases.filter(\.isShownWhenGenerated)
        let fromFile = shown.filter { environment[$0.rawValue] == nil }
        if !fromFile.isEmpty {
            lines.append("suite: API keys (kept in \(file.path)):")
            lines += fromFile.map { "  \($0.rawValue)=\(values[$0.rawValue] ?? "")" }
        }
        for variable in shown where environment[variable.rawValue] != nil {
            lines.append("suite: \(variable.rawValue) is taken from the environment")
        }
        return lines.joined(separator: "\n")
    }

    private static func report(_ event: SupervisorEvent, options: LauncherOptions) {
        switch event {
        case .allStarted(let statuses):
            Console.out(table(statuses, options: options))
        case .started(let name, let pid, let restart) where restart > 0:
            Console.out("suite: \(name) restarted (pid \(pid), restart \(restart))")
        case .started:
            break
        case .spawnFailed(let name, let error):
            Console.error("\(name): \(error.description)")
        case .exited(let name, let pid, let exit):
            Console.out("suite: \(name) (pid \(pid)) \(exit?.description ?? "ended")")
        case .restartScheduled(let name, let delay):
            Console.out("suite: restarting \(name) in \(delay.wholeMilliseconds) ms")
        case .crashLooping(let name, let restarts, let lastExit, let delay):
            Console.error(
                "\(name) is crash-looping: restarted \(restarts) times, last \(lastExit?.description ?? "ended"); "
                    + "next start in \(delay.wholeMilliseconds) ms (the backoff doubles up to 30 s)")
        case .recovered(let name):
            Console.out("suite: \(name) has stayed up; its crash loop is over")
        case .stopping(let running):
            Console.out("suite: sending SIGTERM to \(running) processes")
        case .killed(let name, let pid):
            Console.error("\(name) (pid \(pid)) did not stop in time; sent SIGKILL")
        case .abandoned(let names):
            Console.error("\(names.joined(separator: ", ")) did not exit even after SIGKILL")
        }
    }

    /// The table of what runs where.
    static func table(_ statuses: [ChildStatus], options: LauncherOptions) -> String {
        var lines = ["suite: running", "  " + pad("NAME", 15) + pad("PID", 9) + "URL"]
        for status in statuses {
            let url = SuiteService.named(status.name).map { SuiteEnvironment.baseURL(of: $0, options: options) } ?? ""
            let pid = status.pid.map(String.init) ?? "-"
            lines.append("  " + pad(status.name, 15) + pad(pid, 9) + url)
        }
        return lines.joined(separator: "\n")
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    private static func startReadinessWatch(
        options: LauncherOptions, since started: MonotonicInstant, stopping: StopFlag
    ) {
        let targets = SuiteService.all.map { service in
            ReadinessWaiter.Target(
                name: service.name,
                host: HostAddress.connectable(SuiteEnvironment.bindHost(for: service, options: options)),
                port: options.ports.port(for: service))
        }
        ThreadHandle.spawn(name: "suite-readiness") {
            let report = ReadinessWaiter(targets: targets).wait { !stopping.isSet }
            guard !stopping.isSet else { return }
            let total = (MonotonicClock.system.instant() - started).wholeMilliseconds
            if report.notReady.isEmpty {
                Console.out("suite: ready in \(total) ms")
            } else {
                Console.error(
                    "not ready after \(total) ms: \(report.notReady.joined(separator: ", ")); the rest keep running")
            }
        }.detach()
    }
}

/// A flag set once from the signal thread and read by the readiness thread.
private final class StopFlag: @unchecked Sendable {
    private let lock = Lock()
    private var value = false

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }
}
