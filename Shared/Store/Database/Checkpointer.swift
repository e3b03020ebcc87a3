import CSQLite
import Primitives

/// Copies the write-ahead log back into the database file on a thread of its own.
///
/// SQLite's automatic checkpoint runs inside the COMMIT that pushes the log past its threshold
/// (https://www.sqlite.org/wal.html#automatic_checkpoint): that commit's caller then copies
/// megabytes and waits for an fsync, and with group commit every write queued behind it waits
/// too. Here the writer only reports the log's size after each commit (a WAL hook); past
/// `thresholdPages` it wakes this thread, which runs a PASSIVE checkpoint on its own connection,
/// alongside readers and the writer, without blocking either
/// (https://www.sqlite.org/c3ref/wal_checkpoint_v2.html). The log only starts over once a
/// checkpoint has copied all of it, which a passive one running beside a stream of commits may
/// not manage; so at `hardLimitPages` (4 × the threshold) the committing writer checkpoints
/// itself, as SQLite's automatic checkpoint would. The log then stays within that limit plus
/// what is committed while one background checkpoint runs.
final class Checkpointer: @unchecked Sendable {
    // @unchecked: `requested` and `stopping` are only touched with `signal` locked; `connection`
    // is used by the checkpointing thread alone, and closed after that thread ended.

    let thresholdPages: Int32
    let hardLimitPages: Int32
    private let connection: Connection
    private let signal = Lock()
    private var requested = false
    private var stopping = false
    private var thread: ThreadHandle?
    private let completed = Locked(0)

    init(path: String, options: DatabaseOptions) throws {
        thresholdPages = Int32(clamping: options.checkpointPages)
        hardLimitPages = Int32(clamping: options.checkpointPages.multipliedReportingOverflow(by: 4).partialValue)
        connection = try Connection(path: path, role: .checkpointer, options: options)
        thread = ThreadHandle.spawn(name: "sqlite-checkpoint", stackSize: 256 * 1024) { [self] in run() }
    }

    /// Checkpoints that ran on this thread so far.
    var checkpoints: Int { completed.current }

    /// Lets the writer's connection report to this checkpointer after each commit.
    func watch(_ writer: Connection) {
        sqlite3_wal_hook(writer.handle, { context, database, _, pages in
            guard let context else { return SQLITE_OK }
            let checkpointer = Unmanaged<Checkpointer>.fromOpaque(context).takeUnretainedValue()
            if pages >= checkpointer.hardLimitPages, let database {
                // Writes outran this thread: checkpoint in the commit, as SQLite's automatic
                // checkpoint would. Between this writer's own transactions the copy finishes and
                // the next commit starts the log over; while this thread is mid-checkpoint the
                // call is BUSY and the next commit tries again.
                sqlite3_wal_checkpoint_v2(database, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            } else if pages >= checkpointer.thresholdPages {
                checkpointer.request()
            }
            return SQLITE_OK
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Asks for a checkpoint soon; cheap when one is already asked for.
    func request() {
        signal.lock()
        if !requested {
            requested = true
            signal.signal()
        }
        signal.unlock()
    }

    /// Ends the thread (after a checkpoint in progress) and closes its connection. Idempotent.
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

    private func run() {
        while true {
            signal.lock()
            while !requested && !stopping { signal.wait() }
            if stopping {
                signal.unlock()
                return
            }
            requested = false
            signal.unlock()
            // SQLITE_BUSY or an I/O error leaves the log as it is; the next commit past the
            // threshold asks again.
            if sqlite3_wal_checkpoint_v2(connection.handle, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil) == SQLITE_OK {
                completed.withLock { $0 += 1 }
            }
        }
    }
}
