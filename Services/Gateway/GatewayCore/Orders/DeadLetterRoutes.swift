import Contract
import FoundationEssentials
import Glibc
import HTTP
import ServiceKit

/// `GET /api/v1/orders/deliveries/failed` and `POST /api/v1/orders/deliveries/{eventId}/retry`:
/// the order events a receiving service refused for good, with its error, and a retry once the
/// cause is fixed (admin only).
public struct DeadLetterRoutes: Sendable {
    let outbox: Outbox

    /// Routes over the gateway's outbox.
    public init(outbox: Outbox) { self.outbox = outbox }

    /// A page of refused events, oldest first.
    public func failed(_ request: HTTPRequest, context: RequestContext) throws -> HTTPResponse {
        let page = try PageRequest(query: context.query)
        let rows = try outbox.deadLetters(afterId: try page.integerCursor(), limit: page.limit + 1)
        let shown = rows.prefix(page.limit)
        let next = rows.count > page.limit ? shown.last.map { String($0.id) } : nil
        return try .json(Page(items: shown.map(\.letter), nextCursor: next))
    }

    /// Queues a refused event again (202); 404 when no refused event has that id.
    public func retry(_ request: HTTPRequest, context: RequestContext) throws -> HTTPResponse {
        let eventId = try context.parameters.require("eventId", as: String.self)
        guard let letter = try outbox.retryDeadLetter(eventId: eventId) else {
            throw HTTPError.notFound(
                "No refused delivery has the id \(eventId); it may have been delivered or queued again.",
                code: "delivery_not_failed")
        }
        return try .json(letter, status: .accepted)
    }
}
