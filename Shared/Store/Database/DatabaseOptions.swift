/// How a `Database` opens its connections and commits.
public struct DatabaseOptions: Sendable {
    /// `PRAGMA synchronous` (https://www.sqlite.org/pragma.html#pragma_synchronous). In WAL mode:
    ///
    /// - `off`: no fsync at all. Committed data survives a crash of this process, but "the database
    ///   might become corrupted if the operating system crashes or the computer loses power".
    /// - `normal` (default): the WAL is synced only at checkpoints. "WAL mode is always consistent
    ///   with synchronous=NORMAL, but WAL mode does lose durability. A transaction committed in WAL
    ///   mode with synchronous=NORMAL might roll back following a power loss or system crash.
    ///   Transactions are durable across application crashes regardless of the synchronous
    ///   setting." Power loss costs at most the last transactions since the last checkpoint;
    ///   the file is never corrupted.
    /// - `full`: "the WAL file is synced after each transaction commit", so a commit that returned
    ///   survives power loss, at the price of one fsync per transaction — which group commit shares
    ///   between every write of a batch.
    /// - `extra`: like `full`, plus directory syncs SQLite needs only for rollback journals; in
    ///   WAL mode it buys almost nothing over `full`.
    public enum Synchronous: String, Sendable {
        case off = "OFF"
        case normal = "NORMAL"
        case full = "FULL"
        case extra = "EXTRA"
    }

    /// Durability against power loss, traded against commit latency; see `Synchronous`.
    public var synchronous: Synchronous = .normal
    /// Reader connections in the pool: how many `read` closures may run at once.
    public var readerCount: Int = 4
    /// How long a connection waits for a lock held by another process before SQLITE_BUSY.
    public var busyTimeoutMilliseconds: Int = 5000
    /// Batch concurrent `write` calls into one transaction (one commit, one fsync) — each in its
    /// own SAVEPOINT so that a throwing closure rolls back only itself.
    public var groupCommit: Bool = true
    /// The most `write` closures one group-commit transaction takes.
    public var maxBatchSize: Int = 128
    /// Log size, in pages, past which a background thread checkpoints the WAL into the database
    /// file (SQLite's own automatic checkpoint uses 1000, but runs it inside a commit).
    public var checkpointPages: Int = 1000

    /// The defaults: WAL + NORMAL, 4 readers, 5 s busy timeout, group commit of up to 128 writes.
    public init() {}

    /// Throws `SQLiteError.misuse` for values the pool cannot work with.
    func validate() throws {
        guard readerCount >= 1 else { throw SQLiteError.misuse("readerCount must be at least 1") }
        guard maxBatchSize >= 1 else { throw SQLiteError.misuse("maxBatchSize must be at least 1") }
        guard checkpointPages >= 1 else { throw SQLiteError.misuse("checkpointPages must be at least 1") }
        guard busyTimeoutMilliseconds >= 0 else {
            throw SQLiteError.misuse("busyTimeoutMilliseconds must not be negative")
        }
    }
}
