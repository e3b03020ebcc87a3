import ServiceKit
import Store

/// The personal-data service: its definition for `ServiceApp` (port, migrations, routes).
public enum PersonalDataService {
    public static let name = SuiteService.personalData.name
    public static let defaultPort = SuiteService.personalData.defaultPort

    /// The definition `main.swift` runs and tests start in-process.
    public static func definition() -> ServiceDefinition {
        ServiceDefinition(name: name, defaultPort: defaultPort, migrations: migrations)
    }

    /// The service's own tables, in order.
    static let migrations: [Migration] = []
}
