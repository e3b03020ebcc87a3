import Foundation
import ServiceKit
import SuiteCore
import Testing

/// docker-compose.yml, Dockerfile and Package.swift must agree with the launcher: same executables,
/// same ports, same variables.
@Suite struct ComposeFileTests {
    /// The package root, three levels above this file (Tests/SuiteTests/ComposeFileTests.swift).
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    private static func text(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
    }

    private func compose() throws -> YAMLNode {
        try ComposeYAMLReader.parse(Self.text("docker-compose.yml"))
    }

    private func services() throws -> YAMLNode {
        try #require(try compose()["services"])
    }

    /// The executable products of Package.swift: the `services` list's names, plus `suite`.
    private func packageExecutables() throws -> [String] {
        let manifest = try Self.text("Package.swift")
        let declaration = try #require(manifest.range(of: "let services"))
        let start = try #require(manifest.range(of: "= [", range: declaration.upperBound..<manifest.endIndex))
        let end = try #require(manifest.range(of: "\n]", range: start.upperBound..<manifest.endIndex))
        return manifest[start.upperBound..<end.lowerBound]
            .split(separator: "\n")
            .compactMap { line -> String? in
                guard let open = line.range(of: "(\"") else { return nil }
                return line[open.upperBound...].split(separator: "\"").first.map(String.init)
            }
    }

    @Test func services_AreExactlyTheSixExecutables() throws {
        #expect(try services().keys == SuiteService.all.map(\.name))
        #expect(Set(try packageExecutables()) == Set(SuiteService.all.map(\.name)))
        #expect(try Self.text("Package.swift").contains(#".executable(name: "suite""#))
    }

    @Test func eachCommand_RunsItsExecutable_OnTheLauncherPort_WithItsOwnDatabase() throws {
        let services = try services()
        let products = try packageExecutables()
        for service in SuiteService.all {
            let command = try #require(services[service.name]?["command"]?.strings, "\(service.name) has no command")
            #expect(products.contains(command.first ?? ""), "\(command.first ?? "") is not a product")
            #expect(
                command == [
                    service.name, "--host", "0.0.0.0", "--port", String(PortMap.standard.port(for: service)),
                    "--database", "/data/\(service.name).sqlite",
                ])
        }
    }

    @Test func onlyTheGateway_PublishesAPort_AndItIsTheGatewayPort() throws {
        let services = try services()
        for service in SuiteService.all where service != .gateway {
            #expect(services[service.name]?["ports"] == nil, "\(service.name) must not publish a port")
        }
        let port = PortMap.standard.port(for: .gateway)
        #expect(services["gateway"]?["ports"]?.strings == ["\(port):\(port)"])
    }

    @Test func everyService_HasAHealthcheckOnItsOwnReadyRoute() throws {
        let services = try services()
        for service in SuiteService.all {
            let healthcheck = try #require(services[service.name]?["healthcheck"], "\(service.name) has no healthcheck")
            let test = try #require(healthcheck["test"]?.strings)
            #expect(test.first == "CMD")
            #expect(test.contains("curl"))
            #expect(test.last == "http://127.0.0.1:\(PortMap.standard.port(for: service))/ready")
        }
        #expect(try Self.text("Dockerfile").contains("curl"), "the runtime image must have curl for the checks")
    }

    @Test func everyService_KeepsItsDatabaseInANamedVolumeOfItsOwn() throws {
        let compose = try compose()
        let declared = try #require(compose["volumes"]).keys
        var used: [String] = []
        for service in SuiteService.all {
            let volumes = try #require(compose["services"]?[service.name]?["volumes"]?.strings)
            let data = try #require(volumes.first { $0.hasSuffix(":/data") }, "\(service.name) has no /data volume")
            let name = String(data.dropLast(":/data".count))
            #expect(declared.contains(name), "\(name) is not a named volume")
            used.append(name)
        }
        #expect(Set(used).count == SuiteService.all.count)
    }

    @Test func everyService_GetsTheVariablesItNeeds_AndSecretsAreRequiredFromTheEnvironment() throws {
        let services = try services()
        for service in SuiteService.all {
            let environment = try #require(services[service.name]?["environment"])
            for variable in SuiteEnvironment.requiredVariables(for: service) {
                #expect(environment[variable] != nil, "\(service.name) lacks \(variable)")
            }
            #expect(environment[SuiteEnvironment.parentPIDVariable] == nil, "only the launcher sets the parent pid")
            for secret in SecretVariable.allCases {
                if let value = environment[secret.rawValue]?.string {
                    #expect(
                        value.hasPrefix("${\(secret.rawValue):?"), "\(secret.rawValue) must come from the environment")
                }
            }
        }
        let backendEnvironment = try #require(services["loyalty"]?["environment"])
        #expect(backendEnvironment["ZAPLECZE_ADMIN_KEYS"] == nil, "API keys stay with the gateway")
    }

    @Test func serviceURLs_PointAtTheComposeServices_OnTheLauncherPorts() throws {
        let services = try services()
        for service in SuiteService.all {
            let environment = try #require(services[service.name]?["environment"])
            for backend in SuiteService.backends {
                let variable = try #require(backend.urlVariable)
                #expect(
                    environment[variable]?.string == "http://\(backend.name):\(PortMap.standard.port(for: backend))",
                    "\(service.name): \(variable)")
            }
        }
    }

    @Test func backends_AreOnlyOnTheInternalNetwork_AndTheGatewayWaitsUntilTheyAreHealthy() throws {
        let compose = try compose()
        let networks = try #require(compose["networks"])
        #expect(networks["internal"]?["internal"]?.string == "true")
        #expect(networks["public"] != nil)
        #expect(compose["services"]?["gateway"]?["networks"]?.strings.map(Set.init) == ["internal", "public"])
        for service in SuiteService.backends {
            #expect(compose["services"]?[service.name]?["networks"]?.strings == ["internal"])
            #expect(
                compose["services"]?["gateway"]?["depends_on"]?[service.name]?["condition"]?.string == "service_healthy"
            )
        }
    }

    @Test func dockerfile_CopiesEveryExecutable_IntoTheRuntimeImage() throws {
        let dockerfile = try Self.text("Dockerfile")
        let loop = try #require(dockerfile.split(separator: "\n").first { $0.contains("for exe in") })
        let words = loop.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ";")) }
        for name in SuiteService.all.map(\.name) + ["suite"] {
            #expect(words.contains(name), "the image lacks \(name)")
        }
        #expect(dockerfile.contains("--static-swift-stdlib"))
        #expect(dockerfile.contains("libsqlite3-0"))
    }

    @Test func reader_HandlesAnchorsMergesAndFlowLists() throws {
        let yaml = """
            x-base: &base
              a: "1"
              b: two # comment
            thing:
              <<: *base
              b: three
              list: ["x", 'y', z]
              items:
                - "p:q"
                - r
              empty:
            """
        let node = try ComposeYAMLReader.parse(yaml)
        #expect(node["thing"]?.keys == ["b", "list", "items", "empty", "a"])
        #expect(node["thing"]?["a"]?.string == "1")
        #expect(node["thing"]?["b"]?.string == "three")
        #expect(node["thing"]?["list"]?.strings == ["x", "y", "z"])
        #expect(node["thing"]?["items"]?.strings == ["p:q", "r"])
        #expect(node["thing"]?["empty"] == .null)
    }
}
