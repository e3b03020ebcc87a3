import Foundation
import SuiteCore
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct SupervisorTests {
    private let fast = RestartPolicy.Configuration(initialDelay: .milliseconds(1), maximumDelay: .milliseconds(20))

    private func sleeper(_ name: String) -> ChildSpec {
        ChildSpec(name: name, command: SpawnCommand(executablePath: "/bin/sleep", arguments: ["1000"]))
    }

    private func shell(_ name: String, _ script: String, environment: [String: String] = [:]) -> ChildSpec {
        ChildSpec(
            name: name,
            command: SpawnCommand(executablePath: "/bin/sh", arguments: ["-c", script], environment: environment))
    }

    @Test func childKilledByPID_IsRestartedWithANewPID() throws {
        let harness = SupervisorHarness(children: [sleeper("one")], configuration: .init(restartPolicy: fast))
        defer { harness.stop() }
        let first = try #require(harness.pid(of: "one", restart: 0))

        kill(first, SIGKILL)

        let second = try #require(harness.pid(of: "one", restart: 1))
        #expect(second != first)
        #expect(harness.recorded.contains(.exited(name: "one", pid: first, exit: .signaled(signal: SIGKILL))))
        #expect(harness.recorded.contains(.restartScheduled(name: "one", delay: .milliseconds(1))))
        #expect(harness.supervisor.snapshot().first?.pid == second)
    }

    @Test func stop_SendsSIGTERMToEveryChild_AndReturnsWhenAllHaveEnded() throws {
        let harness = SupervisorHarness(
            children: [sleeper("a"), sleeper("b")], configuration: .init(restartPolicy: fast))
        let a = try #require(harness.pid(of: "a", restart: 0))
        let b = try #require(harness.pid(of: "b", restart: 0))

        #expect(harness.stop() == .stopped)

        let events = harness.recorded
        #expect(events.contains(.stopping(running: 2)))
        #expect(events.contains(.exited(name: "a", pid: a, exit: .signaled(signal: SIGTERM))))
        #expect(events.contains(.exited(name: "b", pid: b, exit: .signaled(signal: SIGTERM))))
        #expect(!events.contains { if case .killed = $0 { return true } else { return false } })
        #expect(!events.contains { if case .started(_, _, 1) = $0 { return true } else { return false } })
        #expect(kill(a, 0) != 0 && kill(b, 0) != 0)
    }

    @Test func childThatIgnoresSIGTERM_IsKilledAfterTheGracePeriod() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let marker = directory.file("trapped")
        // SIG_IGN survives exec, so the sleep itself ignores SIGTERM; the marker says the trap is set.
        let child = shell("stubborn", #"trap '' TERM; : > "$MARKER"; exec sleep 1000"#, environment: ["MARKER": marker])
        let harness = SupervisorHarness(
            children: [child], configuration: .init(restartPolicy: fast, stopGracePeriod: .milliseconds(200)))
        defer { harness.stop() }
        let pid = try #require(harness.pid(of: "stubborn", restart: 0))
        try waitForFile(marker)

        #expect(harness.stop() == .stopped)

        let events = harness.recorded
        #expect(events.contains(.killed(name: "stubborn", pid: pid)))
        #expect(events.contains(.exited(name: "stubborn", pid: pid, exit: .signaled(signal: SIGKILL))))
    }

    @Test func secondStopRequest_KillsAtOnce() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let marker = directory.file("trapped")
        let child = shell("stubborn", #"trap '' TERM; : > "$MARKER"; exec sleep 1000"#, environment: ["MARKER": marker])
        // A grace period far longer than any test: only the second request can end this one.
        let harness = SupervisorHarness(
            children: [child], configuration: .init(restartPolicy: fast, stopGracePeriod: .seconds(3600)))
        defer { harness.stop() }
        let pid = try #require(harness.pid(of: "stubborn", restart: 0))
        try waitForFile(marker)

        harness.supervisor.requestStop()
        _ = harness.waitFor { $0 == .stopping(running: 1) ? true : nil }
        harness.supervisor.requestStop()

        #expect(harness.waitForOutcome() == .stopped)
        #expect(harness.recorded.contains(.killed(name: "stubborn", pid: pid)))
    }

    @Test func childThatKeepsDying_IsRestartedAgainAndAgain_AndReportedCrashLooping() throws {
        let harness = SupervisorHarness(
            children: [shell("crasher", "exit 3"), sleeper("steady")], configuration: .init(restartPolicy: fast))
        defer { harness.stop() }
        let steady = try #require(harness.pid(of: "steady", restart: 0))

        let looping = harness.waitFor { event -> (Int, ChildExit?)? in
            if case .crashLooping("crasher", let restarts, let lastExit, _) = event { return (restarts, lastExit) }
            return nil
        }
        #expect(looping?.0 == 2)
        #expect(looping?.1 == .exited(code: 3))
        // Far past the five restarts after which the launcher used to give a service up.
        _ = try #require(harness.pid(of: "crasher", restart: 12))

        let statuses = harness.supervisor.snapshot()
        let crasher = try #require(statuses.first { $0.name == "crasher" })
        #expect(crasher.crashLooping)
        #expect(crasher.restarts >= 12)
        #expect(crasher.lastExit == .exited(code: 3))
        #expect(statuses.first { $0.name == "steady" }?.pid == steady)
        #expect(statuses.first { $0.name == "steady" }?.crashLooping == false)
        #expect(harness.stop() == .stopped)
    }

    @Test func crashLoopingChild_ThatStaysUp_IsReportedRecovered() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let counter = directory.file("starts")
        // Dies on its first three starts, then stays up.
        let script =
            "n=$(cat '\(counter)' 2>/dev/null || echo 0); n=$((n+1)); echo $n > '\(counter)'; "
            + "[ $n -le 3 ] && exit 1; exec sleep 1000"
        var policy = fast
        policy.stableRun = .milliseconds(300)
        let harness = SupervisorHarness(
            children: [shell("flaky", script)], configuration: .init(restartPolicy: policy))
        defer { harness.stop() }

        let recovered = harness.waitFor { event -> Bool? in
            if case .recovered("flaky") = event { return true }
            return nil
        }

        #expect(recovered == true)
        #expect(harness.recorded.contains { if case .crashLooping("flaky", _, _, _) = $0 { true } else { false } })
        let flaky = try #require(harness.supervisor.snapshot().first)
        #expect(!flaky.crashLooping)
        #expect(flaky.pid != nil)
        #expect(flaky.restarts == 3)
    }

    @Test func childThatCannotBeStarted_IsTriedAgain_AndReportedCrashLooping() {
        let harness = SupervisorHarness(
            children: [ChildSpec(name: "missing", command: SpawnCommand(executablePath: "/nonexistent/x"))],
            configuration: .init(restartPolicy: fast))
        defer { harness.stop() }

        let looping = harness.waitFor { event -> Bool? in
            if case .crashLooping("missing", _, _, _) = event { return true }
            return nil
        }

        #expect(looping == true)
        let events = harness.recorded
        #expect(events.contains(.spawnFailed(name: "missing", error: .failed(path: "/nonexistent/x", errno: ENOENT))))
        #expect(harness.stop() == .stopped)
    }

    @Test func allStarted_ListsEveryChildWithItsPID() throws {
        let harness = SupervisorHarness(
            children: [sleeper("a"), sleeper("b")], configuration: .init(restartPolicy: fast))
        defer { harness.stop() }
        let statuses = try #require(
            harness.waitFor { event -> [ChildStatus]? in
                if case .allStarted(let statuses) = event { return statuses }
                return nil
            })
        #expect(statuses.map(\.name) == ["a", "b"])
        #expect(statuses.allSatisfy { $0.pid != nil && $0.restarts == 0 })
    }

    /// Polls for a file the child creates: there is no clock to inject into another process.
    private func waitForFile(_ path: String) throws {
        for _ in 0..<3000 where access(path, F_OK) != 0 {
            usleep(10_000)
        }
        try #require(access(path, F_OK) == 0, "the child never set its trap")
    }
}
