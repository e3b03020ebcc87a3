/// The phases and timeouts of one server connection, as a value type: the event loop reports what
/// happened and performs the action it gets back. Time is passed in (`now`, monotonic
/// nanoseconds), so tests drive every timeout without sleeping.
struct ConnectionStateMachine: Sendable {
    enum Phase: Equatable, Sendable {
        /// Waiting for the first byte of a request: the first since the accept (under the header
        /// timer, which runs from the accept) or the next on a kept-alive connection (idle timer).
        case idle
        /// Some bytes of a header block have arrived; the header timer runs from the first one
        /// (from the accept for the first request).
        case readingHead
        /// The head is complete; every piece of body restarts the progress timer, and the whole
        /// body has a deadline set by its length and the minimum rate.
        case readingBody
        /// A handler is working on the request; no timer (the handler's own limits apply).
        case processing
        case closed
    }

    enum Action: Equatable, Sendable {
        case none
        /// Answer with this status (408) and close.
        case respondAndClose(HTTPStatus)
        /// Close without answering (idle keep-alive ran out, a stalled writer, shutdown).
        case close
    }

    struct Timeouts: Sendable {
        var header: UInt64
        var bodyProgress: UInt64
        var idle: UInt64
        var write: UInt64
        /// Bytes per second a body must average (0: no overall body deadline).
        var minBodyRate: Int
        /// How long a lingering close waits for the client to finish sending.
        var linger: UInt64 = 2_000_000_000
        /// How much a lingering close reads and throws away before it gives up.
        var lingerBytes = 1 << 20

        init(_ limits: HTTPLimits) {
            header = limits.headerTimeout.nanoseconds
            bodyProgress = limits.bodyProgressTimeout.nanoseconds
            idle = limits.idleTimeout.nanoseconds
            write = limits.writeTimeout.nanoseconds
            minBodyRate = limits.minBodyBytesPerSecond
        }
    }

    private(set) var phase: Phase = .idle
    private(set) var deadline: UInt64
    /// While reading a body: when the whole of it must have arrived.
    private(set) var bodyDeadline = UInt64.max
    /// When the connection last became idle (accepted, or its last answer written): the oldest
    /// idle connections are the first closed when the server runs out of room.
    private(set) var idleSince: UInt64
    private(set) var writeStalledSince: UInt64?
    private(set) var draining = false
    /// False until the first request's head is complete: until then the header timer set at the
    /// accept runs on, so a connection cannot be held open by sending nothing or a byte at a time.
    private var servedAHead = false
    let timeouts: Timeouts

    // The exchange in progress (see `ConnectionStateMachine+Exchange.swift`).

    /// A request went to a handler, or the connection answers itself, and the response is not all
    /// written yet: no further input is read meanwhile, so pipelined requests wait their turn.
    var awaitingResponse = false
    /// The response's last bytes are queued: once they are written the exchange is over.
    var responseQueued = false
    /// Whether the connection stays open after the response in progress.
    var keepAlive = true
    /// The client waits for `100 Continue` before it sends the body.
    var continuePending = false
    /// The client half-closed: nothing more will arrive.
    var peerClosedInput = false
    /// The answer goes out while the client may still be sending: close lingering (RFC 9112 §9.6).
    var lingerAfterAnswer = false
    /// While lingering: when to stop waiting for the client to finish sending.
    var lingerDeadline: UInt64?
    /// While lingering: how many bytes were read and thrown away.
    var lingerDiscarded = 0

    init(timeouts: Timeouts, now: UInt64) {
        self.timeouts = timeouts
        self.deadline = Self.deadline(now, after: timeouts.header)
        self.idleSince = now
    }

    /// Whether the connection waits for a request with no byte of it received: it may be closed
    /// to make room for a new one.
    var isIdle: Bool { phase == .idle && writeStalledSince == nil }

