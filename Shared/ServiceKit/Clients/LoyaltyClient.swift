import Contract
import FoundationEssentials
import Glibc
import HTTP

/// The loyalty service as other services call it: point debits for things sold for points,
/// their compensation, published reviews and order events.
///
/// ```swift
/// let loyalty = LoyaltyClient(try environment.client(for: "loyalty"))
/// let debit = try loyalty.debit(PointDebitRequest(debitId: "code-42", customerId: "c1", points: 500, reason: "Code SPRING"))
/// ```
public struct LoyaltyClient: Sendable {
    /// The underlying client (carries the internal secret).
    public let client: ServiceClient

    /// Wraps a `ServiceClient` for the loyalty service.
    public init(_ client: ServiceClient) {
        self.client = client
    }

    /// Takes points; the same `debitId` never debits twice and answers the same debit.
    /// Throws `ServiceCallError` with code `insufficient_points` (409) when the balance is short.
    public func debit(
        _ request: PointDebitRequest, principal: Principal = Principal(role: .service), requestId: String? = nil
    ) throws -> PointDebit {
        try client.call(LoyaltyRoutes.debit, body: request, principal: principal, requestId: requestId)
    }

    /// Gives the points of a debit back, exactly once however often it is called.
    public func compensate(
        debitId: String, principal: Principal = Principal(role: .service), requestId: String? = nil
    ) throws -> PointDebit {
        try client.call(LoyaltyRoutes.compensation, debitId, principal: principal, requestId: requestId)
    }

    /// Reports a published review; awards per the active review rules once per review id.
    public func reviewPublished(
        _ event: ReviewPublishedEvent, principal: Principal = Principal(role: .service), requestId: String? = nil
    ) throws -> ActivityAward {
        try client.call(LoyaltyRoutes.reviewEvents, body: event, principal: principal, requestId: requestId)
    }

    /// Delivers one order event; duplicates and older sequences are answered without effect.
    public func orderEvent(
        _ event: OrderEvent, principal: Principal = Principal(role: .service), requestId: String? = nil
    ) throws -> OrderPoints {
        try client.call(
            LoyaltyRoutes.orderEvents, event.orderNumber.text, body: event, principal: principal, requestId: requestId)
    }

    /// The path an order event is posted to, for callers that deliver it through their outbox.
    public static func orderEventPath(orderNumber: String) -> String {
        LoyaltyRoutes.orderEvents.servicePath(orderNumber)
    }

    /// The path that compensates a debit.
    public static func compensationPath(debitId: String) -> String {
        LoyaltyRoutes.compensation.servicePath(debitId)
    }
}
