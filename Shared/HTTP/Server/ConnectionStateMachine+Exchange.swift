/// The exchange in progress on a connection, beside its phase and timers: whether a response is
/// awaited, whether the connection stays open after it, whether the client waits for
/// `100 Continue`, and the lingering close after an answer given while the client may still send.
extension ConnectionStateMachine {
    /// A head arrived; `expectsContinue` when the client waits for `100 Continue`.
    mutating func headArrived(expectsContinue: Bool) {
        continuePending = expectsContinue
    }

    /// Whether to send `100 Continue` now: the client asked and its body is what is read next.
    /// Once true, not again for this request.
    mutating func takeContinue(readingBody: Bool) -> Bool {
        guard continuePending && readingBody else { return false }
        continuePending = false
        return true
    }

    /// The client said it sends nothing more (read returned 0).
    mutating func inputEnded() {
        peerClosedInput = true
    }

    /// The head was refused before its body: answered now, the body never read, so the connection
    /// closes after the answer, lingering, and no `100 Continue` invites the body.
    mutating func refusedBeforeBody() {
        lingerAfterAnswer = true
        keepAlive = false
        continuePending = false
    }

    /// An error answer to input the client may still be sending (a parse error): linger after it.
    mutating func answerWhileClientSends() {
        lingerAfterAnswer = true
    }

    /// A whole request goes to its handler; returns whether the connection stays open after the
    /// response (the client's wish, unless it half-closed or the server is draining).
    mutating func dispatched(clientKeepsAlive: Bool) -> Bool {
        continuePending = false
        awaitingResponse = true
        dispatched()
        keepAlive = keepAlive && clientKeepsAlive && !peerClosedInput && !draining
        return keepAlive
    }

    /// The connection answers itself (a parse error, a timeout, overload), keeping the connection
    /// open after it or not.
    mutating func answering(keepAlive: Bool) {
        awaitingResponse = true
        dispatched()
        self.keepAlive = keepAlive
    }

    /// A handler's answer could not be given to a worker: the connection answers itself instead.
    mutating func workerRefused() {
        awaitingResponse = false
    }

    /// The response's last bytes are queued, and whether the connection stays open after them.
    mutating func responseQueued(keepAlive: Bool) {
        self.keepAlive = keepAlive
        responseQueued = true
    }

    /// Everything queued was written. If that ended a response, returns what follows: `.close`
    /// (lingering or not, see `lingersOnClose`) or `.none` to read the next request; nil when no
    /// response ended.
    mutating func queueWritten(serverDraining: Bool, now: UInt64) -> Action? {
        guard responseQueued else { return nil }
        responseQueued = false
        awaitingResponse = false
        return responseWritten(keepAlive: keepAlive && !serverDraining, now: now)
    }

    /// A worker wrote a kept-alive response whole, straight to the socket.
    mutating func writtenByWorker(now: UInt64) {
        _ = responseWritten(keepAlive: true, now: now)
        awaitingResponse = false
        keepAlive = true
    }

    /// Whether closing after the answer must linger: the client may still be sending.
    var lingersOnClose: Bool { lingerAfterAnswer && !peerClosedInput }

    /// Whether the connection is in its lingering close.
    var isLingering: Bool { lingerDeadline != nil }

    /// The answer is out and the write side shut: read and discard until the client closes, the
    /// linger time passes (`tick` says close) or too much was thrown away.
    mutating func beginLingering(now: UInt64) {
        let (deadline, overflow) = now.addingReportingOverflow(timeouts.linger)
        lingerDeadline = overflow ? .max : deadline
    }

    /// `count` more bytes were read and thrown away while lingering; true once that is too many
    /// and the connection should close anyway.
    mutating func discarded(_ count: Int) -> Bool {
        lingerDiscarded += count
        return lingerDiscarded > timeouts.lingerBytes
    }
}
