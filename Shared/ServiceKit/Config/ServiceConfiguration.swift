import FoundationEssentials
import Glibc
import HTTP

/// A bad flag or variable: printed with the usage, and the process exits with status 2.
public struct ConfigurationError: Error, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Everything a Zaplecze process is configured with, from flags first, then `ZAPLECZE_*`
/// variables, then defaults.
public struct ServiceConfiguration: Sendable {
    /// The names of the services behind the gateway, as used in URLs, variables and the launcher.
    public static var serviceNames: [String] { SuiteService.backends.map(\.name) }

    public var host = "127.0.0.1"
    public var port = 8080
    public var databasePath: String
    public var internalSecret: String
    /// Base URLs of the other services (variables `ZAPLECZE_<NAME>_URL`).
    public var serviceURLs: [String: Upstream] = [:]
    public var smtpURL: String?
    public var mailFrom = "zaplecze@localhost"
    public var shopURL = "http://localhost"
    /// Where the shop owner is notified (new exchange orders and the like).
    public var adminEmail: String?
    public var logLevel: LogLevel = .info
    /// Handler threads; nil means the service's own default.
    public var workers: Int?
    public var synchronous = "NORMAL"
    /// WAL size in pages past which it is checkpointed into the database file; nil: the default.
    public var checkpointPages: Int?
    /// Most open connections from one client address (`ZAPLECZE_MAX_CONNECTIONS_PER_ADDRESS`,
    /// 0 for no cap); nil: the service's own default.
    public var maxConnectionsPerAddress: Int?
    /// Reverse proxies whose `X-Forwarded-For` is believed and whose connections are not capped
    /// per address (`ZAPLECZE_TRUSTED_PROXIES`: addresses and CIDR blocks, comma-separated).
    public var trustedProxies = AddressRanges.none
    /// Every `ZAPLECZE_*` variable, for settings only one service reads.
    public var environment: [String: String] = [:]

    public init(databasePath: String, internalSecret: String) {
        self.databasePath = databasePath
        self.internalSecret = internalSecret
    }

    /// The variable that names a service's URL: `personal-data` → `ZAPLECZE_PERSONAL_DATA_URL`.
    public static func urlVariable(for service: String) -> String {
        "ZAPLECZE_" + service.uppercased().replacing("-", with: "_") + "_URL"
    }