    /// Bytes of a request arrived and were handed to the parser; `bodyBytes` is the most the body
    /// being read may still be (its length, or the body limit when chunked).
    mutating func received(parserIdle: Bool, readingBody: Bool, bodyBytes: Int = 0, now: UInt64) {
        switch phase {
        case .idle:
            if readingBody {
                startBody(bodyBytes: bodyBytes, now: now)
            } else if !parserIdle {
                // The header timer starts with the first byte and is not restarted by later ones:
                // a client trickling its header a byte at a time still runs out (slowloris). For
                // the first request it started at the accept.
                phase = .readingHead
                if servedAHead { deadline = Self.deadline(now, after: timeouts.header) }
            }
        case .readingHead:
            if readingBody { startBody(bodyBytes: bodyBytes, now: now) }
        case .readingBody:
            deadline = Self.deadline(now, after: timeouts.bodyProgress)
        case .processing, .closed:
            break
        }
    }

    /// The head is complete and its body begins: the progress timer, and an overall deadline of
    /// the progress timeout plus the body's length at the minimum rate, so a body trickled a byte
    /// just before each progress timeout still ends.
    private mutating func startBody(bodyBytes: Int, now: UInt64) {
        servedAHead = true
        phase = .readingBody
        deadline = Self.deadline(now, after: timeouts.bodyProgress)
        guard timeouts.minBodyRate > 0 else { return }
        let (needed, overflow) = UInt64(max(0, bodyBytes)).multipliedReportingOverflow(by: 1_000_000_000)
        let allowance = overflow ? UInt64.max : needed / UInt64(timeouts.minBodyRate)
        bodyDeadline = Self.deadline(Self.deadline(now, after: timeouts.bodyProgress), after: allowance)
    }

    /// A whole request was handed to a handler.
    mutating func dispatched() {
        guard phase != .closed else { return }
        servedAHead = true
        phase = .processing
        bodyDeadline = .max
    }

    /// The whole response went out. Returns `.close` unless the connection is kept alive.
    mutating func responseWritten(keepAlive: Bool, now: UInt64) -> Action {
        guard phase != .closed else { return .none }
        if !keepAlive || draining {
            phase = .closed
            return .close
        }
        phase = .idle
        idleSince = now
        deadline = Self.deadline(now, after: timeouts.idle)
        return .none
    }

    /// A write could not finish: the peer is not reading. Starts the write timer if it is not running.
    mutating func writeBlocked(now: UInt64) {
        if writeStalledSince == nil { writeStalledSince = now }
    }

    /// Some bytes were written while others still wait: the peer reads, slowly.
    mutating func writeProgressed(now: UInt64) {
        if writeStalledSince != nil { writeStalledSince = now }
    }

    /// Everything queued was written.
    mutating func writeDrained() {
        writeStalledSince = nil
    }

    /// The server is shutting down: an idle connection closes now, a busy one after its response.
    mutating func beginDraining() -> Action {
        draining = true
        keepAlive = false
        if phase == .idle {
            phase = .closed
            return .close
        }
        return .none
    }

    /// Checks the timers.
    mutating func tick(now: UInt64) -> Action {
        if let lingerDeadline { return now >= lingerDeadline ? .close : .none }
        if let since = writeStalledSince, now &- since >= timeouts.write {
            phase = .closed
            return .close
        }
        switch phase {
        case .idle where now >= deadline:
            phase = .closed
            return .close
        case .readingHead where now >= deadline, .readingBody where now >= min(deadline, bodyDeadline):
            // The loop now writes the 408 itself, like any answer it makes: `responseWritten`
            // (keep-alive off) then says close, and the write timer guards a peer that never
            // reads it. Marking the phase closed here would make `responseWritten` ignore the
            // answer, and the connection would never be closed.
            phase = .processing
            return .respondAndClose(.requestTimeout)
        default:
            return .none
        }
    }

    /// The connection was closed by either side.
    mutating func closed() {
        phase = .closed
    }

    /// `now` plus `timeout`, saturating: a timeout too large for the clock (`.seconds(Int64.max)`
    /// is UInt64.max nanoseconds) means never, where a wrapping sum would land in the past.
    private static func deadline(_ now: UInt64, after timeout: UInt64) -> UInt64 {
        let (sum, overflow) = now.addingReportingOverflow(timeout)
        return overflow ? .max : sum
    }
}
