#if canImport(Glibc)
    import Glibc
#endif

/// One child the supervisor looks after: a name for messages and the command that starts it.
public struct ChildSpec: Equatable, Sendable {
    /// The name used in messages and events.
    public var name: String
    /// How to start it (again).
    public var command: SpawnCommand

    /// Creates a spec.
    public init(name: String, command: SpawnCommand) {
        self.name = name
        self.command = command
    }
}

/// A child as the supervisor sees it at one moment.
public struct ChildStatus: Equatable, Sendable {
    /// Where a child is in its life.
    public enum State: Equatable, Sendable {
        /// Running with this pid.
        case running(pid: pid_t)
        /// Dead, to be started again after its backoff delay.
        case waitingToRestart
        /// Dead and not to be restarted, because the suite is stopping.
        case stopped
    }

    /// The child's name.
    public var name: String
    /// Its state.
    public var state: State
    /// How many times it has been restarted so far.
    public var restarts: Int
    /// Whether it keeps dying soon after each start (and has not stayed up since).
    public var crashLooping: Bool
    /// How it ended last, if it ever did.
    public var lastExit: ChildExit?

    /// Creates a status.
    public init(name: String, state: State, restarts: Int, crashLooping: Bool = false, lastExit: ChildExit? = nil) {
        self.name = name
        self.state = state
        self.restarts = restarts
        self.crashLooping = crashLooping
        self.lastExit = lastExit
    }

    /// The pid while running, else nil.
    public var pid: pid_t? {
        if case .running(let pid) = state { return pid }
        return nil
    }
}

/// Something the supervisor did or saw, reported in order from its own thread.
public enum SupervisorEvent: Equatable, Sendable {
    /// A child was started; `restart` is 0 for the first start.
    case started(name: String, pid: pid_t, restart: Int)
    /// Every child has been started once (or failed to start); the statuses after that.
    case allStarted([ChildStatus])
    /// A child could not be started.
    case spawnFailed(name: String, error: SpawnError)
    /// A child ended; `exit` is nil if it was reaped elsewhere and the status is unknown.
    case exited(name: String, pid: pid_t, exit: ChildExit?)
    /// A dead child will be started again after `delay`.
    case restartScheduled(name: String, delay: Duration)
    /// A child keeps dying soon after each start: restarted `restarts` times so far, it ended
    /// `lastExit` and waits `delay`. Reported at each death until it stays up.
    case crashLooping(name: String, restarts: Int, lastExit: ChildExit?, delay: Duration)
    /// A crash-looping child has stayed up long enough: its backoff starts over.
    case recovered(name: String)
    /// Stopping began: SIGTERM was sent to `running` children.
    case stopping(running: Int)
    /// A child still alive after the grace period was sent SIGKILL.
    case killed(name: String, pid: pid_t)
    /// Children that did not exit even after SIGKILL; the supervisor stopped waiting for them.
    case abandoned(names: [String])
}

/// Why `Supervisor.run()` returned.
public enum SupervisorOutcome: Equatable, Sendable {
    /// A stop was requested and every child has ended.
    case stopped
}
