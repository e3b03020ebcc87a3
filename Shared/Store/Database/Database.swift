import CSQLite
import FoundationEssentials
import Glibc

/// An SQLite database in WAL mode: one writer connection, a pool of readers, group commit.
///
/// ```swift
/// let db = try Database(path: "/var/lib/zaplecze/loyalty.sqlite")
/// try db.migrate(LoyaltyMigrations.all)
/// try db.write { try $0.run("INSERT INTO accounts(customer_id) VALUES (?)", customerID) }
/// let balance = try db.read { try $0.scalar("SELECT balance FROM accounts WHERE customer_id = ?", customerID, as: Int64.self) }
/// ```
///
/// Calls block the calling thread: call them from the service's worker threads, not from
/// Swift's cooperative pool. A `write` closure may run on another caller's thread (the group
/// commit leader) while its own caller waits, so it must not depend on thread-local state.
public final class Database: @unchecked Sendable {
    // @unchecked: the stored properties are immutable references to classes that guard their own
    // state with locks (DatabaseGate, ReaderPool, WriteCoordinator), and each Connection is only
    // ever used by the one thread it is lent to.

    /// The file path given at open.
    public let path: String
    private let options: DatabaseOptions
    private let gate = DatabaseGate()
    private let coordinator: WriteCoordinator
    private let readers: ReaderPool
    private let checkpointer: Checkpointer

    /// Opens (creating if needed) the file at `path`: the writer first, which turns on WAL, then
    /// `options.readerCount` readers. Throws if the parent directory does not exist — it is not
    /// created — or for `:memory:`, whose connections could not share one database.
    public init(path: String, options: DatabaseOptions = DatabaseOptions()) throws {
        try options.validate()
        try Database.checkPath(path)
        self.path = path
        self.options = options
        let writer = try Connection(path: path, role: .writer, options: options)
        readers = try ReaderPool(path: path, options: options)
        checkpointer = try Checkpointer(path: path, options: options)
        checkpointer.watch(writer)
        coordinator = WriteCoordinator(writer: writer, maxBatchSize: options.maxBatchSize, checkpointer: checkpointer)
    }

    deinit {
        // A database dropped without `close` still ends its checkpointing thread.
        checkpointer.stop()
    }

    // MARK: - Reading and writing

    /// Runs `body` with a pooled reader inside BEGIN DEFERRED … COMMIT, so every query in it sees
    /// one consistent snapshot. In WAL mode "readers do not block writers and a writer does not
    /// block readers" (https://www.sqlite.org/wal.html): it never waits for `write`.
    public func read<T>(_ body: (Connection) throws -> T) throws -> T {
        let started = try enter(.read)
        var failed = true
        defer { leave(.read, started: started, failed: failed) }
        let connection = readers.acquire()
        defer { readers.release(connection) }
        connection.lend()
        defer { connection.reclaim() }
        try connection.control("BEGIN DEFERRED")
        do {
            let value = try body(connection)
            try connection.control("COMMIT")
            failed = false
            return value
        } catch {
            connection.rollbackIfActive()
            throw error
        }
    }

    /// Runs `body` on the writer inside a BEGIN IMMEDIATE transaction and returns once it has
    /// committed. With group commit, concurrent calls share one transaction, each in its own
    /// SAVEPOINT: a throwing `body` rolls back only its own changes and its caller gets its error.
    /// Calling `read`, `write` or `migrate` from inside a closure throws `SQLiteError.misuse`.
    public func write<T>(_ body: (Connection) throws -> T) throws -> T {
        let started = try enter(.write)
        var failed = true
        defer { leave(.write, started: started, failed: failed) }
        let value = try options.groupCommit ? coordinator.groupWrite(body) : coordinator.transaction(body)
        failed = false
        return value
    }

    // MARK: - Lifecycle

    /// Refuses new calls, waits for those in flight, finalises statements and closes every
    /// connection. Later calls throw `SQLiteError.misuse`. Safe to call more than once.
    public func close() {
        if gate.close() { releaseHandles() }
    }

    /// Counters since open: reads, writes, commits, batches and seconds spent in each.
    public var statistics: DatabaseStatistics {
        var statistics = gate.statistics
        let writer = coordinator.counters()
        statistics.commits = writer.commits
        statistics.batches = writer.batches
        statistics.queuedWrites = writer.queued
        let checkpoints = checkpointer.counts
        statistics.backgroundCheckpoints = checkpoints.background
        statistics.writerCheckpoints = checkpoints.writer
        statistics.walPages = checkpointer.pagesInLog
        return statistics
    }

    /// True once `migrate` has completed on this instance.
    public var isMigrated: Bool { coordinator.isMigrated }

    // MARK: - Internal

    /// Admits a call to the gate. A call refused because `close` came in between may be the last
    /// one out, and then it releases the handles.
    func enter(_ kind: DatabaseGate.Kind) throws -> UInt64 {
        do {
            return try gate.enter(kind)
        } catch {
            if error.mustReleaseHandles { releaseHandles() }
            throw error.error
        }
    }

    /// Records a finished call, releasing the handles if it was the last after a `close`.
    func leave(_ kind: DatabaseGate.Kind, started: UInt64, failed: Bool) {
        if gate.leave(kind, started: started, failed: failed) { releaseHandles() }
    }

    /// The writer coordinator; used by `migrate`.
    var writer: WriteCoordinator { coordinator }

    private func releaseHandles() {
        coordinator.close()
        readers.close()
        checkpointer.stop()
    }

    /// Ends the background checkpoints early, leaving the writer's own (for tests).
    func stopBackgroundCheckpoints() { checkpointer.stop() }

    /// Fails clearly instead of letting SQLite open something other than one shared file.
    private static func checkPath(_ path: String) throws {
        guard !path.isEmpty, path != ":memory:", !path.hasPrefix("file:") else {
            throw SQLiteError.misuse("a pooled Database needs a file path, not \"\(path)\"; use a temporary file")
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var info = stat()
        guard stat(directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw SQLiteError(resultCode: SQLITE_CANTOPEN, message: "directory does not exist: \(directory)")
        }
    }
}
