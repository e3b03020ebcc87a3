// swift-tools-version:6.0
import PackageDescription

/// Zaplecze: the back office of an online shop as a suite of small services behind one gateway.
/// No package dependencies: the Swift toolchain and the system's libsqlite3 only.
///
/// Linux only: the HTTP server waits on epoll and eventfd, metrics and the launcher read /proc,
/// and randomness comes from getrandom(2), so the package claims no Apple platform and imports
/// Glibc where it calls the C library directly.

let services: [(name: String, module: String, folder: String, extra: [Target.Dependency])] = [
    ("loyalty", "Loyalty", "Loyalty", []),
    ("discounts", "Discounts", "Discounts", []),
    ("helpdesk", "Helpdesk", "Helpdesk", []),
    ("reviews", "Reviews", "Reviews", []),
    // The registry prints the access report.
    ("personal-data", "PersonalData", "PersonalData", ["PDF"]),
    ("gateway", "Gateway", "Gateway", []),
]

var targets: [Target] = [
    .systemLibrary(
        name: "CSQLite",
        path: "Shared/CSQLite",
        pkgConfig: "sqlite3",
        providers: [.apt(["libsqlite3-dev"])]
    ),
    .systemLibrary(name: "CSystem", path: "Shared/CSystem"),
    .target(name: "Primitives", dependencies: ["CSystem"], path: "Shared/Primitives"),
    .target(name: "Identifiers", dependencies: ["Primitives"], path: "Shared/Identifiers"),
    // The byte-level JSON encoder, the checked decoder and RFC 3339 dates: infrastructure every
    // process uses, on Foundation and the per-thread slots of Primitives.
    .target(name: "JSON", dependencies: ["Primitives"], path: "Shared/JSON"),
    // HTTP's words with no I/O (methods, percent-encoding): what the contract's route declarations
    // need of HTTP, below both the contract and the server.
    .target(name: "HTTPTypes", path: "Shared/HTTPTypes"),
    .target(
        name: "HTTP", dependencies: ["CSystem", "HTTPTypes", "Primitives"], path: "Shared/HTTP"),
    .target(name: "Store", dependencies: ["CSQLite", "Primitives"], path: "Shared/Store"),
    // RFC 4180 CSV, read and written: a format like JSON, needing nothing but the standard
    // library, so that a service's domain (a bulk file's rows) reads it without the runtime.
    .target(name: "CSV", path: "Shared/CSV"),
    // PDF documents set in an embedded TrueType font (its subset), for reports a person reads or
    // prints. The fonts are files read at run time, not sources.
    .target(name: "PDF", dependencies: ["Primitives"], path: "Shared/PDF", exclude: ["Fonts"]),
    // The shop's types: request and response bodies, route declarations, roles. No I/O: nothing of
    // the server, the store or the runtime (a test, `LayeringTests`, keeps it so).
    .target(
        name: "Contract", dependencies: ["HTTPTypes", "Identifiers", "JSON", "Primitives"], path: "Shared/Contract"),
    // The runtime of every process, and where the contract meets HTTP: JSON bodies on requests and
    // responses, the errors' HTTP answers, route authorisation, the identity header fields and the
    // typed clients of the services.
    .target(
        name: "ServiceKit", dependencies: ["HTTP", "Store", "Contract", "Identifiers", "Primitives"],
        path: "Shared/ServiceKit"),
    .target(name: "SuiteCore", dependencies: ["ServiceKit", "HTTP", "Primitives"], path: "Services/Suite/SuiteCore"),
    // `suite` links every service, so that one build of it runs the whole suite (`suite serve <name>`).
    .executableTarget(
        name: "suite",
        dependencies: ["SuiteCore"] + services.map { .target(name: "\($0.module)Core") },
        path: "Services/Suite/Main"
    ),
    // The seeded generator, sample values and the comparison with Foundation's encoder: test
    // helpers on JSON alone, so that the JSON module's tests need nothing above it.
    .target(name: "TestValues", dependencies: ["JSON"], path: "Tests/TestValues"),
    .target(
        name: "TestSupport", dependencies: ["Primitives", "HTTP", "Store", "Contract", "ServiceKit", "TestValues"],
        path: "Tests/TestSupport"),
    .testTarget(name: "HTTPTests", dependencies: ["HTTP", "TestSupport"], path: "Tests/HTTPTests"),
    .testTarget(name: "IdentifiersTests", dependencies: ["Identifiers"], path: "Tests/IdentifiersTests"),
    .testTarget(name: "PrimitivesTests", dependencies: ["Primitives", "TestValues"], path: "Tests/PrimitivesTests"),
    .testTarget(name: "StoreTests", dependencies: ["Store", "Primitives", "TestSupport"], path: "Tests/StoreTests"),
    // Reads the sources, not the modules: which layer imports which (no dependencies).
    .testTarget(name: "LayeringTests", path: "Tests/LayeringTests"),
    .testTarget(name: "JSONTests", dependencies: ["JSON", "TestValues"], path: "Tests/JSONTests"),
    .testTarget(name: "CSVTests", dependencies: ["CSV", "TestValues"], path: "Tests/CSVTests"),
    .testTarget(name: "PDFTests", dependencies: ["PDF", "Primitives", "TestSupport"], path: "Tests/PDFTests"),
    .testTarget(
        name: "ContractTests", dependencies: ["Contract", "TestSupport", "TestValues"], path: "Tests/ContractTests"),
    .testTarget(
        name: "ServiceKitTests",
        dependencies: ["ServiceKit", "Contract", "HTTP", "Primitives", "Store", "TestSupport"],
        path: "Tests/ServiceKitTests"),
    .testTarget(
        name: "SuiteTests", dependencies: ["SuiteCore", "ServiceKit", "Primitives", "TestSupport"],
        path: "Tests/SuiteTests"),
    .testTarget(
        name: "IntegrationTests",
        dependencies: ["Contract", "HTTP", "ServiceKit", "Store", "TestSupport"],
        path: "Tests/IntegrationTests"
    ),
]

