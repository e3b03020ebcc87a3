import Contract
import Foundation
import HTTP
import ServiceKit

/// A service built from its definition and served in this process on a free port, with a
/// temporary database: for tests that want real HTTP without starting executables. Call `stop()`
/// in a `defer`.
public final class InProcessService: @unchecked Sendable {
    public static let internalSecret = "in-process-internal-secret-0123"

    public let app: ServiceApp
    public let directory: TemporaryDirectory
    public let client: TestClient
    /// Whether the database lives in `directory` (false when the caller gave a path).
    private let ownsDatabase: Bool
    public var environment: ServiceEnvironment { app.environment }
    public var port: Int { app.port }

    /// Builds and starts the service; `databasePath` reuses a database (to test restarts).
    public init(
        _ definition: ServiceDefinition, serviceURLs: [String: Upstream] = [:], environment: [String: String] = [:],
        databasePath: String? = nil, logLevel: LogLevel = .warn
    ) throws {
        directory = try TemporaryDirectory(prefix: "zaplecze-\(definition.name)")
        ownsDatabase = databasePath == nil
        var configuration = ServiceConfiguration(
            databasePath: databasePath ?? directory.file("\(definition.name).sqlite"),
            internalSecret: Self.internalSecret
        )
        configuration.port = 0
        configuration.serviceURLs = serviceURLs
        configuration.logLevel = logLevel
        configuration.environment = environment
        if let smtp = environment["ZAPLECZE_SMTP_URL"] { configuration.smtpURL = smtp }
        if let admin = environment["ZAPLECZE_ADMIN_EMAIL"] { configuration.adminEmail = admin }
        app = try ServiceApp(
            definition: definition, configuration: configuration,
            logger: Logger(service: definition.name, level: logLevel)
        )
        try app.start()
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
        InternalHeaders.apply(principal, secret: Self.internalSecret, to: &headers)
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

    /// Stops the service; `keepDatabase` leaves the files for a restart.
    public func stop(keepDatabase: Bool = false) {
        app.shutdown()
        if !keepDatabase || !ownsDatabase { directory.remove() }
    }
}

/// A tiny HTTP server answering with a handler, for standing in as another service.
public final class StubServer: @unchecked Sendable {
    public let server: HTTPServer

    public init(routes: RouteCollection, workers: Int = 4) throws {
        server = HTTPServer(
            configuration: .init(host: "127.0.0.1", port: 0, eventLoops: 1, workers: workers),
            responder: Router(routes: routes))
        try server.start()
    }

    public var port: Int { server.port }
    public var upstream: Upstream { Upstream(host: "127.0.0.1", port: server.port) }

    public func stop() { server.shutdown(grace: .seconds(2)) }
}
