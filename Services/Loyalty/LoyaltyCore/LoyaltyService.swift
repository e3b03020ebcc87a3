import ServiceKit
import Store

/// The loyalty service: its definition for `ServiceApp` (port, migrations, routes).
public enum LoyaltyService {
    public static let name = "loyalty"
    public static let defaultPort = 8081

    /// The definition `main.swift` runs and tests start in-process.
    public static func definition() -> ServiceDefinition {
        ServiceDefinition(name: name, defaultPort: defaultPort, migrations: migrations)
    }

    /// The service's own tables, in order.
    static let migrations: [Migration] = []
}
