import CSV
import Contract
import FoundationEssentials
import HTTP
import Primitives
import ServiceKit

/// Codes given to customers by their orders: `POST /v1/campaigns/{id}/assignments` and
/// `GET /v1/campaigns/{id}/assignments/recipients.csv`, both admin only.
struct AssignmentsController: Sendable {
    let recipients: Recipients
    let assigner: CodeAssigner

    init(environment: ServiceEnvironment, clock: WallClock) {
        recipients = Recipients(database: environment.database)
        assigner = CodeAssigner(database: environment.database, mailer: environment.mailer, clock: clock)
    }

    var routes: RouteCollection {
        RouteCollection()
            .on(DiscountsRoutes.assign, use: assign)
            .on(DiscountsRoutes.recipients, use: recipientsCSV)
    }

    @Sendable func assign(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let campaignId = try context.parameters.require("id", as: Int64.self)
        let criteria = try request.decode(AssignmentCriteria.self)
        try ValidationFailure.check(criteria.validate())
        return try .json(try assigner.assign(campaignId: campaignId, criteria: criteria))
    }

    /// `customerId,email` of every customer the criteria match, in customer id order, whether or
    /// not they hold a code already (the list is for mailing them by other means).
    @Sendable func recipientsCSV(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let campaignId = try context.parameters.require("id", as: Int64.self)
        let criteria = try AssignmentCriteria(query: context.query)
        let writer = CSVWriter(header: ["customerId", "email"])
        var body = writer.headerLine
        try recipients.forEach(campaignId: campaignId, matching: criteria) { customer in
            body += writer.row([customer.customerId, customer.email ?? ""])
        }
        return HTTPResponse(
            headers: [
                "Content-Type": "text/csv; charset=utf-8",
                "Content-Disposition": "attachment; filename=\"campaign-\(campaignId)-recipients.csv\"",
            ],
            bytes: body)
    }
}
