import Primitives

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a set of child processes, restarts those that die (backing off a crash loop, never giving
/// up on it), and stops them all on request.
///
/// `run()` does all spawning on the thread that calls it and returns only when supervision ends,
/// so that thread lives as long as the children: prctl(2) sends the parent-death signal when the
/// *thread* that created a child exits, so spawning from short-lived threads would kill children.
/// Each child's exit is reaped by a thread blocked in waitpid(2) on that pid alone, so processes
/// started by other code in the same program are never reaped by mistake.
public final class Supervisor: @unchecked Sendable {
    /// The supervisor's numbers.
    public struct Configuration: Sendable {
        /// How long to wait before each restart.
        public var restartPolicy: RestartPolicy.Configuration
        /// How long children get after SIGTERM before SIGKILL.
        public var stopGracePeriod: Duration
        /// How long to wait for children to vanish after SIGKILL before giving up on them.
        public var killWait: Duration

        /// Creates a configuration; the defaults are the suite's (12 s grace).
        public init(
            restartPolicy: RestartPolicy.Configuration = .init(),
            stopGracePeriod: Duration = .seconds(12),
            killWait: Duration = .seconds(5)
        ) {
            self.restartPolicy = restartPolicy
            self.stopGracePeriod = stopGracePeriod
            self.killWait = killWait
        }
    }

    private struct Record {
        var spec: ChildSpec
        var policy: RestartPolicy
        var state: ChildStatus.State = .stopped
        var startedAt = MonotonicInstant(nanoseconds: 0)
        var restartAt: MonotonicInstant?
        var restarts = 0
        var lastExit: ChildExit?

        var pid: pid_t? {
            if case .running(let pid) = state { return pid }
            return nil
        }
    }

    private let configuration: Configuration
    private let spawner: ProcessSpawner
    private let clock: MonotonicClock
    private let onEvent: @Sendable (SupervisorEvent) -> Void
    private let condition = Lock()

    // Guarded by `condition`.
    private var records: [Record]
    private var exits: [(pid: pid_t, exit: ChildExit?)] = []
    private var stopRequested = false
    private var killRequested = false
    private var stopDeadline: MonotonicInstant?
    private var killDeadline: MonotonicInstant?

    /// Creates a supervisor; nothing starts until `run()`.
    public init(
        children: [ChildSpec],
        configuration: Configuration = Configuration(),
        spawner: ProcessSpawner = ProcessSpawner(),
        clock: MonotonicClock = .system,
        onEvent: @escaping @Sendable (SupervisorEvent) -> Void
    ) {
        self.configuration = configuration
        self.spawner = spawner
        self.clock = clock
        self.onEvent = onEvent
        self.records = children.map {
            Record(spec: $0, policy: RestartPolicy(configuration: configuration.restartPolicy))
        }
    }

    /// Asks for a stop, from any thread: SIGTERM to all, SIGKILL after the grace period. A second
    /// request sends SIGKILL at once (an impatient second Ctrl-C).
    public func requestStop() {
        condition.lock()
        if stopRequested { killRequested = true }
        stopRequested = true
        condition.broadcast()
        condition.unlock()
    }

    /// The children's current states.
    public func snapshot() -> [ChildStatus] {
        condition.lock()
        defer { condition.unlock() }
        return statuses()
    }

    /// Starts every child and supervises them until a stop completes.
    public func run() -> SupervisorOutcome {
        var events: [SupervisorEvent] = []
        condition.lock()
        for index in records.indices {
            start(index, restart: false, events: &events)
        }
        events.append(.allStarted(statuses()))
        while true {
            let outcome = step(events: &events)
            if !events.isEmpty {
                // Never call out while holding the lock: the handler may call snapshot().
                condition.unlock()
                events.forEach(onEvent)
                events.removeAll()
                condition.lock()
                continue
            }
            if let outcome {
                condition.unlock()
                return outcome
            }
            if let deadline = nextDeadline() {
                let nanoseconds = (deadline - clock.instant()).wholeNanoseconds
                if nanoseconds > 0 {
                    _ = condition.wait(
                        untilMonotonicNanoseconds: MonotonicClock.now() &+ UInt64(nanoseconds))
                }
            } else {
                condition.wait()
            }
        }
    }

    // MARK: - Steps (called with the lock held)

    /// Handles whatever is due now; returns an outcome when supervision is over.
    private func step(events: inout [SupervisorEvent]) -> SupervisorOutcome? {
        let now = clock.instant()
        for (pid, exit) in exits {
            childExited(pid: pid, exit: exit, at: now, events: &events)
        }
        exits.removeAll()

        if stopRequested && stopDeadline == nil {
            stopDeadline = now + configuration.stopGracePeriod
            for index in records.indices where records[index].pid == nil {
                records[index].state = .stopped
                records[index].restartAt = nil
            }
            let running = records.compactMap(\.pid)
            running.forEach { ProcessSpawner.send(SIGTERM, to: $0) }
            events.append(.stopping(running: running.count))
        }
        if let stopDeadline {
            let running = records.indices.filter { records[$0].pid != nil }
            if running.isEmpty {
                return .stopped
            }
            if killDeadline == nil && (killRequested || now >= stopDeadline) {
                killDeadline = now + configuration.killWait
                for index in running {
                    if let pid = records[index].pid {
                        ProcessSpawner.send(SIGKILL, to: pid)
                        events.append(.killed(name: records[index].spec.name, pid: pid))
                    }
                }
            } else if let killDeadline, now >= killDeadline {
                events.append(.abandoned(names: running.map { records[$0].spec.name }))
                for index in running { records[index].state = .stopped }
            }
            return nil
        }

        for index in records.indices {
            if records[index].state == .waitingToRestart, let at = records[index].restartAt, at <= now {
                start(index, restart: true, events: &events)
            } else if records[index].pid != nil,
                records[index].policy.childIsUp(startedAt: records[index].startedAt, now: now)
            {
                events.append(.recovered(name: records[index].spec.name))
            }
        }
        return nil
    }

    private func start(_ index: Int, restart: Bool, events: inout [SupervisorEvent]) {
        if restart { records[index].restarts += 1 }
        records[index].restartAt = nil
        let now = clock.instant()
        records[index].startedAt = now
        do {
            let pid = try spawner.spawn(records[index].spec.command)
            records[index].state = .running(pid: pid)
            events.append(.started(name: records[index].spec.name, pid: pid, restart: records[index].restarts))
            watch(pid)
        } catch {
            events.append(.spawnFailed(name: records[index].spec.name, error: error))
            records[index].state = .stopped
            decide(index, diedAt: now, events: &events)
        }
    }

    private func childExited(pid: pid_t, exit: ChildExit?, at now: MonotonicInstant, events: inout [SupervisorEvent]) {
        guard let index = records.firstIndex(where: { $0.pid == pid }) else { return }
        records[index].state = .stopped
        records[index].lastExit = exit
        events.append(.exited(name: records[index].spec.name, pid: pid, exit: exit))
        if stopDeadline == nil && !stopRequested {
            decide(index, diedAt: now, events: &events)
        }
    }

    private func decide(_ index: Int, diedAt now: MonotonicInstant, events: inout [SupervisorEvent]) {
        let name = records[index].spec.name
        let delay = records[index].policy.childDied(startedAt: records[index].startedAt, diedAt: now)
        records[index].state = .waitingToRestart
        records[index].restartAt = now + delay
        events.append(.restartScheduled(name: name, delay: delay))
        if records[index].policy.isCrashLooping {
            events.append(
                .crashLooping(
                    name: name, restarts: records[index].restarts, lastExit: records[index].lastExit, delay: delay))
        }
    }

    private func nextDeadline() -> MonotonicInstant? {
        if stopDeadline != nil {
            return killDeadline ?? stopDeadline
        }
        let stable = records.compactMap { record in
            record.pid == nil ? nil : record.policy.stableAt(startedAt: record.startedAt)
        }
        return (records.compactMap(\.restartAt) + stable).min()
    }

    private func statuses() -> [ChildStatus] {
        records.map {
            ChildStatus(
                name: $0.spec.name, state: $0.state, restarts: $0.restarts, crashLooping: $0.policy.isCrashLooping,
                lastExit: $0.lastExit)
        }
    }

    /// Reaps one child on a thread of its own and reports its exit to the supervising thread.
    private func watch(_ pid: pid_t) {
        ThreadHandle.spawn(name: "suite-wait-\(pid)", stackSize: 256 * 1024) { [self] in
            let exit = try? ProcessSpawner.waitForExit(pid)
            condition.lock()
            exits.append((pid, exit))
            condition.broadcast()
            condition.unlock()
        }.detach()
    }
}
