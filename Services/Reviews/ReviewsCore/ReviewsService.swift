import ServiceKit
import Store

/// The reviews service: its definition for `ServiceApp` (port, migrations, routes).
public enum ReviewsService {
    public static let name = "reviews"
    public static let defaultPort = 8084

    /// The definition `main.swift` runs and tests start in-process.
    public static func definition() -> ServiceDefinition {
        ServiceDefinition(name: name, defaultPort: defaultPort, migrations: migrations)
    }

    /// The service's own tables, in order.
    static let migrations: [Migration] = []
}
