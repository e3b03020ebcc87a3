import FoundationEssentials

/// `GET /v1/customers/{customerId}/export`: everything the suite holds about a person, for their
/// right of access and portability: the registry's records and each service's.
public struct PersonalDataExport: Codable, Sendable, Equatable {
    public var customerId: CustomerId
    public var generatedAt: Date
    /// The customer base record; null for a person known only from orders.
    public var customer: CustomerRecord?
    /// The orders of the customer, and those placed with the customer's e-mail without an account.
    public var orders: [OrderRecord]
    public var disclosures: [Disclosure]
    public var consents: [Consent]
    /// What each other service holds (loyalty, discounts, helpdesk, reviews).
    public var services: [PrivacySubject]

    /// Creates an export.
    public init(
        customerId: CustomerId, generatedAt: Date, customer: CustomerRecord?, orders: [OrderRecord],
        disclosures: [Disclosure], consents: [Consent], services: [PrivacySubject]
    ) {
        self.customerId = customerId
        self.generatedAt = generatedAt
        self.customer = customer
        self.orders = orders
        self.disclosures = disclosures
        self.consents = consents
        self.services = services
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(customerId, forKey: .customerId)
        try container.encode(generatedAt, forKey: .generatedAt)
        // Always present, null for a person with no customer base record.
        try container.encode(customer, forKey: .customer)
        try container.encode(orders, forKey: .orders)
        try container.encode(disclosures, forKey: .disclosures)
        try container.encode(consents, forKey: .consents)
        try container.encode(services, forKey: .services)
    }

    private enum CodingKeys: String, CodingKey {
        case customerId, generatedAt, customer, orders, disclosures, consents, services
    }
}

/// `POST /v1/customers/{customerId}/erasure`: without a token, asks for one; with the token of
/// the first call, erases.
public struct ErasureRequest: Codable, Sendable, Hashable {
    public var confirmationToken: String?

    /// Creates a request; without a token it is the first step.
    public init(confirmationToken: String? = nil) { self.confirmationToken = confirmationToken }
}

/// The answer to either step of an erasure. The first (no token) gives the confirmation token,
/// valid until `expiresAt`, and what will be erased; the second (with the token, 202) gives the
/// erasure's `id`.
public struct ErasureStep: Codable, Sendable, Hashable {
    public var customerId: CustomerId
    public var confirmationToken: String?
    public var expiresAt: Date?
    /// Orders whose buyer will be anonymized (the amounts stay).
    public var orders: Int64?
    /// Whether the customer base holds the customer.
    public var registered: Bool?
    /// The erasure under way, after the second step.
    public var id: String?

    /// The first step's answer.
    public static func confirmation(
        customerId: CustomerId, token: String, expiresAt: Date, orders: Int64, registered: Bool
    ) -> ErasureStep {
        ErasureStep(
            customerId: customerId, confirmationToken: token, expiresAt: expiresAt, orders: orders,
            registered: registered, id: nil)
    }

    /// The second step's answer.
    public static func started(customerId: CustomerId, id: String) -> ErasureStep {
        ErasureStep(
            customerId: customerId, confirmationToken: nil, expiresAt: nil, orders: nil, registered: nil, id: id)
    }

    /// Creates an answer.
    public init(
        customerId: CustomerId, confirmationToken: String?, expiresAt: Date?, orders: Int64?, registered: Bool?,
        id: String?
    ) {
        self.customerId = customerId
        self.confirmationToken = confirmationToken
        self.expiresAt = expiresAt
        self.orders = orders
        self.registered = registered
        self.id = id
    }
}

/// `GET /v1/erasures/{id}`: how far an erasure got, per service.
public struct ErasureProgress: Codable, Sendable, Hashable {
    public var id: String
    /// The id the person's records now carry everywhere.
    public var pseudonym: String
    public var requestedAt: Date
    public var requestedBy: String
    /// The registry's own part is done with the request; the others follow through the outbox.
    public var services: [ServiceErasure]
    /// Every service has acknowledged.
    public var complete: Bool

    /// Creates the progress.
    public init(id: String, pseudonym: String, requestedAt: Date, requestedBy: String, services: [ServiceErasure]) {
        self.id = id
        self.pseudonym = pseudonym
        self.requestedAt = requestedAt
        self.requestedBy = requestedBy
        self.services = services
        complete = services.allSatisfy { $0.state == .done }
    }

    /// One service's part.
    public struct ServiceErasure: Codable, Sendable, Hashable {
        public enum State: String, Codable, Sendable, CaseIterable {
            /// Not acknowledged yet; retried with backoff until it is.
            case pending
            case done
            /// The service refused it for good; an operator retries it from the dead letters.
            case failed
        }

        public var service: String
        public var state: State
        public var attempts: Int
        public var lastError: String?

        /// Creates a service's part.
        public init(service: String, state: State, attempts: Int, lastError: String?) {
            self.service = service
            self.state = state
            self.attempts = attempts
            self.lastError = lastError
        }
    }
}

extension ErasureRequest: RefusesUnknownFields {}
