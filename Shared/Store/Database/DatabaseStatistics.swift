/// Counters of a `Database` since it was opened, for metrics endpoints.
public struct DatabaseStatistics: Sendable, Hashable {
    /// `read` calls that finished, successfully or not.
    public var reads: Int = 0
    /// `read` calls that threw.
    public var failedReads: Int = 0
    /// `write` calls that finished, successfully or not.
    public var writes: Int = 0
    /// `write` calls that threw (their own error, or a failed COMMIT of their batch).
    public var failedWrites: Int = 0
    /// Write transactions that committed.
    public var commits: Int = 0
    /// Write transactions begun for `write` calls; with group commit, fewer than `writes`.
    public var batches: Int = 0
    /// `write` calls waiting in the group-commit queue right now.
    public var queuedWrites: Int = 0
    /// Checkpoint passes run by the background thread, copying the WAL into the database file.
    public var backgroundCheckpoints: Int = 0
    /// Checkpoints run by the writer between transactions: finishing a background round, or
    /// copying the whole log when the background thread fell behind.
    public var writerCheckpoints: Int = 0
    /// Frames in the WAL after the latest commit (pages; the log starts over after a checkpoint).
    public var walPages: Int = 0
    /// Wall-clock seconds callers spent inside `read`, including waiting for a free reader.
    public var readSeconds: Double = 0
    /// Wall-clock seconds callers spent inside `write`, including waiting for the writer.
    public var writeSeconds: Double = 0

    /// All counters zero.
    public init() {}
}
