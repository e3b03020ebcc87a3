import FoundationEssentials
import Glibc
import Primitives
import ServiceKit
import Store

/// The background worker of campaigns: generates the codes of every `generating` campaign and
/// removes the codes of every deleted one, oldest first, one at a time.
///
/// It looks for work when the service starts (so a generation cut short by a restart resumes
/// where its last committed chunk ended, see `CodeGenerator`) and whenever `wake()` says a
/// request left some; otherwise it sleeps. `stop()` ends it between two chunks: a campaign is
/// never marked ready until its last code is written, in that same transaction.
final class CampaignJob: @unchecked Sendable {
    // Safe: `database`, `logger`, `stopping`, `pending` and `thread` are only touched while
    // `lock` is held (`thread` is joined outside it, after `stopping` is set).
    private let settings: GenerationSettings
    private let lock = Lock()
    private var database: Database?
    private var logger: Logger?
    private var stopping = false
    private var pending = true
    private var thread: ThreadHandle?

    init(settings: GenerationSettings) {
        self.settings = settings
    }

    /// Starts the worker on `database`; it first looks for work left by an earlier run.
    func start(database: Database, logger: Logger) {
        lock.withLock {
            self.database = database
            self.logger = logger
            thread = ThreadHandle.spawn(name: "campaign-codes") { [self] in run(database: database, logger: logger) }
        }
    }

    /// Tells the worker there is work (a campaign created or deleted).
    func wake() {
        lock.withLock {
            pending = true
            lock.broadcast()
        }
    }

    /// Stops the worker at its next chunk boundary and waits for it to end.
    func stop() {
        let thread = lock.withLock {
            stopping = true
            lock.broadcast()
            return self.thread
        }
        thread?.join()
    }

    private var isStopping: Bool { lock.withLock { stopping } }

    private func run(database: Database, logger: Logger) {
        while waitForWork() {
            do {
                while !isStopping, try step(database: database, logger: logger) {}
            } catch {
                logger.error("campaign job failed", [("error", .string(String(describing: error)))])
                // A failing database is not retried in a tight loop: wait for the next request.
            }
        }
    }

    /// Sleeps until there is work or the job stops; false when it stops.
    private func waitForWork() -> Bool {
        lock.withLock {
            while !stopping, !pending { lock.wait() }
            pending = false
            return !stopping
        }
    }

    /// Does one campaign's work; false when there was none.
    private func step(database: Database, logger: Logger) throws -> Bool {
        if let deleted = try database.read({ try CampaignRepository.nextDeleted(in: $0) }) {
            try purge(deleted, database: database)
            return true
        }
        guard let id = try database.read({ try CampaignRepository.nextGenerating(in: $0) }) else { return false }
        try generate(id, database: database, logger: logger)
        return true
    }

    private func generate(_ id: Int64, database: Database, logger: Logger) throws {
        let generator = CodeGenerator(database: database, chunkSize: settings.chunkSize, roundSize: settings.roundSize)
        let started = MonotonicClock.now()
        let outcome: CodeGenerator.Outcome
        do {
            outcome = try generator.run(campaignId: id, shouldStop: { [self] in isStopping }) { [self] _ in rest() }
        } catch {
            // A campaign whose generation breaks is failed, never left half-written as ready and
            // never retried forever; the admin sees the reason and can delete it.
            let reason = "Generation stopped: \(error)"
            try database.write { connection in
                try connection.run(
                    "UPDATE campaigns SET status = 'failed', failure = ? WHERE id = ? AND status = 'generating'",
                    reason, id)
            }
            logger.error("campaign generation failed", [("campaign", .int(id)), ("error", .string(reason))])
            return
        }
        let seconds = Double(MonotonicClock.now() &- started) / 1e9
        switch outcome {
        case .ready:
            logger.info("campaign codes generated", [("campaign", .int(id)), ("seconds", .double(seconds))])
        case .failed(let reason):
            logger.warn("campaign generation failed", [("campaign", .int(id)), ("reason", .string(reason))])
        case .stopped, .abandoned:
            break
        }
    }

    /// Removes a deleted campaign's codes a chunk per transaction, then the campaign itself.
    private func purge(_ id: Int64, database: Database) throws {
        while !isStopping {
            let removed = try database.write { connection in
                try CampaignCodeRepository.purge(campaignId: id, chunk: settings.removalChunk, in: connection)
            }
            if removed == 0 { break }
            rest()
        }
        guard !isStopping else { return }
        try database.write { connection in
            try connection.run("DELETE FROM redemptions WHERE campaign_id = ?", id)
            try connection.run("DELETE FROM campaigns WHERE id = ? AND deleted_at IS NOT NULL", id)
        }
    }

    /// The pause between chunks, cut short by `stop()`.
    private func rest() {
        guard settings.pause > .zero else { return }
        let deadline = MonotonicClock.now() &+ settings.pause.nanoseconds
        lock.withLock {
            while !stopping, MonotonicClock.now() < deadline { lock.wait(untilMonotonicNanoseconds: deadline) }
        }
    }
}
