/// One `write` closure waiting in the group-commit queue, and the outcome its caller collects.
///
/// The caller blocks until `isDone`; meanwhile the current leader runs `work` on its own thread
/// and stores `error`. `work` wraps a non-escaping closure (via `withoutActuallyEscaping`), so
/// the leader must drop it before marking the job done.
final class WriteJob: @unchecked Sendable {
    // @unchecked: `work` and `error` are written by the leader before it takes the coordinator's
    // lock to set `isDone`, and read by the caller only after seeing `isDone` under that lock.

    var work: ((Connection) throws -> Void)?
    var error: (any Error)?
    var isDone = false

    init(_ work: @escaping (Connection) throws -> Void) {
        self.work = work
    }

    /// Runs the closure once; a job without work (already run or dropped) does nothing.
    func run(on connection: Connection) throws {
        guard let work else { return }
        try work(connection)
    }
}
