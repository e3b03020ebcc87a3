import Contract
import FoundationEssentials
import Glibc
import HTTP
import Store

/// A running Zaplecze process: opens and migrates its database, serves its routes with health,
/// readiness and metrics, runs its outbox, and stops gracefully. `main.swift` of every service is
/// `ServiceApp.main(definition)`; tests build one in-process with `ServiceApp(definition:configuration:)`.
public final class ServiceApp: Sendable {
    public let environment: ServiceEnvironment
    public let server: HTTPServer
    public let router: Router
    private let stopJobs = Locked<(@Sendable () -> Void)?>(nil)

    public init(definition: ServiceDefinition, configuration: ServiceConfiguration, logger: Logger? = nil) throws {
        var options = DatabaseOptions()
        options.synchronous = DatabaseOptions.Synchronous(rawValue: configuration.synchronous) ?? .normal
        if let pages = configuration.checkpointPages { options.checkpointPages = pages }
        let directory = URL(fileURLWithPath: configuration.databasePath).deletingLastPathComponent().path
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let database = try Database(path: configuration.databasePath, options: options)
        try database.migrate(ServiceKitMigrations.all + definition.migrations, clock: definition.clock)
        let logger =
            logger ?? Logger(service: definition.name, level: configuration.logLevel, clock: definition.clock)
        let environment = ServiceEnvironment(
            name: definition.name, version: definition.version, configuration: configuration,
            database: database, logger: logger, clock: definition.clock
        )
        self.environment = environment
        Self.registerGauges(environment)

        // Asked many times a second by orchestrators and benchmarks: encoded once.
        let healthResponse = try HTTPResponse.json(
            HealthReport(service: definition.name, version: definition.version))
        let health: RouteHandler = { _, _ in healthResponse }
        // /health and the built-in /ready answer from memory: on the event loop, with no hand-off.
        let observers = try definition.observers(environment)
        var routes = RouteCollection()
            .get("health", execution: .eventLoop, use: health)
            .get("metrics") { _, context in
                try observers.require(context)
                return HTTPResponse(
                    headers: ["Content-Type": "text/plain; version=0.0.4; charset=utf-8"],
                    bytes: Array(environment.metrics.render().utf8)
                )
            }
        if let readiness = definition.readiness {
            routes = routes.get("ready") { _, context in readiness(environment, observers.admits(context)) }
        } else {
            routes = routes.get("ready", execution: .eventLoop) { _, context in
                let ready = database.isMigrated
                var body = ReadyReport(status: ready ? "ready" : "starting")
                if observers.admits(context) {
                    body.service = definition.name
                    body.version = definition.version
                }
                return try .json(body, status: ready ? .ok : .serviceUnavailable)
            }
        }
        routes = routes.include(try definition.publicRoutes(environment))
        if definition.servesInternalAPI {
            routes = routes.group(
                "v1", middleware: [InternalAuthMiddleware(secret: configuration.internalSecret)],
                try definition.internalRoutes(environment)
                    .get("status") { _, _ in try .json(ServiceStatus(environment)) }
                    .get("health", execution: .eventLoop, use: health)
            )
        }
        router = Router(
            routes: routes,
            middleware: [ObservabilityMiddleware(logger: logger, metrics: environment.metrics)]
                + (try definition.middleware(environment)),
            onUnexpectedError: { error, context in
                logger.error(
                    "unexpected error",
                    [("requestId", .string(context.requestId)), ("error", .string(String(describing: error)))])
            }
        )
        var limits = HTTPLimits()
        let perAddress = configuration.maxConnectionsPerAddress ?? definition.maxConnectionsPerAddress
        limits.maxConnectionsPerAddress = perAddress == 0 ? nil : perAddress
        limits.addressesWithoutConnectionCap = configuration.trustedProxies
        server = HTTPServer(
            configuration: .init(
                host: configuration.host, port: configuration.port,
                workers: configuration.workers ?? HTTPServer.Configuration.defaultWorkers, limits: limits
            ),
            responder: router,
            onStreamFailure: { error in
                logger.warn("streamed response failed", [("error", .string(String(describing: error)))])
            }
        )
        self.definition = definition
    }

    private let definition: ServiceDefinition

