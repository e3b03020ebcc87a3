import FoundationEssentials
import Glibc

/// What happens in the shop that a rule rewards.
public enum LoyaltyAction: String, Codable, Sendable, Hashable, CaseIterable {
    /// An order is created; points are credited at once.
    case orderCreated
    /// An order reaches the rule's `status`; points are pending until then.
    case orderStatus
    /// The customer signs up to the newsletter.
    case newsletterSignup
    /// A review by the customer is published.
    case reviewPublished

    /// Whether the action is about a sales order (and so has lines and a value).
    public var isOrderAction: Bool { self == .orderCreated || self == .orderStatus }
}

/// An earning rule (`/v1/rules`): an action, conditions that must all hold, and an award.
public struct LoyaltyRule: Sendable, Hashable {
    /// Assigned by the server; absent in a request that creates a rule.
    public var id: Int64?
    /// The admin's name for the rule, 1–200 characters.
    public var name: String
    /// Whether the rule is on.
    public var active: Bool
    /// The action that triggers the rule.
    public var action: LoyaltyAction
    /// The order status that triggers an `.orderStatus` rule; absent for other actions.
    public var status: OrderStatus?
    /// Conditions that must all hold.
    public var conditions: RuleConditions
    /// What the rule gives.
    public var award: Award

    /// The statuses an `.orderStatus` rule may wait for: reaching them earns (cancelling or
    /// refunding never does).
    public static let earningStatuses: [OrderStatus] = [.created, .paid, .fulfilled]

    /// Longest accepted rule name, in characters.
    public static let maximumNameLength = TextRules.maximumNameLength

    /// Creates a rule.
    public init(
        id: Int64? = nil,
        name: String,
        active: Bool = true,
        action: LoyaltyAction,
        status: OrderStatus? = nil,
        conditions: RuleConditions = .none,
        award: Award
    ) {
        self.id = id
        self.name = name
        self.active = active
        self.action = action
        self.status = status
        self.conditions = conditions
        self.award = award
    }
}

/// Decodes a rule; `active` defaults to true and `conditions` to none when left out.
extension LoyaltyRule: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, name, active, action, status, conditions, award
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decodeIfPresent(Int64.self, forKey: .id),
            name: try container.decode(String.self, forKey: .name),
            active: try container.decodeIfPresent(Bool.self, forKey: .active) ?? true,
            action: try container.decode(LoyaltyAction.self, forKey: .action),
            status: try container.decodeIfPresent(OrderStatus.self, forKey: .status),
            conditions: try container.decodeIfPresent(RuleConditions.self, forKey: .conditions) ?? .none,
            award: try container.decode(Award.self, forKey: .award)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(active, forKey: .active)
        try container.encode(action, forKey: .action)
        try container.encodeIfPresent(status, forKey: .status)
        try container.encode(conditions, forKey: .conditions)
        try container.encode(award, forKey: .award)
    }
}
