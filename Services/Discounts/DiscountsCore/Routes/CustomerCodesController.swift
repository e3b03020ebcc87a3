import Contract
import FoundationEssentials
import HTTP
import ServiceKit
import Store

/// `GET /v1/customers/{customerId}/codes`: the codes a customer holds, newest first, paged (a
/// customer token reaches only its own, which the declaration checks).
struct CustomerCodesController: Sendable {
    let database: Database

    var routes: RouteCollection {
        RouteCollection().on(DiscountsRoutes.customerCodes, use: list)
    }

    @Sendable func list(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let customerId = try context.parameters.require("customerId", as: CustomerId.self)
        let page = try PageRequest(query: context.query)
        var position: CustomerCodesPosition?
        if let key = try TextCursor.decode(page.cursor) {
            guard let decoded = CustomerCodesPosition(key: key) else {
                throw HTTPError.badRequest("The cursor is not valid.", code: "invalid_cursor")
            }
            position = decoded
        }
        let rows = try database.read { connection in
            try CustomerCodesRepository.page(customerId.text, after: position, limit: page.limit + 1, in: connection)
        }
        let shown = Array(rows.prefix(page.limit))
        let next = rows.count > page.limit ? shown.last.map { TextCursor.encode($0.1.key) } : nil
        return try .json(Page(items: shown.map(\.0), nextCursor: next))
    }
}
