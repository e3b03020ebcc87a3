import Contract
import HTTP
import ServiceKit

/// Passes a public request on to the service that owns it: `/api/v1/<service>/<rest>` becomes
/// `/v1/<rest>` with the query kept, the caller's identity in the internal header fields, and
/// status, header fields and body handed back as they come (streamed when large).
public struct Forwarder: Sendable {
    /// Bodies up to this size are read whole before answering; larger ones are streamed.
    static let bufferLimit = 256 * 1024

    /// The client's header fields a service reads; no other goes past the gateway. Hop-by-hop
    /// fields (RFC 9110 §7.6.1) and credentials stop here, and so does everything else a client
    /// may send: forwarding it all let a client's header block plus the gateway's own fields
    /// pass the service's header limits, which answered 431 for a request the gateway accepted.
    static let requestFieldsForwarded: [String] = ["accept", "content-type", "idempotency-key"]

    /// The header limits of the services (their defaults): a forwarded head must fit in them.
    static let serviceLimits = HTTPLimits()

    static let responseFieldsDropped: [String] = [
        "connection", "keep-alive", "transfer-encoding", "content-length", "date", "server",
    ]

    /// Whether `name` is one of `names`, ignoring case; compared in place, as lowercasing every
    /// field name of every request cost an allocation each.
    static func isOneOf(_ name: String, _ names: [String]) -> Bool {
        names.contains { HTTPHeaders.equalsIgnoringCase($0, name) }
    }

    /// The per-service upstream latency histogram on `/metrics`.
    public static let latencyMetric = "zaplecze_upstream_request_duration_seconds"

    let environment: ServiceEnvironment
    let readTimeout: Duration
    /// `service="…"` for each configured service, escaped once rather than on every request.
    private let serviceLabels: [String: String]

    /// A forwarder waiting `readTimeout` for each answer (`ZAPLECZE_UPSTREAM_TIMEOUT_SECONDS`).
    public init(environment: ServiceEnvironment, readTimeout: Duration = .seconds(30)) {
        self.environment = environment
        self.readTimeout = readTimeout
        var labels: [String: String] = [:]
        for service in environment.configuration.serviceURLs.keys {
            labels[service] = "service=" + environment.metrics.label(service)
        }
        serviceLabels = labels
        let metrics = environment.metrics
        metrics.describe("zaplecze_upstream_requests_total", help: "Calls forwarded to each service, by its status.")
        metrics.describe("zaplecze_upstream_errors_total", help: "Forwarded calls that failed, by service and kind.")
        metrics.describe(Self.latencyMetric, help: "Time until each service's answer, by service.")
    }

    /// Forwards `request` to `service` at `path` (already in the service's `/v1/…` form, query
    /// included). On an event loop the answer is pending and the loop serves other connections
    /// while the service works; on a worker thread the call waits for it.
    public func forward(_ request: HTTPRequest, to service: String, path: String, context: RequestContext) throws
        -> HTTPResponse
    {
        guard let upstream = environment.configuration.serviceURLs[service] else {
            throw HTTPError.unavailable("The \(service) service is not configured.")
        }
        var headers = HTTPHeaders()
        for field in request.headers where Self.isOneOf(field.name, Self.requestFieldsForwarded) {
            headers.add(name: field.name, value: field.value)
        }
        InternalHeaders.apply(context.principal, secret: environment.configuration.internalSecret, to: &headers)
        headers.replaceOrAdd(name: "X-Request-Id", value: context.requestId)
        headers.replaceOrAdd(name: "X-Forwarded-For", value: context.remoteAddress)
        try Self.checkFits(headers)
        let upstreamRequest = HTTPRequest(
            head: HTTPRequestHead(method: request.method, target: path, headers: headers), body: request.body)

        let call = Call(
            service: service, label: serviceLabels[service] ?? "service=" + environment.metrics.label(service),
            isHead: request.method == .head
        )
        let pending = PendingResponse()
        let onLoop = environment.http.startOnEventLoop(
            upstreamRequest, to: upstream, readTimeout: readTimeout, bufferLimit: Self.bufferLimit
        ) { result in
            switch result {
            case .success(.whole(let answer)):
                pending.succeed(relay(answer.head, body: .bytes(answer.body), call))
            case .success(.streaming(let stream)):
                pending.succeed(relay(stream.head, body: Self.passthrough(stream), call))
            case .failure(let error):
                pending.fail(failure(error, call))
            }
        }
        if onLoop { return HTTPResponse(pending: pending) }

        let stream: HTTPClientStream
        do {
            stream = try environment.http.stream(upstreamRequest, to: upstream, readTimeout: readTimeout)
        } catch {
            throw failure(error, call)
        }
        // An answer to HEAD has no body whatever its length says: reading its end frees the connection.
        let declaredLength = stream.head.contentLength ?? .max
        guard declaredLength <= Self.bufferLimit || call.isHead else {
            return relay(stream.head, body: Self.passthrough(stream), call)
        }
        var body: [UInt8] = []
        body.reserveCapacity(call.isHead ? 0 : declaredLength)
        do {
            while let piece = try stream.next() { body.append(contentsOf: piece) }
        } catch {
            // Counted as a failed call, as on the event loop, where a body is read before relaying.
            throw failure(error, call)
        }
        return relay(stream.head, body: .bytes(body), call)
    }

