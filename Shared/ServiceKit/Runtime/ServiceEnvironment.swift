import Contract
import HTTP
import Primitives
import Store

/// What a service's routes and jobs are built from: configuration, database, logging, metrics,
/// the outbox and the clients of the other services. One per process.
public final class ServiceEnvironment: Sendable {
    public let name: String
    public let version: String
    public let configuration: ServiceConfiguration
    public let database: Database
    public let logger: Logger
    public let metrics: MetricsRegistry
    public let http: HTTPClient
    public let outbox: Outbox
    public let mailer: Mailer
    /// The service's one wall clock (`ServiceDefinition.clock`).
    public let clock: WallClock

    init(
        name: String, version: String, configuration: ServiceConfiguration, database: Database, logger: Logger,
        clock: WallClock
    ) {
        self.name = name
        self.clock = clock
        self.version = version
        self.configuration = configuration
        self.database = database
        self.logger = logger
        self.metrics = MetricsRegistry()
        var clientConfiguration = HTTPClient.Configuration()
        clientConfiguration.connectTimeout = .seconds(2)
        self.http = HTTPClient(configuration: clientConfiguration)
        self.outbox = Outbox(database: database, logger: logger, clock: clock)
        self.mailer = Mailer(configuration: configuration, logger: logger, clock: clock)
    }

    /// A client for another service, or a 503 when its URL is not configured.
    public func client(for service: String) throws(HTTPError) -> ServiceClient {
        guard let upstream = configuration.serviceURLs[service] else {
            throw HTTPError.unavailable(
                "The \(service) service is not configured (\(ServiceConfiguration.urlVariable(for: service))).")
        }
        return ServiceClient(service: service, upstream: upstream, secret: configuration.internalSecret, http: http)
    }
}
