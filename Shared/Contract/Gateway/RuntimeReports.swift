/// `/health`'s answer: the process is alive.
public struct HealthReport: Codable, Sendable, Equatable {
    /// `ok` while the process answers at all.
    public var status: String
    public var service: String?
    public var version: String?

    /// The answer of `service` at `version`.
    public init(status: String = "ok", service: String? = nil, version: String? = nil) {
        self.status = status
        self.service = service
        self.version = version
    }
}

/// `/ready`'s answer: a service's own (`ready` once its database is migrated) or, on the gateway,
/// the suite's with each service's state. Callers the observer policy does not admit get the
/// status alone.
public struct ReadyReport: Codable, Sendable, Equatable {
    /// `ready` or `starting` (a service), `ready` or `degraded` (the gateway).
    public var status: String
    public var service: String?
    public var version: String?
    /// The gateway's view of each service, by name.
    public var services: [String: ServiceReadiness]?

    /// A report; the details left out for a caller who may see the status alone.
    public init(
        status: String, service: String? = nil, version: String? = nil, services: [String: ServiceReadiness]? = nil
    ) {
        self.status = status
        self.service = service
        self.version = version
        self.services = services
    }
}

/// One service's readiness as the gateway sees it.
public struct ServiceReadiness: Codable, Sendable, Equatable {
    /// `ready`, `starting`, `not ready`, `unreachable`, `unconfigured` or `crashLooping`.
    public var status: String
    public var version: String?
    public var url: String?
    /// Under the launcher: how many times the service was restarted.
    public var restarts: Int?
    /// Under the launcher: how the service last ended, if it ever did.
    public var lastExit: String?

    /// A service's state.
    public init(
        status: String, version: String? = nil, url: String? = nil, restarts: Int? = nil, lastExit: String? = nil
    ) {
        self.status = status
        self.version = version
        self.url = url
        self.restarts = restarts
        self.lastExit = lastExit
    }
}

/// `GET /v1/status` of every service: who it is and a few figures an operator wants at a glance.
public struct ServiceStatus: Codable, Sendable, Equatable {
    public var service: String
    public var version: String
    /// The database file's path.
    public var database: String
    public var databaseReads: Int
    public var databaseWrites: Int
    /// Outbox events not yet delivered.
    public var outboxPending: Int
    public var residentBytes: Int

    /// A status report.
    public init(
        service: String, version: String, database: String, databaseReads: Int, databaseWrites: Int,
        outboxPending: Int, residentBytes: Int
    ) {
        self.service = service
        self.version = version
        self.database = database
        self.databaseReads = databaseReads
        self.databaseWrites = databaseWrites
        self.outboxPending = outboxPending
        self.residentBytes = residentBytes
    }
}
