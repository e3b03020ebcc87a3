import CSQLite
import Primitives
import Synchronization

/// Copies the write-ahead log back into the database file, mostly on a thread of its own.
///
/// SQLite's automatic checkpoint runs inside the COMMIT that pushes the log past its threshold
/// (https://www.sqlite.org/wal.html#automatic_checkpoint): that commit copies megabytes and waits
/// for fsyncs, and with group commit every write queued behind it waits too. Here the writer's
/// automatic checkpoint is off and the work is split in two:
///
/// 1. After each commit the writer only records the log's size (a WAL hook). Past
///    `thresholdPages` this thread wakes and runs PASSIVE checkpoints on its own connection,
///    beside readers and the writer and blocking neither
///    (https://www.sqlite.org/c3ref/wal_checkpoint_v2.html), pass after pass until what is left
///    to copy is at most `finishPages`.
/// 2. The log only starts over when a write transaction begins on a log that is copied entirely,
///    which a checkpoint running beside a stream of commits never sees. So the writer finishes:
///    between two transactions, after the finished batch's callers were released, it runs one
///    PASSIVE checkpoint itself, copying only that small remainder. The next write then starts
///    the log over (unless a reader still holds an older snapshot; then a later round does).
///
/// If this thread falls behind, the writer copies the whole log itself at `hardLimitPages`
/// (4 × the threshold), waiting for a background pass in progress to end, as SQLite's automatic
/// checkpoint would: the log never grows past the hard limit plus one batch's commit.
final class Checkpointer: @unchecked Sendable {
    // @unchecked: `stopping` and `thread` are only touched with `signal` locked; `connection` is
    // used by the checkpointing thread alone and closed after that thread ended; the rest is
    // atomic.

    let thresholdPages: Int32
    let hardLimitPages: Int32
    let finishPages: Int32
    private let connection: Connection
    private let signal = Lock()
    /// Held around each checkpoint call, so a writer over the hard limit can wait for a pass.
    private let passLock = Lock()
    private let requested = Atomic<Bool>(false)
    private var stopping = false
    private var thread: ThreadHandle?
    /// Frames in the log after the writer's latest commit, as its WAL hook reported.
    private let logPages = Atomic<Int32>(0)
    /// Set by this thread when little is left to copy: the writer finishes at its next turn's end.
    private let finishDue = Atomic<Bool>(false)
    private let passes = Atomic<Int>(0)
    private let writerRuns = Atomic<Int>(0)

    init(path: String, options: DatabaseOptions) throws {
        thresholdPages = Int32(clamping: options.checkpointPages)
        hardLimitPages = Int32(clamping: options.checkpointPages.multipliedReportingOverflow(by: 4).partialValue)
        finishPages = max(1, thresholdPages / 8)
        connection = try Connection(path: path, role: .checkpointer, options: options)
        thread = ThreadHandle.spawn(name: "sqlite-checkpoint", stackSize: 256 * 1024) { [self] in run() }
    }

    /// Checkpoint passes this thread completed, and checkpoints the writer ran between its turns.
    var counts: (background: Int, writer: Int) {
        (passes.load(ordering: .relaxed), writerRuns.load(ordering: .relaxed))
    }

    /// Frames in the log after the latest commit.
    var pagesInLog: Int { Int(logPages.load(ordering: .relaxed)) }

    /// Has the writer's connection report its log's size here after each commit.
    func watch(_ writer: Connection) {
        sqlite3_wal_hook(
            writer.handle,
            { context, _, _, pages in
                guard let context else { return SQLITE_OK }
                Unmanaged<Checkpointer>.fromOpaque(context).takeUnretainedValue().committed(logPages: pages)
                return SQLITE_OK
            }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Runs on the thread holding the writer, between transactions: finishes a round the
    /// background passes left nearly done, or copies the whole log if they fell behind. Cheap
    /// when neither is due.
    func writerTurnEnded(_ writer: Connection) {
        guard isDueForWriter else { return }
        finishDue.store(false, ordering: .relaxed)
        // Past the hard limit the writer waits for a background pass in progress (it stops after
        // that pass); a finish otherwise only comes once the passes stopped. An I/O error leaves
        // the log as it is and is retried at a later turn's end; commits are unaffected by it.
        guard let pass = checkpoint(writer.handle) else { return }
        writerRuns.add(1, ordering: .relaxed)
        // Until the next commit reports the log afresh, count only what is still to copy, so a
        // log copied entirely does not trip the hard limit again at every turn's end.
        logPages.store(max(0, pass.log - pass.copied), ordering: .relaxed)
    }

    /// Whether the writer should checkpoint at the end of its current turn.
    var isDueForWriter: Bool {
        finishDue.load(ordering: .acquiring) || logPages.load(ordering: .relaxed) >= hardLimitPages
    }

    /// Ends the thread (after a pass in progress) and closes its connection. Idempotent.
    func stop() {
        signal.lock()
        stopping = true
        signal.signal()
        let running = thread
        thread = nil
        signal.unlock()
        running?.join()
        connection.close()
    }

    // MARK: - Private

    private func committed(logPages pages: Int32) {
        logPages.store(pages, ordering: .relaxed)
        guard pages >= thresholdPages, !finishDue.load(ordering: .relaxed) else { return }
        guard requested.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { return }
        signal.withLock { signal.signal() }
    }

    private func run() {
        while true {
            signal.lock()
            while !requested.load(ordering: .acquiring) && !stopping { signal.wait() }
            let stop = stopping
            signal.unlock()
            if stop { return }
            copyUntilNearlyDone()
            requested.store(false, ordering: .releasing)
        }
    }

    /// PASSIVE passes while commits keep adding to the log, until at most `finishPages` remain, a
    /// pass makes no headway (a reader holds an old snapshot) or the log reached the hard limit
    /// (commits outrun the copying); then leaves the rest to the writer, whose checkpoint would
    /// find this thread's pass in the way (SQLITE_BUSY) if it went on.
    private func copyUntilNearlyDone() {
        var previous: Int32 = -1
        for _ in 0..<16 {
            // SQLITE_BUSY (the writer is finishing) or an I/O error: the next commit past the
            // threshold asks again.
            guard let pass = checkpoint(connection.handle) else { return }
            passes.add(1, ordering: .relaxed)
            let pages = logPages.load(ordering: .relaxed)
            if pages - pass.copied <= finishPages || pass.copied <= previous || pages >= hardLimitPages { break }
            previous = pass.copied
        }
        finishDue.store(true, ordering: .releasing)
    }

    /// One PASSIVE checkpoint on `handle`, never beside another of this checkpointer's: the
    /// frames in the log and how many of them are now in the database file, or nil on an error.
    private func checkpoint(_ handle: OpaquePointer) -> (log: Int32, copied: Int32)? {
        var log: Int32 = 0
        var copied: Int32 = 0
        let code = passLock.withLock {
            sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, &log, &copied)
        }
        return code == SQLITE_OK ? (log, copied) : nil
    }
}
