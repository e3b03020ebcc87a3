import ServiceKit
import Store

/// The discounts service: its definition for `ServiceApp` (port, migrations, routes).
public enum DiscountsService {
    public static let name = "discounts"
    public static let defaultPort = 8082

    /// The definition `main.swift` runs and tests start in-process.
    public static func definition() -> ServiceDefinition {
        ServiceDefinition(name: name, defaultPort: defaultPort, migrations: migrations)
    }

    /// The service's own tables, in order.
    static let migrations: [Migration] = []
}
