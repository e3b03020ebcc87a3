import Glibc
import Testing

@testable import ServiceKit

/// How `ParentWatch` tells that the process it is bound to has ended. The launcher's whole
/// behaviour (bound to a process that then ends) is in IntegrationTests' SuiteLifecycleTests.
@Suite struct ParentWatchTests {
    /// The process state letter from /proc/<pid>/stat, or nil when there is no such process.
    static func state(of pid: pid_t) -> Character? {
        guard let file = fopen("/proc/\(pid)/stat", "r") else { return nil }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 512)
        guard fgets(&line, Int32(line.count), file) != nil else { return nil }
        let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let commEnd = text.lastIndex(of: ")") else { return nil }
        return text[commEnd...].dropFirst(2).first
    }

    @Test func aRunningProcess_HasNotEnded() {
        #expect(!ParentWatch.hasEnded(getpid()))
        #expect(!ParentWatch.hasEnded(getppid()))
    }

    @Test func aProcessThatExited_HasEnded_BeforeAndAfterItIsReaped() throws {
        var pid: pid_t = 0
        var arguments: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
        defer { for argument in arguments { free(argument) } }
        try #require(posix_spawn(&pid, "/bin/true", nil, nil, &arguments, environ) == 0)
        var status: Int32 = 0
        defer { waitpid(pid, &status, WNOHANG) }
        // Not reaped yet, it stays a zombie, which kill(pid, 0) still reaches.
        var tries = 0
        while Self.state(of: pid) != "Z" && tries < 2_000 {
            tries += 1
            usleep(5_000)
        }
        #expect(ParentWatch.hasEnded(pid))
        waitpid(pid, &status, 0)
        #expect(ParentWatch.hasEnded(pid))
    }
}
