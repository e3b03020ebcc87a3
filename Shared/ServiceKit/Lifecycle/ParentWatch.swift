import Primitives

#if canImport(Glibc)
    import Glibc
#endif

/// Ties a process's lifetime to the process that started it, so that nothing outlives it.
///
/// The launcher (`suite`) sets `ZAPLECZE_PARENT_PID` to its own pid in every child's environment,
/// and the test harness sets it to the test process's pid for the launcher it starts. A process
/// started any other way (by hand, by Docker) does not have the variable, and `bindToParent()`
/// does nothing.
///
/// ```swift
/// installSignalHandlers()      // SIGTERM must already lead to a graceful shutdown
/// ParentWatch.bindToParent()
/// ```
public enum ParentWatch {
    /// The environment variable that carries the parent's pid.
    public static let parentPIDVariable = "ZAPLECZE_PARENT_PID"

    /// How a process learns that the one it is bound to has ended.
    public enum Method: Sendable {
        /// The kernel sends SIGTERM at once. prctl(2) notes that the signal fires when the parent
        /// *thread* that created the child exits, so this suits only a parent that starts its
        /// children from one long-lived thread, as the launcher does.
        case parentDeathSignal
        /// A thread looks every `interval` whether the process still exists, and sends SIGTERM
        /// once it does not: for a parent whose threads come and go (a test runner).
        case polling(interval: Duration)
    }

    /// Sends SIGTERM to this process when the process named by `ZAPLECZE_PARENT_PID` ends, and
    /// at once when it has already gone.
    ///
    /// Call it early in `main`, after SIGTERM is blocked or handled, so that the signal takes the
    /// normal graceful path (a polling thread inherits the calling thread's signal mask). Linux
    /// only; elsewhere this does nothing.
    public static func bindToParent(_ method: Method = .parentDeathSignal) {
        #if canImport(Glibc)
            guard let raw = getenv(parentPIDVariable),
                let expected = pid_t(String(cString: raw)),
                expected > 1
            else {
                return
            }
            switch method {
            case .parentDeathSignal:
                guard requestParentDeathSignal(SIGTERM) else {
                    return
                }
                // The launcher may have died between posix_spawn and the prctl above; the kernel has
                // then re-parented us (to init or a subreaper) and will never send the signal, so
                // send it now to ourselves rather than exit, so that the usual graceful shutdown runs.
                if getppid() != expected {
                    kill(getpid(), SIGTERM)
                }
            case .polling(let interval):
                let micros = UInt32(clamping: max(interval.nanoseconds / 1_000, 1_000))
                ThreadHandle.spawn(name: "parent-watch", stackSize: 256 * 1024) {
                    while !hasEnded(expected) { usleep(micros) }
                    kill(getpid(), SIGTERM)
                }.detach()
            }
        #endif
    }

    #if canImport(Glibc)
        /// Whether `pid` has ended: there is no such process (kill(2) with signal 0 fails with
        /// ESRCH), or it is a zombie its own parent has not reaped yet (proc(5), state Z or X).
        static func hasEnded(_ pid: pid_t) -> Bool {
            if kill(pid, 0) != 0 { return errno == ESRCH }
            let fd = open("/proc/\(pid)/stat", O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return errno == ENOENT }
            defer { close(fd) }
            var bytes = [UInt8](repeating: 0, count: 512)
            let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { return false }
            // "pid (comm) state …": comm may hold spaces and parentheses, so the state follows the
            // last ')'.
            let stat = bytes[0..<count]
            guard let commEnd = stat.lastIndex(of: UInt8(ascii: ")")), commEnd + 2 < count else { return false }
            let state = stat[commEnd + 2]
            return state == UInt8(ascii: "Z") || state == UInt8(ascii: "X")
        }

        /// `PR_SET_PDEATHSIG` from <linux/prctl.h>; Swift's Glibc module does not export it.
        private static let setParentDeathSignal: Int32 = 1

        /// Calls prctl(PR_SET_PDEATHSIG, signal) through dlsym, because prctl is variadic in C and
        /// Swift does not import variadic functions. On the Linux ABIs (x86-64 SysV, AAPCS64) integer
        /// arguments reach a variadic function the same way as a fixed-arity one.
        private static func requestParentDeathSignal(_ signal: Int32) -> Bool {
            typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
            guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "prctl") else {
                return false
            }
            let prctl = unsafeBitCast(symbol, to: Prctl.self)
            return prctl(setParentDeathSignal, UInt(signal), 0, 0, 0) == 0
        }
    #endif
}
