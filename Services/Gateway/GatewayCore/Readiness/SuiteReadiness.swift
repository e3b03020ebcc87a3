import Contract
import Dispatch
import FoundationEssentials
import Glibc
import HTTP
import ServiceKit

/// The gateway's `/ready`: asks every service's `/ready` at once (1 s each) and answers 200 only
/// when the gateway and all of them are ready, listing each with its state and version.
public struct SuiteReadiness: Sendable {
    /// One service's answer.
    public struct ServiceState: Codable, Sendable, Equatable {
        public var status: String
        public var version: String?
        public var url: String?
    }

    /// The whole suite's answer.
    public struct Report: Codable, Sendable {
        public var status: String
        public var service: String
        public var version: String
        public var services: [String: ServiceState]
    }

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
            ? try? HTTPResponse.json(report, status: status) : try? .json(["status": report.status], status: status)
        return body ?? HTTPResponse(status: .serviceUnavailable)
    }

    private func check(_ name: String) -> ServiceState {
        guard let upstream = environment.configuration.serviceURLs[name] else {
            return ServiceState(status: "unconfigured", version: nil, url: nil)
        }
        do {
            let response = try environment.http.send(
                HTTPRequest(method: .get, target: "/ready"), to: upstream, readTimeout: .seconds(1)
            )
            let body = try? JSONCoding.decode([String: String].self, from: response.body)
            let status = response.status == .ok ? "ready" : (body?["status"] ?? "not ready")
            return ServiceState(status: status, version: body?["version"], url: upstream.description)
        } catch {
            return ServiceState(status: "unreachable", version: nil, url: upstream.description)
        }
    }
}
