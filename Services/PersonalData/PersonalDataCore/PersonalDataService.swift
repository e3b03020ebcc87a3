import Contract
import HTTP
import PDF
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
                let fonts = Self.fonts(environment)
                return routes(dependencies)
                    .include(
                        PersonRightsController(dependencies: dependencies, rights: rights, outbox: outbox, fonts: fonts)
                            .routes)
            }
        )
    }

    /// The report's fonts, or nil (logged) when none are found: the registry runs without them and
    /// answers a report with 503.
    static func fonts(_ environment: ServiceEnvironment) -> PDFFonts? {
        do {
            return try PDFFonts.load(environment: environment.configuration.environment)
        } catch {
            environment.logger.error("no fonts for the access report", [("error", .string("\(error)"))])
            return nil
        }
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