    /// Refuses with 431 a head the service would refuse for its size (repeated `Accept` fields,
    /// say): the client learns which limit it passed, instead of a relayed answer about a request
    /// it never sent. `Host` and `Content-Length` are added on the way out.
    static func checkFits(_ headers: HTTPHeaders) throws(HTTPError) {
        var bytes = 0
        for field in headers { bytes += field.name.utf8.count + field.value.utf8.count + 4 }
        // Host and Content-Length: two fields of well under 128 bytes together.
        let fields = headers.count + 2
        bytes += 128
        guard fields > serviceLimits.maxHeaderCount || bytes > serviceLimits.maxHeaderBytes else { return }
        throw HTTPError(
            .headerFieldsTooLarge, code: "header_fields_too_large",
            message: "The Accept, Content-Type and Idempotency-Key fields are too many or too large to pass on.")
    }

    /// One forwarded call: the service and its metric label, and when it began.
    private struct Call {
        let service: String
        let label: String
        let isHead: Bool
        let started = MonotonicClock.now()
    }

    /// The service's answer as the gateway's: its status and end-to-end header fields, with the
    /// call counted and timed.
    private func relay(_ head: HTTPResponseHead, body: HTTPBody, _ call: Call) -> HTTPResponse {
        environment.metrics.increment(
            "zaplecze_upstream_requests_total",
            labels: call.label + ",status=\"\(MetricsRegistry.statusLabel(head.status.code))\"")
        let seconds = Double(MonotonicClock.now() &- call.started) / 1e9
        environment.metrics.observe(Self.latencyMetric, labels: call.label, seconds: seconds)
        var headers = HTTPHeaders()
        for field in head.headers where !Self.isOneOf(field.name, Self.responseFieldsDropped) {
            headers.add(name: field.name, value: field.value)
        }
        guard call.isHead else { return HTTPResponse(status: head.status, headers: headers, body: body) }
        // An answer to HEAD states the length a GET's body would have (RFC 9110 §9.3.2).
        return HTTPResponse(
            status: head.status, headers: headers, body: .stream(BodyStream(contentLength: head.contentLength) { _ in })
        )
    }

    /// The error a failed call answers with, counted by kind.
    private func failure(_ error: HTTPClientError, _ call: Call) -> HTTPError {
        environment.metrics.increment(
            "zaplecze_upstream_errors_total", labels: call.label + ",kind=\"\(Self.kind(error))\"")
        return ServiceClient.transportError(error, service: call.service)
    }

    /// A body passed through piece by piece as the service sends it.
    private static func passthrough(_ stream: HTTPClientStream) -> HTTPBody {
        .stream(
            BodyStream(contentLength: stream.head.contentLength) { writer in
                do {
                    while let piece = try stream.next() { try writer.write(piece) }
                } catch {
                    stream.cancel()
                    throw error
                }
            })
    }

    private static func kind(_ error: HTTPClientError) -> String {
        switch error {
        case .timeout: return "timeout"
        case .unreachable, .poolExhausted: return "unreachable"
        default: return "protocol"
        }
    }
}
