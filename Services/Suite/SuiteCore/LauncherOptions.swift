import ServiceKit

#if canImport(Glibc)
    import Glibc
#endif

/// What `suite` was asked to do by its command line.
public enum LauncherCommand: Equatable, Sendable {
    /// Run the suite with these options.
    case run(LauncherOptions)
    /// Print the usage and exit 0.
    case help
    /// Run one service in this process (`suite serve <name> [flags]`): how the launcher starts
    /// each child from its own executable, so that building `suite` alone builds the whole suite.
    case serve(SuiteService, arguments: [String])
}

/// The launcher's flags: `suite [--port P] [--host H] [--data-dir D]`.
public struct LauncherOptions: Equatable, Sendable {
    /// The address the gateway binds to; the other services stay on loopback.
    public var host: String
    /// The ports of all six processes, derived from `--port`.
    public var ports: PortMap
    /// Where the databases and the generated secrets live.
    public var dataDirectory: String

    /// The defaults: 127.0.0.1, 8080…8085, ./data.
    public static let defaultHost = "127.0.0.1"
    /// The default data directory, relative to the working directory.
    public static let defaultDataDirectory = "./data"

    /// Creates options; the defaults match `suite` with no flags.
    public init(host: String = defaultHost, ports: PortMap? = nil, dataDirectory: String = defaultDataDirectory) {
        self.host = host
        self.ports = ports ?? .standard
        self.dataDirectory = dataDirectory
    }

    /// The usage text printed by `--help`.
    public static let usage = """
        Usage: suite [--port P] [--host H] [--data-dir D]
               suite serve <service> [service flags]

        Runs the whole back office: the gateway and the five services, each its own process with its
        own SQLite database, restarting any that dies and stopping all of them on SIGTERM or Ctrl-C.
        A process that keeps dying is restarted after a delay that doubles from 100 ms up to 30 s (it
        starts over once the process stays up 30 s) and is reported crash-looping on the gateway's
        /ready and /metrics; it is never given up.

          --port P       the gateway's port (default 8080); the services use P+1 … P+5:
                         loyalty, discounts, helpdesk, reviews, personal-data
          --host H       the address the gateway binds to (default 127.0.0.1; 0.0.0.0 for all);
                         the services always bind to loopback
          --data-dir D   where the databases and secrets.env live (default ./data, created 0700)
          -h, --help     print this text

        `suite serve <service>` runs one service alone, with the flags of its own executable
        (\(SuiteService.all.map(\.name).joined(separator: ", ")); see `suite serve <service> --help`).

        Environment: ZAPLECZE_ADMIN_KEYS, ZAPLECZE_STOREFRONT_KEYS (comma-separated API keys),
        ZAPLECZE_INTERNAL_SECRET, ZAPLECZE_TOKEN_SECRET. Any that is unset is generated on the first
        run, kept in D/secrets.env (mode 0600) and reused. ZAPLECZE_SMTP_URL, ZAPLECZE_MAIL_FROM,
        ZAPLECZE_SHOP_URL and ZAPLECZE_LOG_LEVEL are passed to every process as they are.
        """

    /// Parses the arguments after the program name; `--flag value` and `--flag=value` both work.
    public static func parse(_ arguments: [String]) throws(LauncherOptionsError) -> LauncherCommand {
        if arguments.first == "serve" {
            guard arguments.count >= 2 else {
                throw .missingValue(flag: "serve")
            }
            guard let service = SuiteService.named(arguments[1]) else {
                throw .unknownService(arguments[1])
            }
            return .serve(service, arguments: Array(arguments.dropFirst(2)))
        }
        var options = LauncherOptions()
        var seen: Set<String> = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            if argument == "-h" || argument == "--help" {
                return .help
            }
            var flag = argument
            var value: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                flag = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            }
            guard ["--port", "--host", "--data-dir"].contains(flag) else {
                throw .unknownArgument(argument)
            }
            guard seen.insert(flag).inserted else {
                throw .repeatedFlag(flag)
            }
            if value == nil {
                guard index < arguments.endIndex else {
                    throw .missingValue(flag: flag)
                }
                value = arguments[index]
                index += 1
            }
            let text = value ?? ""
            switch flag {
            case "--port":
                options.ports = try parsePorts(text)
            case "--host":
                options.host = try parseHost(text)
            default:
                guard !text.isEmpty else {
                    throw .invalidValue(flag: flag, value: text, reason: "the data directory must not be empty")
                }
                options.dataDirectory = text
            }
        }
        return .run(options)
    }

    private static func parsePorts(_ text: String) throws(LauncherOptionsError) -> PortMap {
        guard let base = Int(text) else {
            throw .invalidValue(flag: "--port", value: text, reason: "not a whole number")
        }
        do {
            return try PortMap(basePort: base)
        } catch {
            throw .invalidValue(flag: "--port", value: text, reason: error.description)
        }
    }

    /// Accepts an IPv4 or IPv6 literal, or `localhost` (taken as 127.0.0.1), because the services
    /// bind to the literal they are given and a name could resolve to something unexpected.
    private static func parseHost(_ text: String) throws(LauncherOptionsError) -> String {
        if text == "localhost" {
            return defaultHost
        }
        guard HostAddress.isIPLiteral(text) else {
            throw .invalidValue(
                flag: "--host", value: text, reason: "not an IPv4 or IPv6 address (e.g. 127.0.0.1, 0.0.0.0, ::1)")
        }
        return text
    }
}

/// A command line `suite` cannot run with; its description is the message for stderr.
public enum LauncherOptionsError: Error, Equatable, CustomStringConvertible {
    /// An argument that is not a known flag.
    case unknownArgument(String)
    /// A flag at the end of the line, without its value.
    case missingValue(flag: String)
    /// A flag given more than once.
    case repeatedFlag(String)
    /// A flag whose value cannot be used.
    case invalidValue(flag: String, value: String, reason: String)
    /// `suite serve` with a name that is not one of the suite's services.
    case unknownService(String)

    public var description: String {
        switch self {
        case .unknownArgument(let argument):
            return "unknown argument '\(argument)' (see suite --help)"
        case .missingValue(let flag):
            return "\(flag) needs a value"
        case .repeatedFlag(let flag):
            return "\(flag) is given more than once"
        case .invalidValue(let flag, let value, let reason):
            return "invalid value '\(value)' for \(flag): \(reason)"
        case .unknownService(let name):
            return "no service '\(name)'; one of \(SuiteService.all.map(\.name).joined(separator: ", "))"
        }
    }
}
