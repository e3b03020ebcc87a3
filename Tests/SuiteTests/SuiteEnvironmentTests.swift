import ServiceKit
import SuiteCore
import Testing

@Suite struct SuiteEnvironmentTests {
    private let secrets = SuiteSecrets(
        adminKeys: "adm", storefrontKeys: "shop", internalSecret: "int", tokenSecret: "tok")

    @Test func arguments_GiveEachServiceItsPortAndDatabase_AndKeepBackendsOnLoopback() throws {
        guard
            case .run(let options) = try LauncherOptions.parse([
                "--host", "0.0.0.0", "--port", "9000", "--data-dir", "/srv/z/",
            ])
        else {
            Issue.record("no options")
            return
        }
        #expect(
            SuiteEnvironment.arguments(for: .gateway, options: options)
                == ["--host", "0.0.0.0", "--port", "9000", "--database", "/srv/z/gateway.sqlite"])
        #expect(
            SuiteEnvironment.arguments(for: .personalData, options: options)
                == ["--host", "127.0.0.1", "--port", "9005", "--database", "/srv/z/personal-data.sqlite"])
    }

    @Test func childEnvironment_CarriesSecretsURLsAndTheLauncherPID_OverInheritedValues() {
        let inherited = [
            "PATH": "/usr/bin", "ZAPLECZE_LOYALTY_URL": "http://elsewhere:1", "ZAPLECZE_LOG_LEVEL": "debug",
        ]
        let environment = SuiteEnvironment.childEnvironment(
            inherited: inherited, secrets: secrets, options: LauncherOptions(), launcherPID: 4242)
        #expect(environment["PATH"] == "/usr/bin")
        #expect(environment["ZAPLECZE_LOG_LEVEL"] == "debug")
        #expect(environment["ZAPLECZE_ADMIN_KEYS"] == "adm")
        #expect(environment["ZAPLECZE_TOKEN_SECRET"] == "tok")
        #expect(environment["ZAPLECZE_INTERNAL_SECRET"] == "int")
        #expect(environment["ZAPLECZE_LOYALTY_URL"] == "http://127.0.0.1:8081")
        #expect(environment["ZAPLECZE_PERSONAL_DATA_URL"] == "http://127.0.0.1:8085")
        #expect(environment["ZAPLECZE_PARENT_PID"] == "4242")
    }

    @Test func everyVariableACompose_ServiceNeeds_IsSetByTheLauncher() {
        let environment = SuiteEnvironment.childEnvironment(
            inherited: Dictionary(uniqueKeysWithValues: SuiteEnvironment.passThroughVariables.map { ($0, "x") }),
            secrets: secrets, options: LauncherOptions(), launcherPID: 1)
        for service in SuiteService.all {
            for variable in SuiteEnvironment.requiredVariables(for: service) {
                #expect(environment[variable] != nil, "\(variable) for \(service.name)")
            }
        }
    }

    @Test func wildcardHosts_AreReachedThroughLoopback_AndIPv6GetsBrackets() {
        #expect(HostAddress.baseURL(boundTo: "0.0.0.0", port: 8080) == "http://127.0.0.1:8080")
        #expect(HostAddress.baseURL(boundTo: "::", port: 8080) == "http://[::1]:8080")
        #expect(HostAddress.baseURL(boundTo: "::1", port: 8080) == "http://[::1]:8080")
        #expect(HostAddress.baseURL(boundTo: "192.168.1.5", port: 8080) == "http://192.168.1.5:8080")
    }

    @Test func onlyTheGateway_NeedsTheAPIKeysAndTheTokenSecret() {
        let gateway = SuiteEnvironment.requiredVariables(for: .gateway)
        #expect(gateway.contains("ZAPLECZE_ADMIN_KEYS") && gateway.contains("ZAPLECZE_TOKEN_SECRET"))
        for service in SuiteService.backends {
            let needed = SuiteEnvironment.requiredVariables(for: service)
            #expect(needed.contains("ZAPLECZE_INTERNAL_SECRET"))
            #expect(!needed.contains("ZAPLECZE_ADMIN_KEYS") && !needed.contains("ZAPLECZE_STOREFRONT_KEYS"))
        }
    }
}
