import FoundationEssentials
import Glibc
import Primitives

/// Owns the single writer connection and serialises every use of it.
///
/// Exclusive use (`transaction`, `exclusive`) waits until the writer is free and runs on the
/// caller's thread. Group commit (`groupWrite`) queues the closure; the first caller to find the
/// writer free becomes leader, runs up to `maxBatchSize` queued closures in one transaction and
/// wakes their callers, which then return on their own threads. While the leader waits for the
/// COMMIT's fsync, new callers queue up for the next batch — that is where batching comes from.
final class WriteCoordinator: @unchecked Sendable {
    // @unchecked: `queue`, `isBusy`, counters and `migrated` are only touched with `condition`
    // locked; `writer` is only used by the thread that set `isBusy`.

    let writer: Connection
    private let maxBatchSize: Int
    private let condition = Lock()
    private var queue: [WriteJob] = []
    private var isBusy = false
    private var isClosed = false
    private var migrated = false
    private var commits = 0
    private var batches = 0

    init(writer: Connection, maxBatchSize: Int) {
        self.writer = writer
        self.maxBatchSize = maxBatchSize
    }

    // MARK: - Writing

    /// Runs `body` in its own BEGIN IMMEDIATE … COMMIT; rolls back and rethrows if it throws.
    func transaction<T>(_ body: (Connection) throws -> T) throws -> T {
        try exclusive { connection in
            try connection.control("BEGIN IMMEDIATE")
            count(batches: 1, commits: 0)
            do {
                let value = try body(connection)
                try connection.control("COMMIT")
                count(batches: 0, commits: 1)
                return value
            } catch {
                connection.rollbackIfActive()
                throw error
            }
        }
    }

    /// Queues `body` for the next group-commit batch and returns once that batch has committed.
    func groupWrite<T>(_ body: (Connection) throws -> T) throws -> T {
        var value: T?
        try withoutActuallyEscaping(body) { body in
            // The caller blocks in `submit` until the leader has run and dropped the closure.
            let job = WriteJob { connection in value = try body(connection) }
            submit(job)
            if let error = job.error { throw error }
        }
        guard let value else { throw SQLiteError.misuse("write finished without a result") }
        return value
    }

    /// Lends the writer to the calling thread once no one else is using it.
    func exclusive<T>(_ body: (Connection) throws -> T) throws -> T {
        condition.lock()
        while isBusy { condition.wait() }
        guard !isClosed else {
            condition.unlock()
            throw SQLiteError.misuse("database is closed")
        }
        isBusy = true
        condition.unlock()
        defer { finishTurn() }
        writer.lend()
        defer { writer.reclaim() }
        return try body(writer)
    }

    // MARK: - State

    /// Commits, batches and queue length for `Database.statistics`.
    func counters() -> (commits: Int, batches: Int, queued: Int) {
        condition.lock()
        defer { condition.unlock() }
        return (commits, batches, queue.count)
    }

    /// Whether `migrate` completed on this database.
    var isMigrated: Bool {
        get {
            condition.lock()
            defer { condition.unlock() }
            return migrated
        }
        set {
            condition.lock()
            defer { condition.unlock() }
            migrated = newValue
        }
    }

    /// Closes the writer. Only called once nothing is in flight.
    func close() {
        condition.lock()
        defer { condition.unlock() }
        isClosed = true
        writer.close()
    }

    // MARK: - Private

    /// Leader/follower loop: each caller either leads a batch or sleeps until one finishes.
    private func submit(_ job: WriteJob) {
        condition.lock()
        defer { condition.unlock() }
        queue.append(job)
        while !job.isDone {
            guard !isBusy else {
                condition.wait()
                continue
            }
            if isClosed {
                // Unreachable while the gate counts this call in flight; fail safe anyway.
                job.error = SQLiteError.misuse("database is closed")
                job.isDone = true
                queue.removeAll { $0 === job }
                return
            }
            isBusy = true
            let batch = Array(queue.prefix(maxBatchSize))
            queue.removeFirst(batch.count)
            condition.unlock()
            writer.lend()
            let outcome = runBatch(batch, on: writer)
            writer.reclaim()
            for member in batch { member.work = nil }
            condition.lock()
            batches += outcome.transactions
            commits += outcome.commits
            for member in batch { member.isDone = true }
            isBusy = false
            condition.broadcast()
        }
    }

    /// Marks the writer free and wakes every waiter: followers check whether their job is done,
    /// and one of those still queued becomes the next leader.
    private func finishTurn() {
        condition.lock()
        isBusy = false
        condition.broadcast()
        condition.unlock()
    }

    private func count(batches newBatches: Int, commits newCommits: Int) {
        condition.lock()
        defer { condition.unlock() }
        batches += newBatches
        commits += newCommits
    }
}
