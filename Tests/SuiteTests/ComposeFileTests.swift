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

    /// A variable README.md documents: who reads it, and the flag that can stand in for it.
    private struct DocumentedVariable {
        var name: String
        var services: [SuiteService]
        var flag: String?
    }

    /// The variables of README.md's configuration tables, less those only the launcher sets. A
    /// cell may shorten a name to its tail after the first (`ZAPLECZE_RATE_KEY_PER_SECOND`,
    /// `_KEY_BURST`).
    private func documentedVariables() throws -> [DocumentedVariable] {
        var variables: [DocumentedVariable] = []
        for line in try Self.text("README.md").split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let names = { (cell: String) in
                cell.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " `")) }
            }
            if cells[0].hasPrefix("`--"), cells.count >= 2, cells[1].hasPrefix("`ZAPLECZE_") {
                let flag = String(cells[0].dropFirst().prefix { $0 != " " && $0 != "`" })
                variables.append(DocumentedVariable(name: names(cells[1])[0], services: SuiteService.all, flag: flag))
            } else if cells[0].hasPrefix("`ZAPLECZE_"), cells.count >= 3, !cells[2].hasPrefix("set by the launcher") {
                let services = try cells[1] == "all" ? SuiteService.all : [#require(SuiteService.named(cells[1]))]
                let listed = names(cells[0])
                for name in listed {
                    var full = name
                    if name.hasPrefix("_"), let first = listed.first,
                        let head = name.dropFirst().split(separator: "_").first,
                        let cut = first.range(of: "_" + head)
                    {
                        full = first[..<cut.lowerBound] + name
                    }
                    variables.append(DocumentedVariable(name: full, services: services, flag: nil))
                }
            }
        }
        return variables
    }

    @Test func everyDocumentedVariable_IsPassedToTheServicesThatReadIt() throws {
        let variables = try documentedVariables()
        #expect(variables.count > 30)
        #expect(variables.contains { $0.name == "ZAPLECZE_RATE_KEY_BURST" })
        #expect(variables.contains { $0.name == "ZAPLECZE_ADMIN_EMAIL" && $0.services == [.loyalty] })
        #expect(!variables.contains { $0.name == SuiteEnvironment.parentPIDVariable })
        let services = try services()
        for variable in variables {
            for service in variable.services {
                let environment = try #require(services[service.name]?["environment"])
                let command = services[service.name]?["command"]?.strings ?? []
                let passed = environment[variable.name] != nil || variable.flag.map(command.contains) == true
                #expect(passed, "\(service.name) is not given \(variable.name)")
            }
        }
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
