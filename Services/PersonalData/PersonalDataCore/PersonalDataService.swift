import Contract
import HTTP
import Primitives
import ServiceKit
import Store

/// The personal-data registry: its definition for `ServiceApp` (port, migrations, routes).
public enum PersonalDataService {
    public static let name = SuiteService.personalData.name
    public static let defaultPort = SuiteService.personalData.defaultPort

    /// The definition `main.swift` runs and tests start in-process. `clock` dates the records,
    /// the disclosures, the consents and the access log.
    public static func definition(clock: WallClock = .system) -> ServiceDefinition {
        ServiceDefinition(
            name: name,
            defaultPort: defaultPort,
            migrations: migrations,
            clock: clock,
            internalRoutes: { environment in
                let dependencies = PersonalDataDependencies(database: environment.database, clock: clock)
                let outbox = environment.outbox
                let rights = PersonRights(
                    dependencies: dependencies,
                    subjectOf: { service, customerId in
                        try? environment.client(for: service).call(PrivacyRoutes.subject, customerId.text)
                    })
                return routes(dependencies)
                    .include(PersonRightsController(dependencies: dependencies, rights: rights, outbox: outbox).routes)
            }
        )
    }

    /// The service's own tables, in order.
    static let migrations: [Migration] = PersonalDataMigrations.all

    /// Every route under `/v1` (the internal secret and the caller's identity are checked before
    /// these run; each route checks the caller's role again).
    static func routes(_ dependencies: PersonalDataDependencies) -> RouteCollection {
        RouteCollection()
            .include(RegistryController(dependencies: dependencies).routes)
            .include(DisclosuresController(dependencies: dependencies).routes)
    }
}
