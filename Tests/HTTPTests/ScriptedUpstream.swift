import Foundation
import Glibc
import HTTP
import TestSupport

/// A tiny upstream on 127.0.0.1 that answers by script, for client tests that need a server to
/// misbehave on cue: close right after reading a request, answer garbage, stop mid-body.
///
/// Each connection has its own thread; requests are read by their Content-Length.
final class ScriptedUpstream: @unchecked Sendable {
    // Safe: `listener` and `port` are set in `init`; everything shared is behind `Locked`/`Tally`.
    enum Action: Sendable {
        /// Write these bytes and keep reading requests.
        case respond(String)
        /// Write these bytes, then close.
        case respondThenClose(String)
        /// Close without writing anything.
        case close
    }

    /// One request as the upstream read it.
    struct Seen: Sendable {
        var connection: Int
        var index: Int
        var text: String
    }

    let port: Int
    let accepted = Tally()
    private let listener: Int32
    private let seen = Locked<[Seen]>([])
    private let stopping = Locked(false)
    private var acceptor: ThreadHandle?
    private let threads = Locked<[ThreadHandle]>([])
    private let script: @Sendable (Seen) -> Action

    /// Starts listening; `script` decides what to do with each request.
    init(script: @escaping @Sendable (Seen) -> Action) throws {
        self.script = script
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard let port = FreePorts.bindLoopback(listener, listening: 64) else {
            close(listener)
            throw ScriptedUpstreamError.cannotListen
        }
        self.listener = listener
        self.port = port
        acceptor = ThreadHandle.spawn(name: "test-upstream") { [self] in acceptLoop() }
    }

    /// Every request read so far, in order of arrival.
    var requests: [Seen] { seen.current }

    /// Stops accepting and ends every connection thread.
    func stop() {
        stopping.withLock { $0 = true }
        // The acceptor first, so no connection thread starts after the others are collected.
        acceptor?.join()
        for thread in threads.withLock({ $0 }) { thread.join() }
        close(listener)
    }

    private func waitReadable(_ fd: Int32) -> Bool {
        while !stopping.current {
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&entry, 1, 20) > 0 { return true }
        }
        return false
    }

    private func acceptLoop() {
        var connectionIndex = 0
        while waitReadable(listener) {
            let fd = accept(listener, nil, nil)
            guard fd >= 0 else { continue }
            let index = connectionIndex
            connectionIndex += 1
            accepted.increment()
            let thread = ThreadHandle.spawn(name: "test-upstream-c") { [self] in serve(fd, connection: index) }
            threads.withLock { $0.append(thread) }
        }
    }

    private func serve(_ fd: Int32, connection: Int) {
        defer { close(fd) }
        var buffer: [UInt8] = []
        var requestIndex = 0
        while true {
            guard let request = readRequest(fd, &buffer) else { return }
            let entry = Seen(connection: connection, index: requestIndex, text: request)
            requestIndex += 1
            seen.withLock { $0.append(entry) }
            switch script(entry) {
            case .respond(let text):
                writeAll(fd, Array(text.utf8))
            case .respondThenClose(let text):
                writeAll(fd, Array(text.utf8))
                return
            case .close:
                return
            }
        }
    }

    /// The next whole request (head and Content-Length body) as text; nil on close or stop.
    private func readRequest(_ fd: Int32, _ buffer: inout [UInt8]) -> String? {
        while true {
            let text = String(decoding: buffer, as: UTF8.self)
            if let headEnd = text.range(of: "\r\n\r\n") {
                let head = text[..<headEnd.lowerBound].lowercased()
                var length = 0
                for line in head.components(separatedBy: "\r\n") where line.hasPrefix("content-length:") {
                    length = Int(line.dropFirst(15).trimmingCharacters(in: .whitespaces)) ?? 0
                }
                let headBytes = text[..<headEnd.upperBound].utf8.count
                if buffer.count >= headBytes + length {
                    let request = String(decoding: buffer[0..<(headBytes + length)], as: UTF8.self)
                    buffer.removeFirst(headBytes + length)
                    return request
                }
            }
            guard waitReadable(fd) else { return nil }
            var chunk = [UInt8](repeating: 0, count: 16 * 1024)
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return nil }
            buffer.append(contentsOf: chunk[0..<count])
        }
    }

    private func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes {
                send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written <= 0 { return }
            offset += written
        }
    }
}

enum ScriptedUpstreamError: Error {
    case cannotListen
}

/// A keep-alive response with a text body.
func okResponse(_ body: String) -> String {
    "HTTP/1.1 200 OK\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
}
