import Primitives

/// One `write` closure waiting in the group-commit queue, and the outcome its caller collects.
///
/// The caller sleeps on the job's own lock until the leader either finishes it (its batch
/// committed, `error` says how it went) or hands it the writer to lead the next batch. Waking
/// exactly the callers concerned, instead of every waiter at each commit, keeps a busy writer
/// from waking a dozen threads per batch only to send them back to sleep.
///
/// `work` wraps a non-escaping closure (via `withoutActuallyEscaping`), so the leader must drop it
/// before finishing the job.
final class WriteJob: @unchecked Sendable {
    // @unchecked: `work` and `error` are written by the leader before `finish()` and read by the
    // caller after `waitForTurn()` returned, both ordered by `signal`; `turn` only under `signal`.

    /// What the waiting caller is woken for.
    enum Turn {
        /// The job's batch has finished; `error` holds its outcome.
        case done
        /// The writer is the caller's: it leads the next batch.
        case lead
    }

    var work: ((Connection) throws -> Void)?
    var error: (any Error)?
    private let signal = Lock()
    private var turn: Turn?

    init(_ work: @escaping (Connection) throws -> Void) {
        self.work = work
    }

    /// Runs the closure once; a job without work (already run or dropped) does nothing.
    func run(on connection: Connection) throws {
        guard let work else { return }
        try work(connection)
    }

    /// Sleeps until the job is finished or its caller must lead; returns at once if either
    /// happened already. A call to lead is taken by returning it once.
    func waitForTurn() -> Turn {
        signal.lock()
        defer { signal.unlock() }
        while true {
            switch turn {
            case .done: return .done
            case .lead:
                turn = nil
                return .lead
            case nil:
                signal.wait()
            }
        }
    }

    /// Wakes the caller: its batch has finished.
    func finish() { wake(.done) }

    /// Wakes the caller to lead the next batch; the writer is already reserved for it.
    func promote() { wake(.lead) }

    private func wake(_ next: Turn) {
        signal.lock()
        // A finished job stays finished.
        if turn != .done { turn = next }
        signal.signal()
        signal.unlock()
    }
}
