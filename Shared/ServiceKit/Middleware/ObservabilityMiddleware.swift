import HTTP

/// Logs every request as one structured line and records it in the metrics, whatever its outcome.
public struct ObservabilityMiddleware: Middleware {
    let logger: Logger
    let metrics: MetricsRegistry

    public init(logger: Logger, metrics: MetricsRegistry) {
        self.logger = logger
        self.metrics = metrics
    }

    /// Counting and one log line (a single write to standard output) never wait on anything.
    public var neverBlocks: Bool { true }

    public func handle(_ request: HTTPRequest, context: RequestContext, next: Next) throws -> HTTPResponse {
        metrics.requestStarted()
        let response: HTTPResponse
        do {
            response = try next(request, context)
        } catch {
            metrics.requestFinished()
            throw error
        }
        // A pending answer (a forwarded request) is counted and logged when it arrives.
        return response.map { [logger, metrics] response in
            metrics.requestFinished()
            let seconds = Double(MonotonicClock.now() &- context.startedAt) / 1e9
            metrics.recordRequest(
                route: context.route, method: request.method.description, status: response.status.code, seconds: seconds
            )
            let level: LogLevel = response.status.code >= 500 ? .error : .info
            if logger.enabled(level) {
                logger.log(
                    level, "request",
                    [
                        ("requestId", .string(context.requestId)),
                        ("method", .string(request.method.description)),
                        ("path", .string(String(request.head.rawPath))),
                        // The client behind trusted proxies when the gateway found it.
                        ("client", .string(context.remoteAddress)),
                        ("status", .int(Int64(response.status.code))),
                        ("durationMs", .double(seconds * 1000)),
                    ])
            }
            return response
        }
    }
}
