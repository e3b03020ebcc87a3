import FoundationEssentials

/// `PUT /v1/customers/{customerId}`: a registered customer as the storefront's customer base
/// holds them (seed 004, "Dane osobowe"): login, registration date, the person's or company's
/// name, address, phone and e-mail.
public struct CustomerRecordInput: Codable, Sendable, Hashable {
    public var login: String?
    public var registeredAt: Date
    /// The person's name, or the company's.
    public var name: String
    public var street: String?
    public var postcode: String?
    public var city: String?
    public var phone: String?
    public var email: String

    /// Creates an input.
    public init(
        login: String? = nil, registeredAt: Date, name: String, street: String? = nil, postcode: String? = nil,
        city: String? = nil, phone: String? = nil, email: String
    ) {
        self.login = login
        self.registeredAt = registeredAt
        self.name = name
        self.street = street
        self.postcode = postcode
        self.city = city
        self.phone = phone
        self.email = email
    }
}

/// A customer of the customer base, as the registry keeps them ("Show").
public struct CustomerRecord: Codable, Sendable, Hashable {
    public var customerId: CustomerId
    public var login: String?
    public var registeredAt: Date
    public var name: String
    public var street: String?
    public var postcode: String?
    public var city: String?
    public var phone: String?
    public var email: String
    /// When the customer's data first entered the system.
    public var firstSeenAt: Date
    public var updatedAt: Date

    /// Creates a record.
    public init(
        customerId: CustomerId, input: CustomerRecordInput, firstSeenAt: Date, updatedAt: Date
    ) {
        self.customerId = customerId
        login = input.login
        registeredAt = input.registeredAt
        name = input.name
        street = input.street
        postcode = input.postcode
        city = input.city
        phone = input.phone
        email = input.email
        self.firstSeenAt = firstSeenAt
        self.updatedAt = updatedAt
    }
}

/// An order's buyer as the order base holds them ("Show" from an order): also buyers who never
/// registered.
public struct OrderRecord: Codable, Sendable, Hashable {
    public var orderNumber: OrderNumber
    public var customerId: CustomerId?
    public var login: String?
    public var orderedAt: Date
    public var name: String
    public var street: String
    public var postcode: String
    public var city: String
    public var email: String
    public var phone: String
    /// When the order's data first entered the system.
    public var firstSeenAt: Date

    /// Creates a record.
    public init(
        orderNumber: OrderNumber, customerId: CustomerId?, orderedAt: Date, buyer: Buyer, firstSeenAt: Date
    ) {
        self.orderNumber = orderNumber
        self.customerId = customerId
        login = buyer.login
        self.orderedAt = orderedAt
        name = buyer.name
        street = buyer.street
        postcode = buyer.postcode
        city = buyer.city
        email = buyer.email
        phone = buyer.phone
        self.firstSeenAt = firstSeenAt
    }
}

/// The part of an order the registry receives from the gateway's order fan-out: the buyer.
public struct BuyerOrderEvent: Codable, Sendable, Hashable {
    public var eventId: String
    public var orderNumber: OrderNumber
    /// 1, 2, 3… per order number; an older one than the last applied is ignored.
    public var sequence: Int64
    public var customerId: CustomerId?
    public var placedAt: Date
    public var buyer: Buyer

    /// Creates the event from one version of an order.
    public init(eventId: String, orderNumber: OrderNumber, sequence: Int64, order: OrderDocument) {
        self.eventId = eventId
        self.orderNumber = orderNumber
        self.sequence = sequence
        customerId = order.customerId
        placedAt = order.placedAt
        buyer = order.buyer
    }
}
