#if canImport(Glibc)
import Glibc
#endif

/// Ties a service process's lifetime to the launcher that started it, so no child outlives it.
///
/// The launcher (`suite`) sets `ZAPLECZE_PARENT_PID` to its own pid in every child's environment.
/// A process started any other way (by hand, by Docker, by a test) does not have the variable, and
/// `bindToParent()` does nothing.
///
/// ```swift
/// installSignalHandlers()      // SIGTERM must already lead to a graceful shutdown
/// ParentWatch.bindToParent()
/// ```
public enum ParentWatch {
    /// The environment variable that carries the launcher's pid.
    public static let parentPIDVariable = "ZAPLECZE_PARENT_PID"

    /// Asks the kernel to send SIGTERM when the launcher dies, and handles a launcher already gone.
    ///
    /// Call it early in `main`, after the SIGTERM handler is installed, so that the signal takes the
    /// normal graceful path. prctl(2) notes that the parent-death signal fires when the parent
    /// *thread* that created the child exits; the launcher therefore spawns from one long-lived
    /// thread. Linux only; elsewhere this does nothing.
    public static func bindToParent() {
        #if canImport(Glibc)
        guard let raw = getenv(parentPIDVariable),
            let expected = pid_t(String(cString: raw)),
            expected > 1
        else {
            return
        }
        guard requestParentDeathSignal(SIGTERM) else {
            return
        }
        // The launcher may have died between posix_spawn and the prctl above; the kernel has then
        // re-parented us (to init or a subreaper) and will never send the signal, so send it now
        // to ourselves rather than exit, so that the usual graceful shutdown runs.
        if getppid() != expected {
            kill(getpid(), SIGTERM)
        }
        #endif
    }

    #if canImport(Glibc)
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
