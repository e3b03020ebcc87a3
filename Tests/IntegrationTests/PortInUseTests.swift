import Foundation
import Glibc
import HTTP
import TestSupport
import Testing

/// A port another process listens on is refused by every executable: exit status 1 and a message
/// naming the port, while the process holding it keeps serving.
@Suite(.serialized) struct PortInUseTests {
    static let environment = [
        "ZAPLECZE_INTERNAL_SECRET": "internal-secret-0123456789abcdef",
        "ZAPLECZE_ADMIN_KEYS": "admin-key-0123456789abcdef",
        "ZAPLECZE_STOREFRONT_KEYS": "storefront-key-0123456789abcdef",
        "ZAPLECZE_TOKEN_SECRET": "token-secret-0123456789abcdef",
    ]

    @Test(arguments: ["gateway", "loyalty", "discounts", "helpdesk", "reviews", "personal-data"])
    func aServiceStartedOnATakenPort_Exits1_NamingThePort(service: String) throws {
        let holder = try LiveServer { _ in .text("first") }
        defer { holder.stop() }
        let directory = try TemporaryDirectory(prefix: "zaplecze-port")
        defer { directory.remove() }
        let process = try RunningProcess(
            name: service, executable: try BuiltExecutables.path(service),
            arguments: ["--port", String(holder.port), "--database", directory.file("\(service).sqlite")],
            environment: Self.environment, outputPath: directory.file("\(service).log"))
        defer { process.stop() }
        guard process.waitForExit(timeout: .seconds(20)) else {
            Issue.record("\(service) is still running on port \(holder.port)")
            return
        }
        #expect(process.exitStatus == 1)
        #expect(process.output.contains("port \(holder.port) on 127.0.0.1 is already in use"))
        let connection = try RawConnection(port: holder.port)
        try connection.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(try connection.readResponse().text == "first")
    }

    @Test func theLauncher_OnATakenPort_StartsNothing_AndExits1NamingThePort() throws {
        let base = try FreePorts.consecutive(6)
        let holder = try LiveServer(responder: Hello(), port: base + 3)
        defer { holder.stop() }
        let directory = try TemporaryDirectory(prefix: "zaplecze-port")
        defer { directory.remove() }
        let launcher = try RunningProcess(
            name: "suite", executable: try BuiltExecutables.path("suite"),
            arguments: ["--port", String(base), "--data-dir", directory.file("data")],
            environment: [:], outputPath: directory.file("suite.log"))
        defer { launcher.stop() }
        guard launcher.waitForExit(timeout: .seconds(20)) else {
            Issue.record("the launcher is still running with port \(base + 3) taken")
            return
        }
        #expect(launcher.exitStatus == 1)
        #expect(launcher.output.contains("port \(base + 3) on 127.0.0.1 is already in use"))
        #expect(ProcessTable.children(of: launcher.pid).isEmpty)
    }

    struct Hello: HTTPResponder {
        func respond(to request: HTTPRequest, connection: ConnectionInfo) -> HTTPResponse { .text("first") }
    }
}
