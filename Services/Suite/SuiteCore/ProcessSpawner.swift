#if canImport(Glibc)
    import Glibc
#endif

/// What to start: an executable, its arguments and its whole environment.
public struct SpawnCommand: Equatable, Sendable {
    /// Absolute path of the executable (no PATH search).
    public var executablePath: String
    /// The arguments after argv[0], which is the executable path.
    public var arguments: [String]
    /// The child's complete environment.
    public var environment: [String: String]

    /// Creates a command.
    public init(executablePath: String, arguments: [String] = [], environment: [String: String] = [:]) {
        self.executablePath = executablePath
        self.arguments = arguments
        self.environment = environment
    }
}

/// Starts child processes with posix_spawn(3) and waits for them.
///
/// Every child gets a clean signal state (empty mask, default dispositions) because a launcher
/// blocks SIGTERM/SIGINT for sigwait and both the mask and ignored signals survive execve(2).
/// Each child gets its own process group, so a Ctrl-C on the terminal reaches only the launcher,
/// which then stops the children in order. Its stdin is /dev/null; stdout and stderr are inherited.
public struct ProcessSpawner: Sendable {
    /// Creates a spawner.
    public init() {}

    /// Starts the command and returns the child's pid; fails if the executable cannot be run.
    public func spawn(_ command: SpawnCommand) throws(SpawnError) -> pid_t {
        var attributes = posix_spawnattr_t()
        var actions = posix_spawn_file_actions_t()
        guard posix_spawnattr_init(&attributes) == 0 else {
            throw .failed(path: command.executablePath, errno: errno)
        }
        defer { posix_spawnattr_destroy(&attributes) }
        guard posix_spawn_file_actions_init(&actions) == 0 else {
            throw .failed(path: command.executablePath, errno: errno)
        }
        defer { posix_spawn_file_actions_destroy(&actions) }

        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD, SIGUSR1, SIGUSR2] {
            sigaddset(&defaults, signal)
        }
        let flags = Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF) | Int32(POSIX_SPAWN_SETPGROUP)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(truncatingIfNeeded: flags))
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)

        let argv = CStringArray([command.executablePath] + command.arguments)
        let envp = CStringArray(command.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        var pid: pid_t = 0
        // posix_spawn returns the error number instead of setting errno; glibc reports a failed
        // execve (ENOENT, EACCES, ENOEXEC) here too, since it spawns with CLONE_VFORK.
        let result = posix_spawn(&pid, command.executablePath, &actions, &attributes, argv.pointers, envp.pointers)
        guard result == 0 else {
            throw .failed(path: command.executablePath, errno: result)
        }
        return pid
    }

    /// Blocks until the child exits and reaps it (waitpid(2), retried on EINTR).
    public static func waitForExit(_ pid: pid_t) throws(SpawnError) -> ChildExit {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, 0)
            if result == pid {
                return ChildExit(waitStatus: status)
            }
            if result < 0 && errno == EINTR {
                continue
            }
            throw .waitFailed(pid: pid, errno: errno)
        }
    }

    /// Sends a signal to one child by pid; false if it is already gone.
    @discardableResult
    public static func send(_ signal: Int32, to pid: pid_t) -> Bool {
        // pid must be positive: kill(0 or -1, …) would reach a whole group or every process.
        guard pid > 0 else { return false }
        return kill(pid, signal) == 0
    }
}

/// Why a child could not be started or waited for.
public enum SpawnError: Error, Equatable, CustomStringConvertible {
    /// posix_spawn failed for this executable.
    case failed(path: String, errno: Int32)
    /// waitpid failed (ECHILD: not our child, or already reaped).
    case waitFailed(pid: pid_t, errno: Int32)

    public var description: String {
        switch self {
        case .failed(let path, let code):
            return "cannot start \(path): \(String(cString: strerror(code)))"
        case .waitFailed(let pid, let code):
            return "cannot wait for pid \(pid): \(String(cString: strerror(code)))"
        }
    }
}

/// A NULL-terminated array of C strings, owned and freed by this object.
private final class CStringArray {
    let pointers: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    private let count: Int

    init(_ strings: [String]) {
        count = strings.count + 1
        pointers = .allocate(capacity: count)
        for (index, string) in strings.enumerated() {
            (pointers + index).initialize(to: strdup(string))
        }
        (pointers + strings.count).initialize(to: nil)
    }

    deinit {
        for index in 0..<count { free(pointers[index]) }
        pointers.deinitialize(count: count)
        pointers.deallocate()
    }
}
