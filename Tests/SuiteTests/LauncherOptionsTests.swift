import ServiceKit
import SuiteCore
import Testing

@Suite struct LauncherOptionsTests {
    private func options(_ arguments: [String]) throws -> LauncherOptions {
        guard case .run(let options) = try LauncherOptions.parse(arguments) else {
            Issue.record("expected options for \(arguments)")
            return LauncherOptions()
        }
        return options
    }

    @Test func noFlags_GiveTheDefaults() throws {
        let parsed = try options([])
        #expect(parsed.host == "127.0.0.1")
        #expect(parsed.ports.basePort == 8080)
        #expect(parsed.dataDirectory == "./data")
        #expect(parsed == LauncherOptions())
    }

    @Test func defaultPortMap_PutsTheGatewayOn8080_AndTheServicesOnTheNextFive() {
        let ports = PortMap.standard
        #expect(SuiteService.all.map { ports.port(for: $0) } == [8080, 8081, 8082, 8083, 8084, 8085])
        #expect(
            SuiteService.all.map(\.name) == ["gateway", "loyalty", "discounts", "helpdesk", "reviews", "personal-data"])
    }

    @Test func serve_NamesOneService_AndPassesTheRestToIt() throws {
        #expect(
            try LauncherOptions.parse(["serve", "loyalty", "--port", "9001"])
                == .serve(.loyalty, arguments: ["--port", "9001"]))
        #expect(try LauncherOptions.parse(["serve", "personal-data"]) == .serve(.personalData, arguments: []))
        #expect(throws: LauncherOptionsError.unknownService("nope")) { try LauncherOptions.parse(["serve", "nope"]) }
        #expect(throws: LauncherOptionsError.missingValue(flag: "serve")) { try LauncherOptions.parse(["serve"]) }
    }

    @Test func portFlag_MovesEveryServiceByTheSameAmount() throws {
        let parsed = try options(["--port", "9000"])
        #expect(parsed.ports.port(for: .gateway) == 9000)
        #expect(parsed.ports.port(for: .loyalty) == 9001)
        #expect(parsed.ports.port(for: .discounts) == 9002)
        #expect(parsed.ports.port(for: .helpdesk) == 9003)
        #expect(parsed.ports.port(for: .reviews) == 9004)
        #expect(parsed.ports.port(for: .personalData) == 9005)
    }

    @Test func flags_AcceptTheEqualsForm() throws {
        let parsed = try options(["--port=9100", "--host=0.0.0.0", "--data-dir=/var/lib/zaplecze"])
        #expect(parsed.ports.basePort == 9100)
        #expect(parsed.host == "0.0.0.0")
        #expect(parsed.dataDirectory == "/var/lib/zaplecze")
    }

    @Test func hostFlag_AcceptsIPv6_AndMapsLocalhostToLoopback() throws {
        #expect(try options(["--host", "::1"]).host == "::1")
        #expect(try options(["--host", "::"]).host == "::")
        #expect(try options(["--host", "localhost"]).host == "127.0.0.1")
    }

    @Test func helpFlag_WinsWherever_ItStands() throws {
        #expect(try LauncherOptions.parse(["--help"]) == .help)
        #expect(try LauncherOptions.parse(["--port", "9000", "-h"]) == .help)
        #expect(LauncherOptions.usage.contains("--data-dir"))
    }

    @Test(arguments: ["0", "-1", "65531", "70000", "abc", "", "8080.5", "99999999999999999999999"])
    func portFlag_RejectsValues_ThatLeaveNoRoomForSixPorts(value: String) {
        #expect(throws: LauncherOptionsError.self) { try LauncherOptions.parse(["--port", value]) }
    }

    @Test func highestPossibleBasePort_IsAccepted() throws {
        let parsed = try options(["--port", "65530"])
        #expect(parsed.ports.port(for: .personalData) == 65_535)
    }

    @Test func badArguments_AreReportedWithTheFlagNamed() {
        let cases: [([String], LauncherOptionsError)] = [
            (["--bogus"], .unknownArgument("--bogus")),
            (["--serve"], .unknownArgument("--serve")),
            (["--port"], .missingValue(flag: "--port")),
            (["--port", "9000", "--port", "9100"], .repeatedFlag("--port")),
        ]
        for (arguments, expected) in cases {
            #expect(throws: expected) { try LauncherOptions.parse(arguments) }
        }
    }

    @Test(arguments: ["example.com", "127.0.0.256", "", "1.2.3"])
    func hostFlag_RejectsAnythingButAnIPAddress(value: String) {
        #expect(throws: LauncherOptionsError.self) { try LauncherOptions.parse(["--host", value]) }
    }

    @Test func emptyDataDirectory_IsRejected() {
        #expect(throws: LauncherOptionsError.self) { try LauncherOptions.parse(["--data-dir", ""]) }
    }

    @Test func errorMessages_NameTheFlagAndTheValue() {
        do {
            _ = try LauncherOptions.parse(["--port", "70000"])
            Issue.record("70000 was accepted")
        } catch {
            #expect(error.description.contains("--port"))
            #expect(error.description.contains("70000"))
        }
    }
}
