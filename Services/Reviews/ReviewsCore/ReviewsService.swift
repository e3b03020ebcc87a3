import ServiceKit
import Store

/// The reviews service: its definition for `ServiceApp` (port, migrations, routes).
public enum ReviewsService {
    public static let name = SuiteService.reviews.name
    public static let defaultPort = SuiteService.reviews.defaultPort

    /// The definition `main.swift` runs and tests start in-process.
    public static func definition() -> ServiceDefinition {
        ServiceDefinition(name: name, defaultPort: defaultPort, migrations: migrations)
    }

    /// The service's own tables, in order.
    static let migrations: [Migration] = []
}
