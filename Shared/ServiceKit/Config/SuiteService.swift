/// One process of the suite: its name, where it sits in the port map, how others find it.
///
/// `SuiteService.all` is the one list of the suite's processes in Swift: the launcher, the
/// gateway's routing, readiness and documentation, the configuration and the tests read it.
/// (Package.swift, which cannot import a module, keeps its own list; a test compares the two.)
public struct SuiteService: Hashable, Sendable, CustomStringConvertible {
    /// The process's name: its executable product, its `suite serve` name, its database file's
    /// name and its compose service's.
    public let name: String
    /// The offset from the suite's base port: the gateway sits on the base port itself.
    public let portOffset: Int

    private init(name: String, portOffset: Int) {
        self.name = name
        self.portOffset = portOffset
    }

    public var description: String { name }

    /// The variable that carries this service's base URL to the others
    /// (`personal-data` → `ZAPLECZE_PERSONAL_DATA_URL`); nil for the gateway, which nobody
    /// inside the suite calls.
    public var urlVariable: String? {
        self == .gateway ? nil : ServiceConfiguration.urlVariable(for: name)
    }

    /// The port the process listens on when nothing says otherwise (8080 + its offset).
    public var defaultPort: Int { Self.defaultBasePort + portOffset }

    /// The gateway's port by default; every other process's is this plus its offset.
    public static let defaultBasePort = 8080

    /// The public door.
    public static let gateway = SuiteService(name: "gateway", portOffset: 0)
    /// Points, rules, rewards and exchange orders.
    public static let loyalty = SuiteService(name: "loyalty", portOffset: 1)
    /// Campaigns, codes and redemptions.
    public static let discounts = SuiteService(name: "discounts", portOffset: 2)
    /// Threads, messages and standard replies.
    public static let helpdesk = SuiteService(name: "helpdesk", portOffset: 3)
    /// Product reviews and ratings.
    public static let reviews = SuiteService(name: "reviews", portOffset: 4)
    /// The registry of names, addresses and disclosures.
    public static let personalData = SuiteService(name: "personal-data", portOffset: 5)

    /// Every process of the suite, in start-up and port order.
    public static let all: [SuiteService] = [gateway, loyalty, discounts, helpdesk, reviews, personalData]

    /// The services behind the gateway, which other processes call: every one but the gateway.
    public static var backends: [SuiteService] { all.filter { $0 != .gateway } }

    /// The process with this name, if any.
    public static func named(_ name: String) -> SuiteService? {
        all.first { $0.name == name }
    }
}