    /// Reads flags and the environment for the process called `service`.
    public static func parse(
        service: String, arguments: [String], environment: [String: String], defaultPort: Int
    ) throws -> ServiceConfiguration {
        // A variable set to nothing counts as unset: docker-compose.yml passes each documented
        // variable as `${NAME:-}`, which is empty where the operator did not set it.
        let environment = environment.filter { !$0.value.isEmpty }
        var flags: [String: String] = [:]
        var index = 0
        let known: Set<String> = [
            "--host", "--port", "--database", "--workers", "--log-level", "--synchronous", "--checkpoint-pages",
        ]
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--help" || argument == "-h" { throw ConfigurationError(usage(service: service)) }
            var name = argument
            var value: String?
            if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                name = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            }
            guard known.contains(name) else {
                throw ConfigurationError("unknown option \(argument)\n\n\(usage(service: service))")
            }
            if value == nil {
                index += 1
                guard index < arguments.count else { throw ConfigurationError("\(name) needs a value") }
                value = arguments[index]
            }
            flags[name] = value
            index += 1
        }
        func setting(_ flag: String, _ variable: String) -> String? { flags[flag] ?? environment[variable] }

        let secret = environment["ZAPLECZE_INTERNAL_SECRET"] ?? ""
        guard secret.utf8.count >= 16 else {
            throw ConfigurationError(
                "ZAPLECZE_INTERNAL_SECRET must be set to at least 16 characters (the suite launcher sets it)")
        }
        var config = ServiceConfiguration(
            databasePath: setting("--database", "ZAPLECZE_DATABASE") ?? "./data/\(service).sqlite",
            internalSecret: secret
        )
        config.environment = environment.filter { $0.key.hasPrefix("ZAPLECZE_") }
        config.host = setting("--host", "ZAPLECZE_HOST") ?? "127.0.0.1"
        if let text = setting("--port", "ZAPLECZE_PORT") {
            guard let port = Int(text), (0...65535).contains(port) else {
                throw ConfigurationError("--port must be 0–65535, got '\(text)'")
            }
            config.port = port
        } else {
            config.port = defaultPort
        }
        if let text = setting("--workers", "ZAPLECZE_WORKERS") {
            guard let workers = Int(text), (1...1024).contains(workers) else {
                throw ConfigurationError("--workers must be 1–1024, got '\(text)'")
            }
            config.workers = workers
        }
        if let text = setting("--log-level", "ZAPLECZE_LOG_LEVEL") {
            guard let level = LogLevel(rawValue: text.lowercased()) else {
                throw ConfigurationError("--log-level must be one of debug, info, warn, error, got '\(text)'")
            }
            config.logLevel = level
        }
        if let text = setting("--synchronous", "ZAPLECZE_SQLITE_SYNCHRONOUS") {
            guard ["OFF", "NORMAL", "FULL", "EXTRA"].contains(text.uppercased()) else {
                throw ConfigurationError("--synchronous must be OFF, NORMAL, FULL or EXTRA, got '\(text)'")
            }
            config.synchronous = text.uppercased()
        }
        if let text = setting("--checkpoint-pages", "ZAPLECZE_SQLITE_CHECKPOINT_PAGES") {
            guard let pages = Int(text), (1...1_000_000).contains(pages) else {
                throw ConfigurationError("--checkpoint-pages must be 1–1000000, got '\(text)'")
            }
            config.checkpointPages = pages
        }
        if let text = environment["ZAPLECZE_MAX_CONNECTIONS_PER_ADDRESS"] {
            guard let count = Int(text), (0...1_000_000).contains(count) else {
                throw ConfigurationError(
                    "ZAPLECZE_MAX_CONNECTIONS_PER_ADDRESS must be 0 (no cap) to 1000000, got '\(text)'")
            }
            config.maxConnectionsPerAddress = count
        }
        do {
            config.trustedProxies = try AddressRanges(parsing: environment["ZAPLECZE_TRUSTED_PROXIES"] ?? "")
        } catch {
            throw ConfigurationError("ZAPLECZE_TRUSTED_PROXIES: \(error)")
        }
        for name in serviceNames {
            let variable = urlVariable(for: name)
            guard let text = environment[variable], !text.isEmpty else { continue }
            guard let upstream = Upstream(url: text) else {
                throw ConfigurationError("\(variable) must look like http://host:port, got '\(text)'")
            }
            config.serviceURLs[name] = upstream
        }
        if let smtp = environment["ZAPLECZE_SMTP_URL"], !smtp.isEmpty {
            guard SMTPEndpoint(url: smtp) != nil else {
                throw ConfigurationError("ZAPLECZE_SMTP_URL must look like smtp://host:port, got '\(smtp)'")
            }
            config.smtpURL = smtp
        }
        if let from = environment["ZAPLECZE_MAIL_FROM"], !from.isEmpty { config.mailFrom = from }
        if let shop = environment["ZAPLECZE_SHOP_URL"], !shop.isEmpty { config.shopURL = shop }
        if let admin = environment["ZAPLECZE_ADMIN_EMAIL"], !admin.isEmpty { config.adminEmail = admin }
        return config
    }

    /// The usage text of a service executable.
    public static func usage(service: String) -> String {
        """
        usage: \(service) [--host H] [--port P] [--database PATH] [--workers N] [--log-level L] [--synchronous S]
                  [--checkpoint-pages N]

          --host H          address to bind (ZAPLECZE_HOST, default 127.0.0.1)
          --port P          port to bind, 0 for any (ZAPLECZE_PORT)
          --database PATH   SQLite file (ZAPLECZE_DATABASE, default ./data/\(service).sqlite)
          --workers N       handler threads (ZAPLECZE_WORKERS, default \(HTTPServer.Configuration.defaultWorkers))
          --log-level L     debug|info|warn|error (ZAPLECZE_LOG_LEVEL, default info)
          --synchronous S   SQLite synchronous: OFF|NORMAL|FULL|EXTRA (ZAPLECZE_SQLITE_SYNCHRONOUS, default NORMAL)
          --checkpoint-pages N  WAL pages before a background checkpoint (ZAPLECZE_SQLITE_CHECKPOINT_PAGES, default 1000)

        Required: ZAPLECZE_INTERNAL_SECRET. See README.md for every variable.
        """
    }
}
