import FoundationEssentials
import Glibc
import Primitives

/// Owns the single writer connection and serialises every use of it.
///
/// Exclusive use (`transaction`, `exclusive`) waits until the writer is free and runs on the
/// caller's thread. Group commit (`groupWrite`) queues the closure; a caller finding the writer
/// free becomes leader, runs up to `maxBatchSize` queued closures in one transaction, wakes
/// their callers (which return on their own threads) and hands the writer to the caller of the
/// next queued closure. While a leader waits for the COMMIT's fsync, new callers queue up for the
/// next batch — that is where batching comes from.
final class WriteCoordinator: @unchecked Sendable {
    // @unchecked: `queue`, `isBusy`, counters and `migrated` are only touched with `condition`
    // locked; `writer` is only used by the thread that set `isBusy`.

    let writer: Connection
    private let maxBatchSize: Int
    /// Told at the end of each turn with the writer, to checkpoint between transactions.
    private let checkpointer: Checkpointer?
    private let condition = Lock()
    private var queue: [WriteJob] = []
    private var isBusy = false
    /// Threads waiting in `exclusive`: a finishing leader lets them go before the next batch.
    private var exclusiveWaiters = 0
    private var isClosed = false
    private var migrated = false
    private var commits = 0
    private var batches = 0

    init(writer: Connection, maxBatchSize: Int, checkpointer: Checkpointer? = nil) {
        self.writer = writer
        self.maxBatchSize = maxBatchSize
        self.checkpointer = checkpointer
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
        exclusiveWaiters += 1
        while isBusy { condition.wait() }
        exclusiveWaiters -= 1
        guard !isClosed else {
            // Queued writes may wait for a leader: give them the writer to fail on the close.
            if let head = queue.first {
                isBusy = true
                condition.unlock()
                head.promote()
            } else {
                condition.unlock()
            }
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

    /// Leader/follower: the caller leads at once when the writer is free; otherwise it sleeps
    /// until a leader finished its job or handed it the writer. A leader's own job is normally in
    /// its batch; if a full batch was queued ahead of it, it waits for a later one.
    private func submit(_ job: WriteJob) {
        condition.lock()
        queue.append(job)
        let leads = !isBusy
        if leads { isBusy = true }
        condition.unlock()
        if leads { lead() }
        while job.waitForTurn() == .lead { lead() }
    }

    /// How long a leader keeps running batches back to back while callers queue up. Handing
    /// the writer to another thread costs a wake-up, and on a busy machine that thread may wait
    /// a millisecond for a CPU while nobody writes; a leader that goes on keeps the writer busy,
    /// at the price of answering its own caller up to this much later.
    static let leadingBudgetNanoseconds: UInt64 = 2_000_000

    /// Runs batches from the head of the queue (where the leader's own job is) until the queue
    /// is empty, someone waits for exclusive use or the budget is spent, then passes the writer
    /// on: to a thread waiting for exclusive use, else to the next queued job's caller, else
    /// marks it free. Only the batches' callers and the next leader are woken.
    private func lead() {
        let started = MonotonicClock.now()
        condition.lock()
        while true {
            if isClosed {
                // Unreachable while the gate counts these calls in flight; fail safe anyway.
                let failed = queue
                queue.removeAll()
                isBusy = false
                condition.broadcast()
                condition.unlock()
                for job in failed {
                    job.error = SQLiteError.misuse("database is closed")
                    job.work = nil
                    job.finish()
                }
                return
            }
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
            let goOn =
                !queue.isEmpty && exclusiveWaiters == 0
                && MonotonicClock.now() &- started < Self.leadingBudgetNanoseconds
            if goOn {
                condition.unlock()
                releaseThenCheckpoint(batch)
                condition.lock()
                continue
            }
            // A checkpoint due at this turn's end runs after the batch's callers were woken, so it
            // delays only the next batch; otherwise the next leader goes first, and the writer
            // gets going while this thread wakes the others.
            let checkpointing = checkpointer?.isDueForWriter ?? false
            if checkpointing {
                condition.unlock()
                releaseThenCheckpoint(batch)
                condition.lock()
            }
            let next = passWriterOn()
            condition.unlock()
            next?.promote()
            if !checkpointing { for member in batch { member.finish() } }
            return
        }
    }

    /// Wakes a finished batch's callers, then runs a checkpoint due at this point (without
    /// `condition` held), so the checkpoint delays only later writes.
    private func releaseThenCheckpoint(_ batch: [WriteJob]) {
        for member in batch { member.finish() }
        checkpointer?.writerTurnEnded(writer)
    }

    /// Ends a turn of exclusive use.
    private func finishTurn() {
        checkpointer?.writerTurnEnded(writer)
        condition.lock()
        let next = passWriterOn()
        condition.unlock()
        next?.promote()
    }

    /// With `condition` locked, at the end of a turn: returns the queued job whose caller leads
    /// next (the writer stays reserved for it), or frees the writer for exclusive users.
    private func passWriterOn() -> WriteJob? {
        if exclusiveWaiters == 0, let head = queue.first { return head }
        isBusy = false
        condition.broadcast()
        return nil
    }

    private func count(batches newBatches: Int, commits newCommits: Int) {
        condition.lock()
        defer { condition.unlock() }
        batches += newBatches
        commits += newCommits
    }
}
