/// A response that arrives later, such as the answer of an upstream the gateway forwarded to: a
/// handler running on an event loop returns `HTTPResponse(pending:)` at once, and the loop keeps
/// serving other connections until `succeed` or `fail` completes it.
///
/// Middleware that reads or changes a response after `next` does so through
/// `HTTPResponse.map`, which applies at once to a complete response and on arrival to a pending
/// one, so every layer sees the final status and header fields either way. The router turns a
/// failure into the JSON error envelope before the first layer's `map` runs.
///
/// Threads: a pending response is made, completed and delivered on the event-loop thread whose
/// handler made it; it has no lock.
public final class PendingResponse: @unchecked Sendable {
    // Safe: touched only on the one event-loop thread that made it (see above).
    private var outcome: Result<HTTPResponse, any Error>?
    private var recovery: ((any Error) -> HTTPResponse)?
    private var transforms: [(HTTPResponse) -> HTTPResponse] = []
    private var receiver: ((HTTPResponse) -> Void)?
    private var delivered = false

    public init() {}

    /// Completes it with `response`; a second completion is ignored.
    public func succeed(_ response: HTTPResponse) { complete(.success(response)) }

    /// Completes it with `error`, which becomes an error response (see `recover`).
    public func fail(_ error: any Error) { complete(.failure(error)) }

    /// How a failure becomes a response; set by the router, once.
    public func recover(_ recovery: @escaping (any Error) -> HTTPResponse) {
        if self.recovery == nil { self.recovery = recovery }
    }

    /// Adds a change applied, in the order added, to the response once it arrived.
    func append(_ transform: @escaping (HTTPResponse) -> HTTPResponse) {
        transforms.append(transform)
    }

    /// Hands the final response, with every change applied, to `receiver` once it arrived (at
    /// once if it already has). The server calls this after the whole middleware chain ran.
    func deliver(to receiver: @escaping (HTTPResponse) -> Void) {
        self.receiver = receiver
        deliverIfReady()
    }

    private func complete(_ result: Result<HTTPResponse, any Error>) {
        guard outcome == nil && !delivered else { return }
        outcome = result
        deliverIfReady()
    }

    private func deliverIfReady() {
        guard !delivered, let outcome, let receiver else { return }
        delivered = true
        var response: HTTPResponse
        switch outcome {
        case .success(let answer):
            response = answer
        case .failure(let error):
            response = recovery?(error) ?? HTTPResponse(status: .internalServerError)
        }
        for transform in transforms { response = transform(response) }
        // Nothing is kept once handed over: a dropped answer's body (an upstream stream) goes now.
        transforms.removeAll()
        self.outcome = nil
        self.receiver = nil
        receiver(response)
    }
}
