import Foundation
import HTTP
import TestSupport
import Testing

// MARK: - Synchronisation without sleeping

/// A one-way gate: threads wait until a test opens it (or their own deadline passes).
final class Gate: @unchecked Sendable {
    // Safe: `isOpen` is only touched while `lock` is held.
    private let lock = Lock()
    private var isOpen = false

    /// Lets every waiter (present and future) through.
    func open() {
        lock.withLock {
            isOpen = true
            lock.broadcast()
        }
    }

    /// Waits until the gate opens; false if `timeout` passed first.
    @discardableResult
    func wait(timeout: Duration = .seconds(10)) -> Bool {
        let deadline = MonotonicClock.now() &+ timeout.nanoseconds
        return lock.withLock {
            while !isOpen {
                if !lock.wait(untilMonotonicNanoseconds: deadline) && !isOpen { return false }
            }
            return true
        }
    }
}

/// A counter of events with a way to wait until it reaches a value.
final class Tally: @unchecked Sendable {
    // Safe: `count` is only touched while `lock` is held.
    private let lock = Lock()
    private var count = 0

    func increment() {
        lock.withLock {
            count += 1
            lock.broadcast()
        }
    }

    var value: Int { lock.withLock { count } }

    /// Waits until the count is at least `target`; false if `timeout` passed first.
    @discardableResult
    func wait(for target: Int, timeout: Duration = .seconds(5)) -> Bool {
        let deadline = MonotonicClock.now() &+ timeout.nanoseconds
        return lock.withLock {
            while count < target {
                if !lock.wait(untilMonotonicNanoseconds: deadline) && count < target { return false }
            }
            return true
        }
    }
}

/// Runs `body` on `count` threads at once and waits for all of them.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let threads = (0..<count).map { index in ThreadHandle.spawn(name: "test-\(index)") { body(index) } }
    for thread in threads { thread.join() }
}

// MARK: - Wire fixtures

/// A GET request's bytes.
func getRequest(_ target: String, version: String = "HTTP/1.1", headers: [String] = []) -> String {
    let host = version == "HTTP/1.1" ? "Host: test\r\n" : ""
    return "GET \(target) \(version)\r\n\(host)" + headers.map { $0 + "\r\n" }.joined() + "\r\n"
}

/// A POST request's bytes with a Content-Length body.
func postRequest(_ target: String, body: String, headers: [String] = []) -> String {
    "POST \(target) HTTP/1.1\r\nHost: test\r\nContent-Length: \(body.utf8.count)\r\n"
        + headers.map { $0 + "\r\n" }.joined() + "\r\n" + body
}

/// The deterministic bytes of a test body: position `i` holds `i % 251`, so a dropped, doubled
/// or shifted piece shows.
func patternBytes(_ range: Range<Int>) -> [UInt8] {
    range.map { UInt8($0 % 251) }
}

/// Whether `bytes` are exactly `patternBytes(range)`. Tests store the answer before expecting it,
/// so a failure does not print megabytes.
func matchesPattern(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    bytes.count == range.count && zip(bytes, range).allSatisfy { $0 == UInt8($1 % 251) }
}

// MARK: - Routes used over the wire

/// The routes most wire tests share.
func wireRoutes(gate: Gate = Gate(), entered: Tally = Tally()) -> RouteCollection {
    RouteCollection()
        .get("hello") { _, _ in .text("hello") }
        .get("path/*") { request, _ in .text(request.target) }
        .post("echo") { request, _ in HTTPResponse(bytes: request.body) }
        .get("crash") { _, _ in throw Boom() }
        .get("block") { _, _ in
            entered.increment()
            gate.wait(timeout: .seconds(30))
            return HTTPResponse(bytes: patternBytes(0..<100_000))
        }
        .get("stream/:size") { request, context in
            let size = try context.parameters.require("size", as: Int.self)
            let known = context.query["length"] == "known"
            let stream = BodyStream(contentLength: known ? size : nil) { writer in
                var offset = 0
                while offset < size {
                    let end = min(size, offset + 64 * 1024)
                    try writer.write(patternBytes(offset..<end))
                    offset = end
                }
            }
            return HTTPResponse(headers: ["Content-Type": "application/octet-stream"], body: .stream(stream))
        }
}

/// A server with one worker and room for one queued request, that worker held by `/block` and its
/// queue filled by a second `/block`: the next worker request is refused with 503. Read both
/// connections' answers after opening `gate`.
func serverWithAFullWorkerPool(
    routes: RouteCollection, entered: Tally
) throws -> (live: LiveServer, running: RawConnection, queued: RawConnection) {
    var limits = HTTPLimits()
    limits.maxQueuedRequests = 1
    let live = try LiveServer(routes: routes, limits: limits, eventLoops: 1, workers: 1)
    let running = try live.connect()
    try running.send(getRequest("/block"))
    #expect(entered.wait(for: 1))
    let queued = try live.connect()
    try queued.send(getRequest("/block"))
    #expect(eventually { live.server.workerLoad == 2 })
    return (live, running, queued)
}
