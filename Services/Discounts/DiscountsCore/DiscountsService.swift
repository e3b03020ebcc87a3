import HTTP
import Primitives
import ServiceKit
import Store

/// The discounts service: its definition for `ServiceApp` (port, migrations, routes).
public enum DiscountsService {
    public static let name = SuiteService.discounts.name
    public static let defaultPort = SuiteService.discounts.defaultPort

    /// The definition `main.swift` runs and tests start in-process. `clock` is what every
    /// timestamp reads; `purchaseRecoveryInterval` is how often purchases left pending are
    /// settled (also once at start).
    public static func definition(
        clock: WallClock = .system, purchaseRecoveryInterval: Duration = .seconds(30)
    ) -> ServiceDefinition {
        let purchasers = PurchaserSlot(clock: clock)
        return ServiceDefinition(
            name: name, defaultPort: defaultPort, migrations: migrations,
            internalRoutes: { environment in
                RouteCollection()
                    .include(ownershipRoutes(environment, clock: clock, purchaser: purchasers.purchaser(environment)))
            },
            start: { environment in
                startOwnershipJobs(
                    environment, purchaser: purchasers.purchaser(environment), interval: purchaseRecoveryInterval)
            })
    }

    /// The service's own tables, in order.
    static let migrations: [Migration] = DiscountsMigrations.all
}
