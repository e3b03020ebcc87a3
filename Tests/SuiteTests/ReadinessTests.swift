import Foundation
import Primitives
import TestSupport
import Testing

@testable import SuiteCore

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct ReadinessProbeTests {
    @Test func status200_MeansReady_AndTheRequestIsAPlainHTTP11Get() throws {
        let server = try OneShotServer(answer: "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
        defer { server.close() }

        #expect(ReadinessProbe().isReady(host: "127.0.0.1", port: server.port))

        let request = server.receivedRequest()
        #expect(request.hasPrefix("GET /ready HTTP/1.1\r\n"))
        #expect(request.contains("\r\nHost: 127.0.0.1:\(server.port)\r\n"))
        #expect(request.contains("\r\nConnection: close\r\n"))
    }

    @Test func status503_IsReported_AndIsNotReady() throws {
        let server = try OneShotServer(answer: "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n")
        defer { server.close() }
        #expect(try ReadinessProbe().status(host: "127.0.0.1", port: server.port) == 503)
    }

    @Test func answerThatIsNotHTTP_IsAnError() throws {
        let server = try OneShotServer(answer: "hello\r\n")
        defer { server.close() }
        #expect(throws: ProbeError.malformedResponse) {
            try ReadinessProbe().status(host: "127.0.0.1", port: server.port)
        }
    }

    @Test func closedPort_IsNotReady() throws {
        let server = try OneShotServer(answer: "")
        let port = server.port
        server.close()
        #expect(!ReadinessProbe().isReady(host: "127.0.0.1", port: port))
    }

    @Test func hostName_IsRefused_OnlyAddressesAreProbed() {
        #expect(throws: ProbeError.badAddress("localhost.invalid")) {
            try ReadinessProbe().status(host: "localhost.invalid", port: 80)
        }
    }

    @Test func statusLines_AreParsedStrictly() throws {
        #expect(try ReadinessProbe.parseStatusLine(Array("HTTP/1.1 200 OK\r\n".utf8)) == 200)
        #expect(try ReadinessProbe.parseStatusLine(Array("HTTP/1.0 503\r\n".utf8)) == 503)
        for bad in ["", "HTTP/2 200 OK\r\n", "HTTP/1.1 20 OK\r\n", "HTTP/1.1 abc OK\r\n", "HTTP/1.1 999 X\r\n"] {
            #expect(throws: ProbeError.malformedResponse) { try ReadinessProbe.parseStatusLine(Array(bad.utf8)) }
        }
    }
}

@Suite struct ReadinessWaiterTests {
    private func waiter(
        _ targets: [String], clock: ManualClock, deadline: Duration = .seconds(60),
        ready: @escaping @Sendable (String) -> Bool
    ) -> ReadinessWaiter {
        ReadinessWaiter(
            targets: targets.map { .init(name: $0, host: "127.0.0.1", port: 1) },
            deadline: deadline,
            interval: .milliseconds(100),
            probe: { ready($0.name) },
            clock: clock.monotonic,
            pause: { clock.advance(by: $0) })
    }

    @Test func report_SaysWhenEachTargetBecameReady() {
        let clock = ManualClock()
        let start = clock.instant()
        let report = waiter(["fast", "slow"], clock: clock) { name in
            name == "fast" || clock.instant() - start >= .milliseconds(300)
        }.wait()
        #expect(report.ready == [.init(name: "fast", after: .zero), .init(name: "slow", after: .milliseconds(300))])
        #expect(report.notReady.isEmpty)
        #expect(report.elapsed == .milliseconds(300))
    }

    @Test func targetNeverReady_IsNamedAfterTheDeadline_WhileTheOthersAreReported() {
        let clock = ManualClock()
        let report = waiter(["a", "never", "b"], clock: clock, deadline: .seconds(2)) { $0 != "never" }.wait()
        #expect(report.ready.map(\.name) == ["a", "b"])
        #expect(report.notReady == ["never"])
        #expect(report.elapsed == .seconds(2))
    }

    @Test func waiting_StopsWhenAskedTo() {
        let clock = ManualClock()
        let report = waiter(["a"], clock: clock) { _ in false }.wait { false }
        #expect(report.notReady == ["a"])
        #expect(report.elapsed == .zero)
    }
}

/// A listener on 127.0.0.1:0 that answers one connection with fixed bytes, on its own thread.
final class OneShotServer: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let request = Locked<String>("")
    private let finished = DispatchSemaphore(value: 0)
    private let closed = Locked(false)

    init(answer: String) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        self.listener = listener
        guard let port = FreePorts.bindLoopback(listener, listening: 4) else {
            let code = errno
            Glibc.close(listener)
            throw POSIXError(.init(rawValue: code) ?? .EIO)
        }
        self.port = port
        let request = self.request
        let finished = self.finished
        let thread = Thread {
            defer { finished.signal() }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            defer { Glibc.close(connection) }
            var received: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1024)
            while !received.ends(with: Array("\r\n\r\n".utf8)) {
                let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
                if count <= 0 { break }
                received += chunk[0..<count]
            }
            let text = String(decoding: received, as: UTF8.self)
            request.withLock { $0 = text }
            let bytes = Array(answer.utf8)
            _ = bytes.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }
        thread.start()
    }

    /// The request bytes the server read (after the probe returned).
    func receivedRequest() -> String {
        request.current
    }

    /// Stops listening; the accept thread ends when the socket is shut down.
    func close() {
        var already = false
        closed.withLock {
            already = $0; $0 = true
        }
        guard !already else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        finished.wait()
        Glibc.close(listener)
    }
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}