for service in services {
    targets.append(
        .target(
            name: "\(service.module)Core",
            // What every service's code imports: the runtime, the contract, the HTTP types, the store.
            dependencies: ["ServiceKit", "Contract", "CSV", "HTTP", "Identifiers", "Primitives", "Store"]
                + service.extra,
            path: "Services/\(service.folder)/\(service.module)Core"
        )
    )
    targets.append(
        .executableTarget(
            name: service.name,
            dependencies: [.target(name: "\(service.module)Core"), "ServiceKit"],
            path: "Services/\(service.folder)/Main"
        )
    )
}
targets.append(
    .testTarget(
        name: "LoyaltyTests", dependencies: ["LoyaltyCore", "Contract", "HTTP", "ServiceKit", "Store", "TestSupport"],
        path: "Tests/LoyaltyTests"))
targets.append(
    .testTarget(
        name: "DiscountsTests",
        dependencies: ["DiscountsCore", "LoyaltyCore", "Contract", "Primitives", "ServiceKit", "Store", "TestSupport"],
        path: "Tests/DiscountsTests"))
targets.append(
    .testTarget(
        name: "ReviewsTests",
        dependencies: ["ReviewsCore", "Contract", "HTTP", "Primitives", "ServiceKit", "Store", "TestSupport"],
        path: "Tests/ReviewsTests"))
targets.append(
    .testTarget(
        name: "HelpdeskTests",
        dependencies: ["HelpdeskCore", "Contract", "HTTP", "Primitives", "ServiceKit", "Store", "TestSupport"],
        path: "Tests/HelpdeskTests"))
targets.append(
    .testTarget(
        name: "PersonalDataTests",
        dependencies: ["PersonalDataCore", "Contract", "HTTP", "Primitives", "ServiceKit", "Store", "TestSupport"],
        path: "Tests/PersonalDataTests"))
targets.append(
    .testTarget(
        name: "GatewayTests",
        dependencies: ["GatewayCore", "Contract", "HTTP", "Primitives", "ServiceKit", "TestSupport"],
        path: "Tests/GatewayTests"))

for index in targets.indices where targets[index].type != .system {
    targets[index].swiftSettings = [.swiftLanguageMode(.v6)]
}

let package = Package(
    name: "Zaplecze",
    products: services.map { .executable(name: $0.name, targets: [$0.name]) }
        + [.executable(name: "suite", targets: ["suite"])],
    targets: targets
)