    /// The port the server listens on.
    public var port: Int { server.port }

    /// Starts listening, the outbox dispatcher and the service's own jobs.
    public func start() throws {
        try server.start()
        environment.outbox.start(environment: environment)
        let stop = try definition.start(environment)
        stopJobs.withLock { $0 = stop }
        environment.logger.info(
            "listening",
            [
                ("host", .string(environment.configuration.host)), ("port", .int(Int64(server.port))),
                ("database", .string(environment.configuration.databasePath)), ("version", .string(definition.version)),
            ])
    }

    /// Stops accepting, finishes in-flight requests, stops the jobs and closes the database.
    public func shutdown() {
        server.shutdown()
        stopJobs.withLock { $0 }?()
        environment.outbox.stop()
        environment.http.closeIdleConnections()
        environment.database.close()
        environment.logger.info("stopped")
    }

    /// Runs a service executable: parses flags and variables (exit 2 on a bad one), serves until
    /// SIGTERM or SIGINT, shuts down gracefully and exits 0. `arguments` are the flags after the
    /// program's name (or after `suite serve <name>`).
    public static func main(
        _ definition: ServiceDefinition, arguments: [String] = Array(CommandLine.arguments.dropFirst())
    ) -> Never {
        Signals.blockTermination()
        ParentWatch.bindToParent()
        let configuration: ServiceConfiguration
        do {
            configuration = try ServiceConfiguration.parse(
                service: definition.name, arguments: arguments,
                environment: ProcessInfo.processInfo.environment, defaultPort: definition.defaultPort
            )
        } catch {
            let message = Array("\(definition.name): \(error)\n".utf8)
            _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            exit(2)
        }
        let logger = Logger(service: definition.name, level: configuration.logLevel, clock: definition.clock)
        let app: ServiceApp
        do {
            app = try ServiceApp(definition: definition, configuration: configuration, logger: logger)
            try app.start()
        } catch {
            logger.error("could not start", [("error", .string(String(describing: error)))])
            // Also plainly on standard error: a person starting the process reads this first.
            let message = Array("\(definition.name): could not start: \(error)\n".utf8)
            _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            exit(1)
        }
        let signal = Signals.waitForTermination()
        logger.info("stopping", [("signal", .int(Int64(signal)))])
        app.shutdown()
        exit(0)
    }

    private static func registerGauges(_ environment: ServiceEnvironment) {
        let metrics = environment.metrics
        metrics.gauge("process_resident_memory_bytes", help: "Resident memory of the process.") {
            [("", Double(ProcessStats.residentBytes()))]
        }
        metrics.gauge("process_open_fds", help: "Open file descriptors.") {
            [("", Double(ProcessStats.openFileDescriptors()))]
        }
        let database = environment.database
        metrics.counter("zaplecze_db_seconds_total", help: "Time spent in database reads and writes.") {
            let statistics = database.statistics
            return [("kind=\"read\"", statistics.readSeconds), ("kind=\"write\"", statistics.writeSeconds)]
        }
        metrics.counter("zaplecze_db_operations_total", help: "Database reads, writes and commits.") {
            let statistics = database.statistics
            return [
                ("kind=\"read\"", Double(statistics.reads)), ("kind=\"write\"", Double(statistics.writes)),
                ("kind=\"commit\"", Double(statistics.commits)),
            ]
        }
        metrics.counter(
            "zaplecze_db_checkpoints_total", help: "WAL checkpoints, by the background thread or the writer."
        ) {
            let statistics = database.statistics
            return [
                ("by=\"background\"", Double(statistics.backgroundCheckpoints)),
                ("by=\"writer\"", Double(statistics.writerCheckpoints)),
            ]
        }
        metrics.gauge("zaplecze_db_wal_pages", help: "Pages in the write-ahead log after the latest commit.") {
            [("", Double(database.statistics.walPages))]
        }
        let outbox = environment.outbox
        metrics.gauge("zaplecze_outbox_pending", help: "Events waiting for delivery.") {
            [("", Double(outbox.pendingCount()))]
        }
        metrics.gauge("zaplecze_outbox_dead_letters", help: "Events a receiver refused for good, kept for a retry.") {
            [("", Double(outbox.deadLetterCount()))]
        }
    }
}
