import ServiceKit

/// The ports of the six processes: the gateway on the base port, the others on the next five.
///
/// The same map is used by the launcher and by docker-compose.yml (base 8080), so that a service
/// has one port wherever it runs.
public struct PortMap: Hashable, Sendable {
    /// The gateway's port; every other service's is this plus its offset.
    public let basePort: Int

    /// The suite's default base port.
    public static let defaultBasePort = SuiteService.defaultBasePort

    /// The default map: 8080…8085, as in docker-compose.yml.
    public static let standard = PortMap(checkedBasePort: defaultBasePort)

    /// The highest offset in use, so the highest port is `basePort + span`.
    public static var span: Int { SuiteService.all.map(\.portOffset).max() ?? 0 }

    /// Creates the map, refusing a base whose block of ports would leave 1…65535.
    public init(basePort: Int) throws(PortMapError) {
        guard basePort >= 1 else {
            throw .outOfRange(basePort: basePort)
        }
        let (last, overflow) = basePort.addingReportingOverflow(Self.span)
        guard !overflow, last <= 65_535 else {
            throw .outOfRange(basePort: basePort)
        }
        self.basePort = basePort
    }

    /// For constants known to be in range.
    private init(checkedBasePort: Int) {
        self.basePort = checkedBasePort
    }

    /// The port the given service listens on.
    public func port(for service: SuiteService) -> Int {
        basePort + service.portOffset
    }

    /// Every service with its port, in port order.
    public var entries: [(service: SuiteService, port: Int)] {
        SuiteService.all.map { ($0, port(for: $0)) }
    }
}

/// Why a base port cannot be used.
public enum PortMapError: Error, Equatable, CustomStringConvertible {
    /// The base port or one of the five after it is not a valid TCP port.
    case outOfRange(basePort: Int)

    public var description: String {
        switch self {
        case .outOfRange(let basePort):
            return "port \(basePort) is out of range: the suite needs it and the \(PortMap.span) ports after it, "
                + "all within 1...65535 (so at most \(65_535 - PortMap.span))"
        }
    }
}
