import Contract
import Foundation
import Glibc
import HTTP
import ServiceKit
import TestSupport
import Testing

/// The suite as an operator runs it: the launcher starts every process; the gateway reaches every
/// service; a killed service is answered for with 503 and comes back; nothing outlives the launcher.
@Suite(.serialized)
struct SuiteLifecycleTests {
    @Test func wholeSuite_ComesUp_AndGatewayReportsEveryServiceReady() throws {
        let suite = try SuiteHarness()
        defer { suite.stop() }
        let response = try suite.gateway.request(.get, "/ready", token: SuiteHarness.adminKey)
        #expect(response.status == .ok)
        let report = try response.decode(JSONValue.self)
        guard case .object(let fields) = report, case .object(let services)? = fields["services"] else {
            Issue.record("unexpected /ready body: \(response.text)")
            return
        }
        #expect(Set(services.keys) == Set(ServiceConfiguration.serviceNames))
        for (name, state) in services {
            guard case .object(let detail) = state else { continue }
            #expect(detail["status"] == .string("ready"), "service \(name)")
        }
        #expect(suite.childPIDs.count == 6)
    }

    @Test func theSuiteExecutableAlone_CopiedToAnEmptyDirectory_BringsEveryServiceUp() throws {
        let directory = try TemporaryDirectory(prefix: "zaplecze-alone")
        defer { directory.remove() }
        let copy = directory.file("suite")
        try FileManager.default.copyItem(atPath: BuiltExecutables.path("suite"), toPath: copy)
        let suite = try SuiteHarness(executable: copy)
        defer { suite.stop() }
        let response = try suite.gateway.request(.get, "/ready", token: SuiteHarness.adminKey)
        #expect(response.status == .ok, "\(response.text)")
        let report = try response.decode(JSONValue.self)
        guard case .object(let fields) = report, case .object(let services)? = fields["services"] else {
            Issue.record("unexpected /ready body: \(response.text)")
            return
        }
        for name in ServiceConfiguration.serviceNames {
            guard case .object(let detail)? = services[name] else {
                Issue.record("\(name) is missing from /ready")
                continue
            }
            #expect(detail["status"] == .string("ready"), "service \(name)")
        }
        let children = suite.childPIDs
        #expect(children.count == SuiteService.all.count)
        for pid in children {
            #expect(ProcessTable.commandLine(of: pid).hasPrefix(copy + " serve "))
        }
    }

    @Test func gateway_ReachesEveryService_WithTheCallersRequestId() throws {
        let suite = try SuiteHarness()
        defer { suite.stop() }
        for service in ServiceConfiguration.serviceNames {
            let response = try suite.gateway.request(
                .get, "/api/v1/\(service)/status", token: SuiteHarness.adminKey,
                headers: ["X-Request-Id": "trace-\(service)"]
            )
            #expect(response.status == .ok, "\(service): \(response.text)")
            #expect(response.headers["X-Request-Id"] == "trace-\(service)")
            let status = try response.decode([String: JSONValue].self)
            #expect(status["service"] == .string(service))
        }
    }

    @Test func service_CalledDirectlyWithoutTheInternalSecret_IsRefused() throws {
        let suite = try SuiteHarness()
        defer { suite.stop() }
        let response = try suite.client(for: "loyalty").request(.get, "/v1/status")
        #expect(response.status == .unauthorized)
        #expect(response.errorEnvelope?.error.code == "unauthorized")
        #expect(try suite.client(for: "loyalty").request(.get, "/health").status == .ok)
    }

    @Test func serviceKilledWithSIGKILL_Gives503JSONThroughTheGateway_AndIsBackWithinFiveSeconds() throws {
        let suite = try SuiteHarness()
        defer { suite.stop() }
        let pid = try #require(suite.childPID("loyalty"))
        kill(pid, SIGKILL)
        // Wait until the kernel has closed the dead process's port, then ask through the gateway
        // before the launcher's restart (100 ms backoff) has a new process listening.
        let direct = suite.client(for: "loyalty")
        eventually(timeout: .seconds(2), interval: .milliseconds(1)) {
            do {
                _ = try direct.request(.get, "/health", timeout: .milliseconds(200))
            } catch HTTPClientError.unreachable {
                return true
            } catch {}
            return false
        }
        let started = ContinuousClock.now
        let response = try suite.gateway.request(.get, "/api/v1/loyalty/status", token: SuiteHarness.adminKey)
        let elapsed = ContinuousClock.now - started
        #expect(elapsed < .seconds(2))
        #expect(response.status == .serviceUnavailable, "got \(response.status): \(response.text)")
        #expect(response.headers["Content-Type"] == "application/json")
        #expect(response.errorEnvelope?.error.code == "service_unavailable")

        let killedAt = ContinuousClock.now
        var back = false
        while ContinuousClock.now - killedAt < .seconds(5) {
            if let again = try? suite.gateway.request(.get, "/api/v1/loyalty/status", token: SuiteHarness.adminKey),
                again.status == .ok
            {
                back = true
                break
            }
            usleep(50_000)
        }
        #expect(back, "loyalty was not back within 5 s")
        #expect(suite.childPID("loyalty") != pid)
    }

    @Test func sigtermToTheLauncher_StopsEveryChild_AndExitsZero() throws {
        let suite = try SuiteHarness()
        defer { suite.stop() }
        let children = suite.childPIDs
        #expect(children.count == 6)
        suite.launcher.send(SIGTERM)
        #expect(suite.launcher.waitForExit(timeout: .seconds(20)))
        #expect(suite.launcher.exitStatus == 0)
        for pid in children {
            #expect(
                !ProcessTable.isAlive(pid), "child \(pid) (\(ProcessTable.commandLine(of: pid))) outlived the launcher")
        }
    }

    @Test func sigkillToTheLauncher_StillEndsEveryChild() throws {
        let suite = try SuiteHarness()
        defer { suite.stop() }
        let children = suite.childPIDs
        suite.launcher.send(SIGKILL)
        #expect(suite.launcher.waitForExit(timeout: .seconds(5)))
        eventually(timeout: .seconds(15), interval: .milliseconds(50)) {
            !children.contains(where: ProcessTable.isAlive)
        }
        for pid in children {
            #expect(!ProcessTable.isAlive(pid), "child \(pid) outlived a killed launcher")
        }
    }

    @Test func theLauncher_StopsEveryChild_AndExits_WhenTheProcessItIsBoundToEnds() throws {
        let directory = try TemporaryDirectory(prefix: "zaplecze-parent")
        defer { directory.remove() }
        // A stand-in for a test process that crashes: the launcher is bound to it, not to us.
        let parent = try RunningProcess(
            name: "parent", executable: "/bin/sleep", arguments: ["600"], environment: [:],
            outputPath: directory.file("parent.log")
        )
        defer { parent.stop() }
        let suite = try SuiteHarness(boundTo: parent.pid)
        defer { suite.stop() }
        let children = suite.childPIDs
        #expect(children.count == 6)

        parent.send(SIGKILL)
        eventually(timeout: .seconds(30), interval: .milliseconds(50)) {
            !suite.launcher.isRunning && !children.contains(where: ProcessTable.isAlive)
        }
        #expect(!suite.launcher.isRunning, "the launcher outlived the process it was bound to")
        for pid in children {
            #expect(!ProcessTable.isAlive(pid), "child \(pid) (\(ProcessTable.commandLine(of: pid))) outlived it")
        }
        // The graceful path, as on SIGTERM: every child asked to stop, the launcher exits 0.
        #expect(suite.launcher.exitStatus == 0)
        #expect(suite.launcher.output.contains("SIGTERM received, stopping"))
    }
}
