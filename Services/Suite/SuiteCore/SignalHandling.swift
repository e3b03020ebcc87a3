import Primitives

#if canImport(Glibc)
    import Glibc
#endif

/// Turns SIGTERM/SIGINT into ordinary calls on a dedicated thread, with no async-signal handler.
///
/// The signals are blocked in every thread (the mask is inherited by threads created later, so
/// `block` runs first in `main`), and one thread takes them with sigwait(3). The callback then
/// runs as normal code and may lock, allocate and print, which a signal handler may not.
public enum SignalHandling {
    /// The signals that stop the suite.
    public static let terminationSignals: [Int32] = [SIGTERM, SIGINT]

    /// Blocks the signals in the calling thread and in every thread it creates from now on.
    public static func block(_ signals: [Int32]) {
        var set = makeSet(signals)
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    /// Starts a thread that waits for the signals and calls `handler` with each; the handler
    /// returns whether to keep waiting. Returns once the thread is ready to receive them.
    public static func startWaiting(
        for signals: [Int32],
        handler: @escaping @Sendable (Int32) -> Bool
    ) -> SignalWaiter {
        let waiter = SignalWaiter()
        let ready = Locked(false)
        ThreadHandle.spawn(name: "suite-signals") {
            var set = makeSet(signals)
            // Blocked here too, so a signal aimed at this thread is never delivered by default
            // action even if the caller forgot `block` (sigwait needs it blocked; sigwait(3)).
            pthread_sigmask(SIG_BLOCK, &set, nil)
            waiter.setThread(pthread_self())
            ready.withLock { $0 = true }
            while true {
                var received: Int32 = 0
                let result = sigwait(&set, &received)
                if result == EINTR { continue }
                if result != 0 { break }
                if !handler(received) { break }
            }
            waiter.finish()
        }.detach()
        while !ready.current { usleep(1_000) }
        return waiter
    }

    static func makeSet(_ signals: [Int32]) -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal) }
        return set
    }
}

/// The thread started by `SignalHandling.startWaiting`.
public final class SignalWaiter: @unchecked Sendable {
    private let condition = Lock()
    private var thread: pthread_t?
    private var finished = false

    fileprivate init() {}

    fileprivate func setThread(_ thread: pthread_t) {
        condition.lock()
        self.thread = thread
        condition.unlock()
    }

    fileprivate func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Sends a signal to the waiting thread itself (pthread_kill(3)), which takes it with sigwait.
    public func deliver(_ signal: Int32) {
        condition.lock()
        defer { condition.unlock() }
        if let thread, !finished {
            pthread_kill(thread, signal)
        }
    }

    /// Blocks until the thread has stopped waiting (its handler returned false).
    public func waitUntilFinished() {
        condition.lock()
        while !finished { condition.wait() }
        condition.unlock()
    }
}
