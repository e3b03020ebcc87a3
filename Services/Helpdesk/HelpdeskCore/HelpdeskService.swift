import ServiceKit
import Store

/// The helpdesk service: its definition for `ServiceApp` (port, migrations, routes).
public enum HelpdeskService {
    public static let name = SuiteService.helpdesk.name
    public static let defaultPort = SuiteService.helpdesk.defaultPort

    /// The definition `main.swift` runs and tests start in-process.
    public static func definition() -> ServiceDefinition {
        ServiceDefinition(name: name, defaultPort: defaultPort, migrations: migrations)
    }

    /// The service's own tables, in order.
    static let migrations: [Migration] = []
}
