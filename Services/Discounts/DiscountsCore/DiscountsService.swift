import ServiceKit
import Store

/// The discounts service: its definition for `ServiceApp` (port, migrations, routes).
public enum DiscountsService {
    public static let name = SuiteService.discounts.name
    public static let defaultPort = SuiteService.discounts.defaultPort

    /// The definition `main.swift` runs and tests start in-process.
    public static func definition() -> ServiceDefinition {
        ServiceDefinition(name: name, defaultPort: defaultPort, migrations: migrations)
    }

    /// The service's own tables, in order.
    static let migrations: [Migration] = DiscountsMigrations.all
}
