#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Back-pressure between a worker producing a streamed body and the event loop writing it: the
/// producer blocks while more than `highWater` bytes wait to be written, and learns when the
/// connection is gone.
final class StreamFlow: @unchecked Sendable {
    // Safe: `pending` and `closed` are only touched while `lock` is held.
    private let lock = Lock()
    private var pending = 0
    private var closed = false
    let highWater: Int

    init(highWater: Int = 256 * 1024) { self.highWater = highWater }

    /// Waits for room, then counts `count` more bytes as queued. Throws once the connection closed.
    func reserve(_ count: Int) throws {
        lock.lock()
        defer { lock.unlock() }
        while pending > highWater && !closed { lock.wait() }
        if closed { throw SystemError(call: "write(stream)", errno: EPIPE) }
        pending += count
    }

    /// `count` queued bytes reached the socket.
    func written(_ count: Int) {
        lock.withLock {
            pending -= count
            if pending <= highWater { lock.broadcast() }
        }
    }

    /// The connection is gone: wake the producer so it stops.
    func close() {
        lock.withLock {
            closed = true
            lock.broadcast()
        }
    }
}

/// The `BodyWriter` a streamed response's producer writes to.
struct StreamBodyWriter: BodyWriter {
    let flow: StreamFlow
    let chunked: Bool
    let deliver: @Sendable ([UInt8]) -> Void

    func write(_ bytes: [UInt8]) throws {
        if bytes.isEmpty { return }
        let framed = chunked ? ResponseSerializer.chunk(bytes) : bytes
        try flow.reserve(framed.count)
        deliver(framed)
    }
}
