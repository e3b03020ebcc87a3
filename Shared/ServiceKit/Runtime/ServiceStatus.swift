import FoundationEssentials
import Glibc

/// `GET /v1/status` of every service: who it is and a few figures an operator wants at a glance.
struct ServiceStatus: Codable, Sendable {
    var service: String
    var version: String
    var database: String
    var databaseReads: Int
    var databaseWrites: Int
    var outboxPending: Int
    var residentBytes: Int

    init(_ environment: ServiceEnvironment) {
        let statistics = environment.database.statistics
        service = environment.name
        version = environment.version
        database = environment.configuration.databasePath
        databaseReads = Int(statistics.reads)
        databaseWrites = Int(statistics.writes)
        outboxPending = environment.outbox.pendingCount()
        residentBytes = ProcessStats.residentBytes()
    }
}
