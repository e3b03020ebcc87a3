import FoundationEssentials
import Glibc
import Primitives
import Synchronization

/// Admission to a `Database`: refuses work after `close()`, refuses a nested call on a thread
/// that is already inside a read or write closure, counts calls in flight and keeps statistics.
///
/// Nesting is refused rather than served because it cannot be served correctly: a nested `write`
/// would wait for the writer its own thread holds (deadlock), and a nested `read` would either
/// exhaust the pool or read a snapshot that misses the enclosing write's own changes.
///
/// Every read and write passes here twice, from many threads at once, so the common path takes no
/// lock: counters are atomics and "is this thread inside?" is a thread-local list. Only `close`
/// and the last call leaving after it meet under `condition`.
final class DatabaseGate: Sendable {
    enum Kind {
        case read, write, migrate
    }

    /// A call refused at the door; the last call out after a `close` must release the handles.
    struct Refusal: Error {
        let error: SQLiteError
        let mustReleaseHandles: Bool
    }

    private let condition = Lock()
    private let isClosed = Atomic<Bool>(false)
    private let handlesReleased = Atomic<Bool>(false)
    private let inFlight = Atomic<Int>(0)
    private let reads = Atomic<Int>(0)
    private let failedReads = Atomic<Int>(0)
    private let readNanoseconds = Atomic<UInt64>(0)
    private let writes = Atomic<Int>(0)
    private let failedWrites = Atomic<Int>(0)
    private let writeNanoseconds = Atomic<UInt64>(0)

    /// This gate's mark in a thread's list of gates it is inside.
    private var identity: UInt { UInt(bitPattern: ObjectIdentifier(self)) }

    /// Admits the calling thread; returns the start time in nanoseconds for `leave`.
    func enter(_ kind: Kind) throws(Refusal) -> UInt64 {
        let closed = SQLiteError.misuse("database is closed")
        guard !isClosed.load(ordering: .sequentiallyConsistent) else {
            throw Refusal(error: closed, mustReleaseHandles: false)
        }
        guard !ThreadGates.contains(identity) else {
            throw Refusal(
                error: SQLiteError.misuse(
                    "read/write/migrate called inside a read or write closure on the same thread; "
                        + "use the Connection the closure received"), mustReleaseHandles: false)
        }
        inFlight.wrappingAdd(1, ordering: .sequentiallyConsistent)
        // A `close` between the check above and the count: step back out, as a call that ends.
        if isClosed.load(ordering: .sequentiallyConsistent) {
            throw Refusal(error: closed, mustReleaseHandles: departed())
        }
        ThreadGates.insert(identity)
        return MonotonicClock.now()
    }

    /// Records the finished call. Returns true if the caller must now release the handles
    /// (the database was closed from inside a closure and this was the last call in flight).
    func leave(_ kind: Kind, started: UInt64, failed: Bool) -> Bool {
        let nanoseconds = MonotonicClock.now() &- started
        ThreadGates.remove(identity)
        switch kind {
        case .read:
            reads.wrappingAdd(1, ordering: .relaxed)
            readNanoseconds.wrappingAdd(nanoseconds, ordering: .relaxed)
            if failed { failedReads.wrappingAdd(1, ordering: .relaxed) }
        case .write:
            writes.wrappingAdd(1, ordering: .relaxed)
            writeNanoseconds.wrappingAdd(nanoseconds, ordering: .relaxed)
            if failed { failedWrites.wrappingAdd(1, ordering: .relaxed) }
        case .migrate:
            break
        }
        return departed()
    }

    /// Refuses new calls, waits for those in flight, and returns true if the caller must release
    /// the handles. Called from inside a closure it cannot wait for itself, so it returns false
    /// and the last call to `leave` releases them instead.
    func close() -> Bool {
        isClosed.store(true, ordering: .sequentiallyConsistent)
        guard !ThreadGates.contains(identity) else { return false }
        condition.lock()
        while inFlight.load(ordering: .sequentiallyConsistent) > 0 { _ = condition.wait() }
        condition.unlock()
        return takeRelease()
    }

    /// Reads, writes and time spent; the writer's own counters are added by `Database`.
    var statistics: DatabaseStatistics {
        var statistics = DatabaseStatistics()
        statistics.reads = reads.load(ordering: .relaxed)
        statistics.failedReads = failedReads.load(ordering: .relaxed)
        statistics.readSeconds = Double(readNanoseconds.load(ordering: .relaxed)) / 1e9
        statistics.writes = writes.load(ordering: .relaxed)
        statistics.failedWrites = failedWrites.load(ordering: .relaxed)
        statistics.writeSeconds = Double(writeNanoseconds.load(ordering: .relaxed)) / 1e9
        return statistics
    }

    /// Counts a call out; once the gate is closed, the last one out wakes `close` and may have
    /// to release the handles.
    private func departed() -> Bool {
        let remaining = inFlight.wrappingSubtract(1, ordering: .sequentiallyConsistent).newValue
        guard remaining == 0, isClosed.load(ordering: .sequentiallyConsistent) else { return false }
        // Taken so the wake-up cannot fall between `close` checking the count and waiting.
        condition.withLock { condition.broadcast() }
        return takeRelease()
    }

    /// Exactly one caller gets true, once the gate is closed and nothing is in flight.
    private func takeRelease() -> Bool {
        guard isClosed.load(ordering: .sequentiallyConsistent), inFlight.load(ordering: .sequentiallyConsistent) == 0
        else {
            return false
        }
        return handlesReleased.compareExchange(expected: false, desired: true, ordering: .sequentiallyConsistent)
            .exchanged
    }
}
