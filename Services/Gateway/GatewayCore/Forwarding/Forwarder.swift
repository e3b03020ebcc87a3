import Contract
import HTTP
import ServiceKit

/// Passes a public request on to the service that owns it: `/api/v1/<service>/<rest>` becomes
/// `/v1/<rest>` with the query kept, the caller's identity in the internal header fields, and
/// status, header fields and body handed back as they come (streamed when large).
public struct Forwarder: Sendable {
    /// Bodies up to this size are read whole before answering; larger ones are streamed.
    static let bufferLimit = 256 * 1024

    /// Header fields that belong to one hop only (RFC 9110 §7.6.1) or carry credentials that stop here.
    static let requestFieldsDropped: [String] = [
        "connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade",
        "content-length", "host", "authorization", "cookie", "expect",
    ]
    static let responseFieldsDropped: [String] = [
        "connection", "keep-alive", "transfer-encoding", "content-length", "date", "server",
    ]

    /// Whether `name` is one of `names`, ignoring case; compared in place, as lowercasing every
    /// field name of every request cost an allocation each.
    static func isDropped(_ name: String, _ names: [String]) -> Bool {
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
    }

    /// Forwards `request` to `service` at `path` (already in the service's `/v1/…` form, query included).
    public func forward(_ request: HTTPRequest, to service: String, path: String, context: RequestContext) throws -> HTTPResponse {
        guard let upstream = environment.configuration.serviceURLs[service] else {
            throw HTTPError.unavailable("The \(service) service is not configured.")
        }
        var headers = HTTPHeaders()
        for field in request.headers where !Self.isDropped(field.name, Self.requestFieldsDropped)
            && !Self.isDropped(field.name, InternalHeaders.all) {
            headers.add(name: field.name, value: field.value)
        }
        InternalHeaders.apply(context.principal, secret: environment.configuration.internalSecret, to: &headers)
        headers.replaceOrAdd(name: "X-Request-Id", value: context.requestId)
        headers.replaceOrAdd(name: "X-Forwarded-For", value: context.remoteAddress)
        let upstreamRequest = HTTPRequest(head: HTTPRequestHead(method: request.method, target: path, headers: headers), body: request.body)

        let serviceLabel = serviceLabels[service] ?? "service=" + environment.metrics.label(service)
        let started = MonotonicClock.now()
        let stream: HTTPClientStream
        do {
            stream = try environment.http.stream(upstreamRequest, to: upstream, readTimeout: readTimeout)
        } catch {
            environment.metrics.increment("zaplecze_upstream_errors_total", labels: serviceLabel + ",kind=\"\(Self.kind(error))\"")
            throw ServiceClient.transportError(error, service: service)
        }
        let head = stream.head
        environment.metrics.increment("zaplecze_upstream_requests_total", labels: serviceLabel + ",status=\"\(head.status.code)\"")
        let seconds = Double(MonotonicClock.now() &- started) / 1e9
        environment.metrics.observe(Self.latencyMetric, labels: serviceLabel, seconds: seconds)
        var responseHeaders = HTTPHeaders()
        for field in head.headers where !Self.isDropped(field.name, Self.responseFieldsDropped) {
            responseHeaders.add(name: field.name, value: field.value)
        }
        let declaredLength = head.headers["Content-Length"].flatMap { Int($0) }
        if let declaredLength, declaredLength <= Self.bufferLimit {
            var body: [UInt8] = []
            body.reserveCapacity(declaredLength)
            do {
                while let piece = try stream.next() { body.append(contentsOf: piece) }
            } catch {
                throw ServiceClient.transportError(error, service: service)
            }
            return HTTPResponse(status: head.status, headers: responseHeaders, bytes: body)
        }
        return HTTPResponse(status: head.status, headers: responseHeaders, body: .stream(BodyStream(contentLength: declaredLength) { writer in
            do {
                while let piece = try stream.next() { try writer.write(piece) }
            } catch {
                stream.cancel()
                throw error
            }
        }))
    }

    private static func kind(_ error: HTTPClientError) -> String {
        switch error {
        case .timeout: return "timeout"
        case .unreachable, .poolExhausted: return "unreachable"
        default: return "protocol"
        }
    }
}
