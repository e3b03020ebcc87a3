import Dispatch
import FoundationEssentials
import Glibc
import Primitives

/// Admission to a `Database`: refuses work after `close()`, refuses a nested call on a thread
/// that is already inside a read or write closure, counts calls in flight and keeps statistics.
///
/// Nesting is refused rather than served because it cannot be served correctly: a nested `write`
/// would wait for the writer its own thread holds (deadlock), and a nested `read` would either
/// exhaust the pool or read a snapshot that misses the enclosing write's own changes.
final class DatabaseGate: @unchecked Sendable {
    // @unchecked: every stored property is only touched with `condition` locked.

    enum Kind {
        case read, write, migrate
    }

    private let condition = Lock()
    private var isClosed = false
    private var handlesReleased = false
    private var inFlight = 0
    /// Threads currently inside a read, write or migrate call on this database.
    private var activeThreads = Set<pthread_t>()
    private var counters = DatabaseStatistics()

    /// Admits the calling thread; returns the start time in nanoseconds for `leave`.
    func enter(_ kind: Kind) throws -> UInt64 {
        let thread = pthread_self()
        condition.lock()
        defer { condition.unlock() }
        guard !isClosed else { throw SQLiteError.misuse("database is closed") }
        guard !activeThreads.contains(thread) else {
            throw SQLiteError.misuse(
                "read/write/migrate called inside a read or write closure on the same thread; "
                    + "use the Connection the closure received")
        }
        activeThreads.insert(thread)
        inFlight += 1
        return DispatchTime.now().uptimeNanoseconds
    }

    /// Records the finished call. Returns true if the caller must now release the handles
    /// (the database was closed from inside a closure and this was the last call in flight).
    func leave(_ kind: Kind, started: UInt64, failed: Bool) -> Bool {
        let seconds = Double(DispatchTime.now().uptimeNanoseconds &- started) / 1_000_000_000
        condition.lock()
        defer { condition.unlock() }
        activeThreads.remove(pthread_self())
        inFlight -= 1
        switch kind {
        case .read:
            counters.reads += 1
            counters.readSeconds += seconds
            if failed { counters.failedReads += 1 }
        case .write:
            counters.writes += 1
            counters.writeSeconds += seconds
            if failed { counters.failedWrites += 1 }
        case .migrate:
            break
        }
        if inFlight == 0 { condition.broadcast() }
        return takeRelease()
    }

    /// Refuses new calls, waits for those in flight, and returns true if the caller must release
    /// the handles. Called from inside a closure it cannot wait for itself, so it returns false
    /// and the last call to `leave` releases them instead.
    func close() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        isClosed = true
        guard !activeThreads.contains(pthread_self()) else { return false }
        while inFlight > 0 { condition.wait() }
        return takeRelease()
    }

    /// Reads, writes and time spent; the writer's own counters are added by `Database`.
    var statistics: DatabaseStatistics {
        condition.lock()
        defer { condition.unlock() }
        return counters
    }

    /// Exactly one caller gets true, once the gate is closed and nothing is in flight.
    private func takeRelease() -> Bool {
        guard isClosed, inFlight == 0, !handlesReleased else { return false }
        handlesReleased = true
        return true
    }
}
