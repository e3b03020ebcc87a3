import CSQLite

extension WriteCoordinator {
    /// Transactions begun and committed while running one batch.
    struct BatchOutcome {
        var transactions = 0
        var commits = 0
    }

    /// Runs `jobs` in one BEGIN IMMEDIATE … COMMIT, each inside its own SAVEPOINT so that a job
    /// that throws is rolled back alone and keeps its own error while the others go on.
    ///
    /// Outcomes are stored on the jobs; none is reported before COMMIT has succeeded. If COMMIT
    /// fails, every job that had succeeded gets the COMMIT error. Some errors make SQLite roll
    /// back the whole transaction on its own ("SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY, SQLITE_NOMEM
    /// … might cause the transaction to be rolled back automatically",
    /// https://www.sqlite.org/lang_transaction.html); then the jobs run so far fail and the
    /// rest of the batch continues in a fresh transaction.
    func runBatch(_ jobs: [WriteJob], on connection: Connection) -> BatchOutcome {
        var outcome = BatchOutcome()
        var remaining = jobs[...]
        while !remaining.isEmpty {
            outcome.transactions += 1
            do {
                try connection.control("BEGIN IMMEDIATE")
            } catch {
                for job in remaining { job.error = error }
                return outcome
            }
            var succeeded: [WriteJob] = []
            var transactionLost = false
            // A job alone in its transaction needs no savepoint: on throw the whole transaction
            // is its own, and ROLLBACK undoes exactly its work. This saves two statements per
            // write when there is no concurrency to batch.
            let alone = remaining.count == 1
            while let job = remaining.popFirst() {
                do {
                    if alone {
                        try job.run(on: connection)
                    } else {
                        try connection.withSavepoint { try job.run(on: connection) }
                    }
                    succeeded.append(job)
                } catch {
                    job.error = error
                    if alone { connection.rollbackIfActive() }
                }
                job.work = nil
                if connection.isAutocommit {
                    let lost = SQLiteError(
                        resultCode: SQLITE_ABORT, extendedCode: SQLiteError.extendedAbortRollback,
                        message: "the batch's transaction was rolled back before COMMIT "
                            + "(by SQLite after an error, or by a write closure ending it)")
                    for done in succeeded { done.error = lost }
                    transactionLost = true
                    break
                }
            }
            guard !transactionLost else { continue }
            do {
                try connection.control("COMMIT")
                outcome.commits += 1
            } catch {
                connection.rollbackIfActive()
                for done in succeeded { done.error = error }
            }
        }
        return outcome
    }
}
