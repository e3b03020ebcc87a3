import Contract
import FoundationEssentials
import Glibc

extension ServiceStatus {
    /// The figures of the service running in `environment`, read now.
    init(_ environment: ServiceEnvironment) {
        let statistics = environment.database.statistics
        self.init(
            service: environment.name, version: environment.version, database: environment.configuration.databasePath,
            databaseReads: Int(statistics.reads), databaseWrites: Int(statistics.writes),
            outboxPending: environment.outbox.pendingCount(), residentBytes: ProcessStats.residentBytes())
    }
}
