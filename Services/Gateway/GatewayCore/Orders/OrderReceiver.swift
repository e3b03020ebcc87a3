import Contract
import HTTP

/// One service that receives its part of every order change: where to send it and what to send.
/// The fan-out writes one outbox event per receiver per accepted change, so a receiver that is
/// down gets its events later, in order, and none twice (it dedupes by `eventId`).
public struct OrderReceiver: Sendable {
    /// What a receiver's payload is built from.
    public struct Change: Sendable {
        public let orderNumber: OrderNumber
        public let sequence: Int64
        /// `<receiver>:<orderNumber>:<sequence>`.
        public let eventId: String
        public let order: OrderDocument
    }

    /// A stable name: part of the event id and the ordering key. Usually the service's name.
    public let name: String
    /// The service the events go to (a key of the configured service URLs).
    public let service: String
    public let method: HTTPMethod
    /// The service's internal path for an order number (already percent-encoded).
    public let path: @Sendable (_ orderNumber: String) -> String
    /// The body to send: only the part of the order this receiver owns.
    public let payload: @Sendable (Change) throws -> [UInt8]

    /// Creates a receiver; `name` defaults to the service's.
    public init(
        name: String? = nil, service: String, method: HTTPMethod = .post,
        path: @escaping @Sendable (_ orderNumber: String) -> String,
        payload: @escaping @Sendable (Change) throws -> [UInt8]
    ) {
        self.name = name ?? service
        self.service = service
        self.method = method
        self.path = path
        self.payload = payload
    }
}

/// The receivers of order changes: the one table to extend when another service needs its part
/// of the order.
public enum OrderReceivers {
    /// Every receiver, in the order their events are written.
    public static let all: [OrderReceiver] = [loyalty, discounts, reviews, personalData]

    /// Loyalty gets lines, totals and status (no buyer data) to award or take back points.
    public static let loyalty = OrderReceiver.json(service: "loyalty", route: LoyaltyRoutes.orderEvents) { change in
        OrderEvent(
            eventId: change.eventId, orderNumber: change.orderNumber, sequence: change.sequence, order: change.order)
    }

    /// Discounts gets the code, value, status and buyer e-mail: the code's redemption is
    /// confirmed (or made, or released on cancellation), and the customer's order statistics kept.
    public static let discounts = OrderReceiver.json(service: "discounts", route: DiscountsRoutes.orderEvents) {
        change in
        DiscountOrderEvent(
            eventId: change.eventId, orderNumber: change.orderNumber, sequence: change.sequence, order: change.order)
    }

    /// Reviews gets the customer, the products and the status: a review by a customer who bought
    /// the product is marked a verified purchase.
    public static let reviews = OrderReceiver.json(service: "reviews", route: ReviewsRoutes.orderEvents) { change in
        ReviewOrderEvent(
            eventId: change.eventId, orderNumber: change.orderNumber, sequence: change.sequence, order: change.order)
    }

    /// The personal-data registry gets the buyer: the order base of the source, also for buyers
    /// who never registered.
    public static let personalData = OrderReceiver.json(
        service: "personal-data", route: PersonalDataRoutes.orderEvents
    ) { change in
        BuyerOrderEvent(
            eventId: change.eventId, orderNumber: change.orderNumber, sequence: change.sequence, order: change.order)
    }
}

extension OrderReceiver {
    /// A receiver that posts `event(change)` as JSON to `route` (declared with the order number
    /// as its one path parameter) of `service`.
    public static func json<Event: Encodable & RouteBody & Sendable, Answer: RouteBody & Sendable>(
        service: String, route: RouteSpec<Event, Answer>, event: @escaping @Sendable (Change) -> Event
    ) -> OrderReceiver {
        OrderReceiver(
            service: service, method: route.declaration.method, path: { route.servicePath($0) },
            payload: { change in try JSONCoding.encode(event(change)) })
    }
}
