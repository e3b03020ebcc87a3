import Contract
import FoundationEssentials
import HTTP
import ServiceKit

/// `GET /v1/customers/{customerId}/codes`: the codes that belong to a customer (a customer token
/// reaches only its own; the route's declaration checks that before this runs).
struct CustomerCodesController: Sendable {
    let codes: CustomerCodes

    var routes: RouteCollection {
        RouteCollection().on(DiscountsRoutes.customerCodes, use: list)
    }

    /// Newest first; `cursor` is opaque (the last code's assignment time and id).
    @Sendable func list(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let customerId = try context.parameters.require("customerId", as: CustomerId.self)
        let page = try PageRequest(query: context.query)
        let position = try TextCursor.decode(page.cursor) { CustomerCodes.Position($0) }
        let rows = try codes.page(customerId, after: position, limit: page.limit + 1)
        // One row more than the page tells whether another page follows.
        let shown = rows.prefix(page.limit)
        let next = rows.count > page.limit ? shown.last.map { TextCursor.encode($0.position.text) } : nil
        return try .json(Page(items: shown.map(\.code), nextCursor: next))
    }
}
