/// One process of the suite: its executable, where it sits in the port map, how others find it.
public struct SuiteService: Hashable, Sendable, CustomStringConvertible {
    /// The executable product's name (also the database file's name and the compose service's).
    public let name: String
    /// The offset from the suite's base port: the gateway sits on the base port itself.
    public let portOffset: Int
    /// The variable that carries this service's base URL to the others; nil for the gateway,
    /// which nobody inside the suite calls.
    public let urlVariable: String?

    /// Creates a descriptor; the suite's own list is `SuiteService.all`.
    public init(name: String, portOffset: Int, urlVariable: String?) {
        self.name = name
        self.portOffset = portOffset
        self.urlVariable = urlVariable
    }

    public var description: String { name }

    /// The public door.
    public static let gateway = SuiteService(name: "gateway", portOffset: 0, urlVariable: nil)
    /// Points, rules, rewards and exchange orders.
    public static let loyalty = SuiteService(
        name: "loyalty", portOffset: 1, urlVariable: "ZAPLECZE_LOYALTY_URL")
    /// Campaigns, codes and redemptions.
    public static let discounts = SuiteService(
        name: "discounts", portOffset: 2, urlVariable: "ZAPLECZE_DISCOUNTS_URL")
    /// Threads, messages and standard replies.
    public static let helpdesk = SuiteService(
        name: "helpdesk", portOffset: 3, urlVariable: "ZAPLECZE_HELPDESK_URL")
    /// Product reviews and ratings.
    public static let reviews = SuiteService(
        name: "reviews", portOffset: 4, urlVariable: "ZAPLECZE_REVIEWS_URL")
    /// The registry of names, addresses and disclosures.
    public static let personalData = SuiteService(
        name: "personal-data", portOffset: 5, urlVariable: "ZAPLECZE_PERSONAL_DATA_URL")

    /// Every process of the suite, in start-up and port order.
    public static let all: [SuiteService] = [gateway, loyalty, discounts, helpdesk, reviews, personalData]

    /// The services other processes call, i.e. every one with a URL variable.
    public static var backends: [SuiteService] { all.filter { $0.urlVariable != nil } }

    /// The service with this executable name, if any.
    public static func named(_ name: String) -> SuiteService? {
        all.first { $0.name == name }
    }
}
