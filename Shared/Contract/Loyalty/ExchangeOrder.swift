import FoundationEssentials
import Glibc

/// One product and quantity of an exchange order request.
public struct ExchangeOrderItemRequest: Codable, Sendable, Hashable {
    public var productId: String
    public var quantity: Int64

    /// Creates an item request.
    public init(productId: String, quantity: Int64) {
        self.productId = productId
        self.quantity = quantity
    }
}

/// `POST /v1/customers/{customerId}/exchange-orders`: products to exchange for points.
public struct ExchangeOrderRequest: Codable, Sendable, Hashable {
    public var items: [ExchangeOrderItemRequest]

    /// Most items in one exchange order.
    public static let maximumItems = 100
    /// Most units of one item.
    public static let maximumQuantity: Int64 = 1000

    /// Creates the request.
    public init(items: [ExchangeOrderItemRequest]) {
        self.items = items
    }
}

/// Where an exchange order stands, as both the admin and the customer see it.
public enum ExchangeOrderStatus: String, Codable, Sendable, Hashable, CaseIterable {
    /// Placed; points deducted; waiting for the shop.
    case placed
    /// The admin marked it "Exchanged: YES".
    case exchanged
    /// The admin rejected it and the points went back.
    case rejected
}

/// One line of an exchange order, priced when it was placed.
public struct ExchangeOrderItem: Codable, Sendable, Hashable {
    public var productId: String
    public var name: String
    public var category: String?
    public var quantity: Int64
    public var unitPoints: Int64
    public var points: Int64

    /// Creates an item.
    public init(productId: String, name: String, category: String?, quantity: Int64, unitPoints: Int64, points: Int64) {
        self.productId = productId
        self.name = name
        self.category = category
        self.quantity = quantity
        self.unitPoints = unitPoints
        self.points = points
    }
}

/// An exchange of points for products. It is not a sales order: no invoice, not in the order
/// list.
public struct ExchangeOrder: Codable, Sendable, Hashable {
    public var id: Int64
    public var customerId: String
    public var items: [ExchangeOrderItem]
    /// Points deducted for it.
    public var points: Int64
    public var status: ExchangeOrderStatus
    /// The admin's "Exchanged: YES/NO" flag; only admins see it (others see `status`).
    public var exchanged: Bool?
    /// A sentence for the customer about the completed exchange or the rejection.
    public var note: String?
    public var createdAt: Date
    public var exchangedAt: Date?
    public var rejectedAt: Date?
    public var rejectionReason: String?
    /// Who placed it (storefront, customer or admin).
    public var placedBy: String?

    /// Creates an exchange order.
    public init(
        id: Int64, customerId: String, items: [ExchangeOrderItem], points: Int64, status: ExchangeOrderStatus,
        exchanged: Bool?, note: String?, createdAt: Date, exchangedAt: Date? = nil, rejectedAt: Date? = nil,
        rejectionReason: String? = nil, placedBy: String? = nil
    ) {
        self.id = id
        self.customerId = customerId
        self.items = items
        self.points = points
        self.status = status
        self.exchanged = exchanged
        self.note = note
        self.createdAt = createdAt
        self.exchangedAt = exchangedAt
        self.rejectedAt = rejectedAt
        self.rejectionReason = rejectionReason
        self.placedBy = placedBy
    }
}

/// `PUT /v1/exchange-orders/{id}/exchanged`.
public struct ExchangedUpdate: Codable, Sendable, Hashable {
    public var exchanged: Bool

    /// Creates the request.
    public init(exchanged: Bool) {
        self.exchanged = exchanged
    }
}

/// `POST /v1/exchange-orders/{id}/rejection`; the body may be left out.
public struct ExchangeRejectionRequest: Codable, Sendable, Hashable {
    public var reason: String?

    /// Creates the request.
    public init(reason: String? = nil) {
        self.reason = reason
    }
}
