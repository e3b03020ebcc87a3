import FoundationEssentials
import Glibc

/// SIGTERM and SIGINT, received synchronously: blocked in every thread (call `blockTermination`
/// before starting any), then taken with sigwait(2) by whoever waits. No async-signal-safety
/// puzzles, and the graceful path runs on an ordinary thread.
public enum Signals {
    /// Blocks SIGTERM and SIGINT in the calling thread; threads started afterwards inherit it.
    public static func blockTermination() {
        var set = terminationSet()
        pthread_sigmask(SIG_BLOCK, &set, nil)
        signal(SIGPIPE, SIG_IGN)
    }

    /// Waits for SIGTERM or SIGINT and returns its number.
    public static func waitForTermination() -> Int32 {
        var set = terminationSet()
        var received: Int32 = 0
        while sigwait(&set, &received) != 0 {}
        return received
    }

    private static func terminationSet() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGTERM)
        sigaddset(&set, SIGINT)
        return set
    }
}
