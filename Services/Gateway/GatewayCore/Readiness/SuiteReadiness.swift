import Contract
import Dispatch
import FoundationEssentials
import Glibc
import HTTP
import ServiceKit

/// The gateway's `/ready`: asks every service's `/ready` at once (1 s each) and answers 200 only
/// when the gateway and all of them are ready, listing each with its state and version. Under the
/// launcher, a service the launcher reports crash-looping is `crashLooping`, with its restarts and
/// how it last ended (`SupervisionReport`).
public struct SuiteReadiness: Sendable {
    /// One service's answer (the contract's `ServiceReadiness`).
    public typealias ServiceState = ServiceReadiness

    /// Registers the launcher's view of every service in `metrics`: restarts and crash loops.
    public static func registerSupervisionMetrics(_ environment: ServiceEnvironment) {
        let variables = environment.configuration.environment
        guard variables[SupervisionReport.fileVariable] != nil else { return }
        let read: @Sendable () -> [String: SupervisionReport.Process] = {
            SupervisionReport.current(environment: variables)?.processes ?? [:]
        }
        let metrics = environment.metrics
        metrics.counter("zaplecze_suite_restarts_total", help: "Restarts of each process by the launcher.") {
            read().sorted { $0.key < $1.key }.map { ("service=\(metrics.label($0.key))", Double($0.value.restarts)) }
        }
        metrics.gauge("zaplecze_suite_crash_looping", help: "1 while a process keeps dying soon after each start.") {
            read().sorted { $0.key < $1.key }.map {
                ("service=\(metrics.label($0.key))", $0.value.crashLooping ? 1 : 0)
            }
        }
    }

    /// The whole suite's answer (the contract's `ReadyReport`).
    public typealias Report = ReadyReport

    let environment: ServiceEnvironment
    let services: [String]

    public init(environment: ServiceEnvironment, services: [String] = ServiceConfiguration.serviceNames) {
        self.environment = environment
        self.services = services
    }

    /// Checks every service concurrently.
    public func report() -> Report {
        let results = Locked<[String: ServiceState]>([:])
        DispatchQueue.concurrentPerform(iterations: services.count) { index in
            let name = services[index]
            results.withLock { $0[name] = check(name) }
        }
        if let supervision = SupervisionReport.current(environment: environment.configuration.environment) {
            results.withLock { states in
                for (name, process) in supervision.processes where states[name] != nil {
                    if process.crashLooping { states[name]?.status = "crashLooping" }
                    states[name]?.restarts = process.restarts
                    states[name]?.lastExit = process.lastExit
                }
            }
        }
        let states = results.current
        let gatewayReady = environment.database.isMigrated
        let allReady = gatewayReady && services.allSatisfy { states[$0]?.status == "ready" }
        return Report(
            status: allReady ? "ready" : "degraded", service: environment.name, version: environment.version,
            services: states)
    }

    /// The `/ready` response: the whole report when `detailed`, else only the suite's status
    /// (the services' addresses and versions are not for anonymous callers).
    public func response(detailed: Bool) -> HTTPResponse {
        let report = report()
        let status: HTTPStatus = report.status == "ready" ? .ok : .serviceUnavailable
        let body =
            detailed
            ? try? HTTPResponse.json(report, status: status) : try? .json(Report(status: report.status), status: status)
        return body ?? HTTPResponse(status: .serviceUnavailable)
    }

    private func check(_ name: String) -> ServiceState {
        guard let upstream = environment.configuration.serviceURLs[name] else {
            return ServiceState(status: "unconfigured")
        }
        do {
            let response = try environment.http.send(
                HTTPRequest(method: .get, target: "/ready"), to: upstream, readTimeout: .seconds(1)
            )
            let body = try? JSONCoding.decode([String: String].self, from: response.body)
            let status = response.status == .ok ? "ready" : (body?["status"] ?? "not ready")
            return ServiceState(status: status, version: body?["version"], url: upstream.description)
        } catch {
            return ServiceState(status: "unreachable", url: upstream.description)
        }
    }
}
