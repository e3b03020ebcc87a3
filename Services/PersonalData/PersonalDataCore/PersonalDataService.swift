import ServiceKit
import Store

/// The personal-data service: its definition for `ServiceApp` (port, migrations, routes).
public enum PersonalDataService {
    public static let name = "personal-data"
    public static let defaultPort = 8085

    /// The definition `main.swift` runs and tests start in-process.
    public static func definition() -> ServiceDefinition {
        ServiceDefinition(name: name, defaultPort: defaultPort, migrations: migrations)
    }

    /// The service's own tables, in order.
    static let migrations: [Migration] = []
}
