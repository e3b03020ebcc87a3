import Foundation
import Primitives
import SuiteCore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct ProcessSpawnerTests {
    private let spawner = ProcessSpawner()

    private func shell(_ script: String, _ arguments: [String] = [], environment: [String: String] = [:])
        -> SpawnCommand
    {
        SpawnCommand(executablePath: "/bin/sh", arguments: ["-c", script, "sh"] + arguments, environment: environment)
    }

    /// Makes sure a child that outlived a failed expectation is gone.
    private func cleanUp(_ pid: pid_t) {
        if ProcessSpawner.send(SIGKILL, to: pid) {
            _ = try? ProcessSpawner.waitForExit(pid)
        }
    }

    @Test func exitCode_IsReported() throws {
        let pid = try spawner.spawn(shell("exit 3"))
        #expect(try ProcessSpawner.waitForExit(pid) == .exited(code: 3))
    }

    @Test func arguments_ArePassedInOrder() throws {
        let pid = try spawner.spawn(shell(#"test "$1" = "a b" && test "$2" = c && exit $#"#, ["a b", "c"]))
        #expect(try ProcessSpawner.waitForExit(pid) == .exited(code: 2))
    }

    @Test func environment_IsExactlyTheOneGiven() throws {
        let script = #"test "$ZAPLECZE_X" = "1=2 3" && test -z "${HOME+set}" && exit 7"#
        let pid = try spawner.spawn(shell(script, environment: ["ZAPLECZE_X": "1=2 3"]))
        #expect(try ProcessSpawner.waitForExit(pid) == .exited(code: 7))
    }

    @Test func sigterm_EndsASleepingChild() throws {
        let pid = try spawner.spawn(SpawnCommand(executablePath: "/bin/sleep", arguments: ["1000"]))
        defer { cleanUp(pid) }
        #expect(ProcessSpawner.send(SIGTERM, to: pid))
        #expect(try ProcessSpawner.waitForExit(pid) == .signaled(signal: SIGTERM))
    }

    @Test func child_GetsAnEmptySignalMask_EvenFromAThreadThatBlocksSIGTERM() throws {
        let spawned = Locked<Result<pid_t, SpawnError>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            SignalHandling.block([SIGTERM])
            let result = Result { () throws(SpawnError) in
                try ProcessSpawner().spawn(SpawnCommand(executablePath: "/bin/sleep", arguments: ["1000"]))
            }
            spawned.withLock { $0 = result }
            done.signal()
        }
        thread.start()
        done.wait()
        let pid = try #require(spawned.current).get()
        defer { cleanUp(pid) }

        ProcessSpawner.send(SIGTERM, to: pid)

        #expect(try ProcessSpawner.waitForExit(pid) == .signaled(signal: SIGTERM))
    }

    @Test func child_LeadsItsOwnProcessGroup_SoTerminalSignalsReachOnlyTheLauncher() throws {
        let pid = try spawner.spawn(SpawnCommand(executablePath: "/bin/sleep", arguments: ["1000"]))
        defer { cleanUp(pid) }
        #expect(getpgid(pid) == pid)
        #expect(getpgid(pid) != getpgrp())
    }

    @Test func child_ReadsEndOfFile_OnStandardInput() throws {
        let pid = try spawner.spawn(shell("read line; exit $?"))
        #expect(try ProcessSpawner.waitForExit(pid) != .exited(code: 0))
    }

    @Test func missingExecutable_IsAnError_NotAChild() {
        #expect(throws: SpawnError.failed(path: "/nonexistent/suite-test", errno: ENOENT)) {
            try spawner.spawn(SpawnCommand(executablePath: "/nonexistent/suite-test"))
        }
    }

    @Test func signals_AreNeverSentToAGroupOrToEveryone() {
        #expect(!ProcessSpawner.send(0, to: 0))
        #expect(!ProcessSpawner.send(0, to: -1))
    }

    @Test func waitStatuses_AreDecodedLikeTheGlibcMacros() {
        #expect(ChildExit(waitStatus: 0) == .exited(code: 0))
        #expect(ChildExit(waitStatus: 3 << 8) == .exited(code: 3))
        #expect(ChildExit(waitStatus: 255 << 8) == .exited(code: 255))
        #expect(ChildExit(waitStatus: SIGKILL) == .signaled(signal: SIGKILL))
        // A core dump sets bit 7 on top of the signal.
        #expect(ChildExit(waitStatus: 0x80 | SIGSEGV) == .signaled(signal: SIGSEGV))
        #expect(ChildExit.exited(code: 1).description == "exited with status 1")
        #expect(ChildExit.signaled(signal: SIGTERM).description == "was killed by SIGTERM")
    }
}
