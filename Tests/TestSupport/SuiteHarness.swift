import Contract
import Foundation
import Glibc
import HTTP
import ServiceKit

/// The whole suite started for real through the `suite` launcher, on free ports with a temporary
/// data directory and known keys. `stop()` (call it in a `defer`) ends the launcher by PID, which
/// ends every child, and removes the data.
public final class SuiteHarness: @unchecked Sendable {
    public static let adminKey = "admin-key-0123456789abcdef"
    public static let storefrontKey = "storefront-key-0123456789abcdef"
    public static let internalSecret = "internal-secret-0123456789abcdef"
    public static let tokenSecret = "token-secret-0123456789abcdef"

    public let basePort: Int
    public let directory: TemporaryDirectory
    public let launcher: RunningProcess
    public let gateway: TestClient

    /// Starts the launcher and waits until the gateway reports the whole suite ready. The launcher
    /// stops the suite and exits when process `boundTo` ends: by default this test process, so
    /// that a crashed test binary leaves nothing running.
    /// `executable` is the launcher to run: by default the one the build put beside the tests.
    public init(
        extraEnvironment: [String: String] = [:], boundTo parent: Int32 = getpid(),
        readyTimeout: Duration = .seconds(120), executable: String? = nil
    ) throws {
        directory = try TemporaryDirectory(prefix: "zaplecze-suite")
        basePort = try FreePorts.consecutive(6)
        var environment = [
            "ZAPLECZE_ADMIN_KEYS": "tester=\(Self.adminKey)",
            "ZAPLECZE_STOREFRONT_KEYS": "shop=\(Self.storefrontKey)",
            "ZAPLECZE_INTERNAL_SECRET": Self.internalSecret,
            "ZAPLECZE_TOKEN_SECRET": Self.tokenSecret,
            "ZAPLECZE_LOG_LEVEL": "warn",
            ParentWatch.parentPIDVariable: String(parent),
        ]
        for (key, value) in extraEnvironment { environment[key] = value }
        launcher = try RunningProcess(
            name: "suite", executable: try executable ?? BuiltExecutables.path("suite"),
            arguments: ["--port", String(basePort), "--data-dir", directory.file("data")],
            environment: environment, outputPath: directory.file("suite.log")
        )
        gateway = TestClient(port: basePort)
        do {
            try waitUntilReady(timeout: readyTimeout)
        } catch {
            stop()
            throw error
        }
    }

    /// The port of a service: the base port plus its offset in the launcher's map.
    public func port(of service: String) -> Int {
        basePort + (SuiteService.named(service)?.portOffset ?? 0)
    }

    /// A client straight to one service (bypassing the gateway).
    public func client(for service: String) -> TestClient { TestClient(port: port(of: service)) }

    /// Waits until the gateway's `/ready` answers 200.
    public func waitUntilReady(timeout: Duration) throws {
        let ready = try eventually(timeout: timeout, interval: .milliseconds(100)) {
            if let response = try? gateway.request(.get, "/ready", timeout: .seconds(2)), response.status == .ok {
                return true
            }
            guard launcher.isRunning else { throw HarnessError("the launcher exited:\n\(launcher.output)") }
            return false
        }
        guard ready else { throw HarnessError("the suite was not ready within \(timeout):\n\(launcher.output)") }
    }

    /// The PID of the launcher's child running `service` (`suite serve <service> …`).
    public func childPID(_ service: String) -> Int32? {
        ProcessTable.children(of: launcher.pid).first { pid in
            let words = ProcessTable.commandLine(of: pid).split(separator: " ")
            return words.count > 2 && words[1] == "serve" && words[2] == service
        }
    }

    /// Every child PID of the launcher.
    public var childPIDs: [Int32] { ProcessTable.children(of: launcher.pid) }

    /// Stops the launcher (and so every child) and removes the data directory.
    public func stop() {
        let children = childPIDs
        launcher.stop()
        // Belt and braces: a child must never outlive a test, even if the launcher misbehaved.
        for pid in children where ProcessTable.isAlive(pid) { kill(pid, SIGKILL) }
        directory.remove()
    }
}
