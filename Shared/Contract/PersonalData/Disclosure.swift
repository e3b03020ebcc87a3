import FoundationEssentials

/// One disclosure of a person's data to someone (the police at an authority's request, say):
/// when, to whom, which data. Recipients are part of the person's right of access.
public struct Disclosure: Codable, Sendable, Hashable {
    public var id: Int64
    /// The customer whose data it was, when disclosed from the customer base.
    public var customerId: CustomerId?
    /// The order whose buyer's data it was, when disclosed from the order base.
    public var orderNumber: OrderNumber?
    public var disclosedAt: Date
    public var recipient: String
    public var scope: String
    public var recordedBy: String
    public var updatedAt: Date

    /// Creates a disclosure.
    public init(
        id: Int64, customerId: CustomerId?, orderNumber: OrderNumber?, disclosedAt: Date, recipient: String,
        scope: String, recordedBy: String, updatedAt: Date
    ) {
        self.id = id
        self.customerId = customerId
        self.orderNumber = orderNumber
        self.disclosedAt = disclosedAt
        self.recipient = recipient
        self.scope = scope
        self.recordedBy = recordedBy
        self.updatedAt = updatedAt
    }
}

/// `POST …/disclosures`, `PUT /v1/disclosures/{id}`.
public struct DisclosureInput: Codable, Sendable, Hashable {
    public var disclosedAt: Date
    public var recipient: String
    public var scope: String

    /// Creates an input.
    public init(disclosedAt: Date, recipient: String, scope: String) {
        self.disclosedAt = disclosedAt
        self.recipient = recipient
        self.scope = scope
    }
}

/// One consent given or withdrawn (newsletter, say): the purpose, which way, when, and where it
/// came from. Consents are kept as a history; the latest per purpose is the one in force.
public struct Consent: Codable, Sendable, Hashable {
    public var id: Int64
    public var customerId: CustomerId
    public var purpose: String
    public var given: Bool
    public var at: Date
    /// Where it was given or withdrawn: the registration form, the account page, a phone call…
    public var source: String
    public var recordedBy: String

    /// Creates a consent record.
    public init(
        id: Int64, customerId: CustomerId, purpose: String, given: Bool, at: Date, source: String, recordedBy: String
    ) {
        self.id = id
        self.customerId = customerId
        self.purpose = purpose
        self.given = given
        self.at = at
        self.source = source
        self.recordedBy = recordedBy
    }
}

/// `POST /v1/customers/{customerId}/consents`.
public struct ConsentInput: Codable, Sendable, Hashable {
    public var purpose: String
    public var given: Bool
    /// When it happened; now when left out.
    public var at: Date?
    public var source: String

    /// Creates an input.
    public init(purpose: String, given: Bool, at: Date? = nil, source: String) {
        self.purpose = purpose
        self.given = given
        self.at = at
        self.source = source
    }
}

/// What the access log records.
public enum PersonalDataAccess: String, Codable, Sendable, CaseIterable {
    case viewed
    case printed
    case exported
    case erased
}

/// One entry of the access log: which admin viewed, printed, exported or erased whose data.
public struct AccessLogEntry: Codable, Sendable, Hashable {
    public var id: Int64
    public var at: Date
    public var admin: String
    public var action: PersonalDataAccess
    public var customerId: CustomerId?
    public var orderNumber: OrderNumber?

    /// Creates an entry.
    public init(
        id: Int64, at: Date, admin: String, action: PersonalDataAccess, customerId: CustomerId?,
        orderNumber: OrderNumber?
    ) {
        self.id = id
        self.at = at
        self.admin = admin
        self.action = action
        self.customerId = customerId
        self.orderNumber = orderNumber
    }
}
