import ServiceKit

/// The environment variables of the suite: which process needs which, and what the launcher sets.
public enum SuiteEnvironment {
    /// Passed through unchanged from the launcher's environment to every process.
    public static let passThroughVariables = [
        "ZAPLECZE_SMTP_URL", "ZAPLECZE_MAIL_FROM", "ZAPLECZE_SHOP_URL", "ZAPLECZE_LOG_LEVEL",
    ]

    /// Set by the launcher to its own pid; see `ParentWatch`. Never set in docker-compose.yml.
    public static let parentPIDVariable = ParentWatch.parentPIDVariable

    /// The address every service other than the gateway binds to when run by the launcher: they
    /// are reached only by the gateway and each other.
    public static let backendHost = "127.0.0.1"

    /// The variables a process needs to run as part of the suite, wherever it runs. The launcher
    /// gives every process all of them; docker-compose.yml gives each exactly these.
    public static func requiredVariables(for service: SuiteService) -> [String] {
        var names = [SecretVariable.internalSecret.rawValue]
        if service == .gateway {
            names += [
                SecretVariable.adminKeys.rawValue, SecretVariable.storefrontKeys.rawValue,
                SecretVariable.tokenSecret.rawValue,
            ]
        }
        names += SuiteService.backends.compactMap(\.urlVariable)
        names += passThroughVariables
        return names
    }

    /// The address a service binds to under the launcher: the gateway on `--host`, the rest on loopback.
    public static func bindHost(for service: SuiteService, options: LauncherOptions) -> String {
        service == .gateway ? options.host : backendHost
    }

    /// The base URL other processes use to reach a service run by the launcher.
    public static func baseURL(of service: SuiteService, options: LauncherOptions) -> String {
        HostAddress.baseURL(boundTo: bindHost(for: service, options: options), port: options.ports.port(for: service))
    }

    /// The environment every child starts with: the launcher's own, the secrets, the services'
    /// URLs (replacing any inherited ones, since the launcher decides where the services run), the
    /// launcher's pid and where it reports on the processes (see `SupervisionReport`).
    public static func childEnvironment(
        inherited: [String: String],
        secrets: SuiteSecrets,
        options: LauncherOptions,
        launcherPID: Int32
    ) -> [String: String] {
        var environment = inherited
        environment.merge(secrets.environment) { _, new in new }
        for service in SuiteService.backends {
            if let variable = service.urlVariable {
                environment[variable] = baseURL(of: service, options: options)
            }
        }
        environment[parentPIDVariable] = String(launcherPID)
        environment[SupervisionReport.fileVariable] = SupervisionReport.path(inDataDirectory: options.dataDirectory)
        return environment
    }

    /// The command line of one service under the launcher.
    public static func arguments(for service: SuiteService, options: LauncherOptions) -> [String] {
        let directory =
            options.dataDirectory.hasSuffix("/") ? String(options.dataDirectory.dropLast()) : options.dataDirectory
        return [
            "--host", bindHost(for: service, options: options),
            "--port", String(options.ports.port(for: service)),
            "--database", "\(directory)/\(service.name).sqlite",
        ]
    }
}
