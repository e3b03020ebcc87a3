import Contract
import Foundation
import HTTP
import ServiceKit

/// A service built from its definition and served in this process on a free port, with a
/// temporary database: for tests that want real HTTP without starting executables. Every
/// service's test harness is built on it (`LoyaltyTestService`, `GatewayHarness`). Call `stop()`
/// in a `defer`.
public final class InProcessService: @unchecked Sendable {
    public static let internalSecret = "in-process-internal-secret-0123"

    public let app: ServiceApp
    public let directory: TemporaryDirectory
    public let client: TestClient
    /// The internal secret the service was configured with, which `call` presents.
    public let secret: String
    /// Whether the database lives in `directory` (false when the caller gave a path).
    private let ownsDatabase: Bool
    /// Whether `directory` was made for this service (false when the caller shared one).
    private let ownsDirectory: Bool
    public var environment: ServiceEnvironment { app.environment }
    public var port: Int { app.port }

    /// Builds and starts the service; `databasePath` reuses a database (to test restarts).
    /// `configure` changes the configuration last (workers, the admin's address, …).
    public convenience init(
        _ definition: ServiceDefinition, serviceURLs: [String: Upstream] = [:], environment: [String: String] = [:],
        databasePath: String? = nil, logLevel: LogLevel = .warn, secret: String = InProcessService.internalSecret,
        configure: (inout ServiceConfiguration) -> Void = { _ in }
    ) throws {
        try self.init(definition, ownsDatabase: databasePath == nil) { directory in
            var configuration = ServiceConfiguration(
                databasePath: databasePath ?? directory.file("\(definition.name).sqlite"), internalSecret: secret)
            configuration.host = "127.0.0.1"
            configuration.port = 0
            configuration.serviceURLs = serviceURLs
            configuration.logLevel = logLevel
            configuration.environment = environment
            if let smtp = environment["ZAPLECZE_SMTP_URL"] { configuration.smtpURL = smtp }
            if let admin = environment["ZAPLECZE_ADMIN_EMAIL"] { configuration.adminEmail = admin }
            if let shop = environment["ZAPLECZE_SHOP_URL"] { configuration.shopURL = shop }
            configure(&configuration)
            return configuration
        }
    }

    /// Builds and starts the service with the configuration `configuration` makes for the
    /// service's directory: read from flags and variables as its executable reads them, say.
    /// A `shared` directory (a restart on the same database) is left in place by `stop()`.
    /// `logger` replaces the service's own (to silence it, say).
    public init(
        _ definition: ServiceDefinition, directory shared: TemporaryDirectory? = nil, ownsDatabase: Bool = true,
        logger: Logger? = nil, configuration: (TemporaryDirectory) throws -> ServiceConfiguration
    ) throws {
        directory = try shared ?? TemporaryDirectory(prefix: "zaplecze-\(definition.name)")
        ownsDirectory = shared == nil
        self.ownsDatabase = ownsDatabase
        do {
            let configuration = try configuration(directory)
            secret = configuration.internalSecret
            app = try ServiceApp(
                definition: definition, configuration: configuration,
                logger: logger
                    ?? Logger(service: definition.name, level: configuration.logLevel, clock: definition.clock))
            try app.start()
        } catch {
            if shared == nil { directory.remove() }
            throw error
        }
        client = TestClient(port: app.port)
    }

    /// The service's base URL, for other services' configuration.
    public var upstream: Upstream { Upstream(host: "127.0.0.1", port: app.port) }

    /// Calls the service as another process would: internal secret and `principal`'s identity.
    public func call(
        _ method: HTTPMethod, _ path: String, as principal: Principal = Principal(role: .admin, name: "tester"),
        body: [UInt8] = [], headers extra: HTTPHeaders = [:]
    ) throws -> HTTPClientResponse {
        var headers = extra
        InternalHeaders.apply(principal, secret: secret, to: &headers)
        return try client.request(method, path, body: body, headers: headers)
    }

    /// Calls with `value` encoded as the JSON body.
    public func call<T: Encodable>(
        _ method: HTTPMethod, _ path: String, json value: T,
        as principal: Principal = Principal(role: .admin, name: "tester"),
        headers: HTTPHeaders = [:]
    ) throws -> HTTPClientResponse {
        try call(method, path, as: principal, body: try JSONCoding.encode(value), headers: headers)
    }

    /// Stops the service; `keepDatabase` leaves the files for a restart, and a shared directory
    /// is always left to its owner.
    public func stop(keepDatabase: Bool = false) {
        app.shutdown()
        if ownsDirectory && (!keepDatabase || !ownsDatabase) { directory.remove() }
    }
}
