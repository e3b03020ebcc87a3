import Contract
import FoundationEssentials
import HTTP
import PDF
import ServiceKit

/// The person's rights: the export, the two-step erasure and its progress.
struct PersonRightsController: Sendable {
    let dependencies: PersonalDataDependencies
    let rights: PersonRights
    let outbox: Outbox
    /// The fonts the report is set in; nil when none were found (the report is then a 503).
    let fonts: PDFFonts?

    var routes: RouteCollection {
        RouteCollection()
            .on(PersonalDataRoutes.export, use: export)
            .on(PersonalDataRoutes.customerReport, use: customerReport)
            .on(PersonalDataRoutes.orderReport, use: orderReport)
            .on(PersonalDataRoutes.erasure, writingTo: dependencies.database, clock: dependencies.clock, use: erase)
            .on(PersonalDataRoutes.erasureProgress, use: progress)
    }

    @Sendable func export(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let customerId = try context.parameters.require("customerId", as: CustomerId.self)
        return try .json(rights.export(customerId, by: context.actorName))
    }

    @Sendable func customerReport(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let customerId = try context.parameters.require("customerId", as: CustomerId.self)
        return try pdf(.customer(customerId), name: "raport-klient-\(customerId.text)", context)
    }

    @Sendable func orderReport(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let orderNumber = try context.parameters.require("orderNumber", as: OrderNumber.self)
        return try pdf(.order(orderNumber), name: "raport-zamowienie-\(orderNumber.text)", context)
    }

    /// The report as an inline PDF named `name` (anything but letters, digits and dashes made a dash).
    private func pdf(_ subject: AccessReport.Subject, name: String, _ context: RequestContext) throws -> HTTPResponse {
        guard let fonts else {
            throw HTTPError.unavailable(
                "The registry found no fonts to print with; set ZAPLECZE_FONTS_DIR.", code: "report_unavailable")
        }
        let bytes = try rights.report(subject, by: context.actorName).render(fonts: fonts)
        let file = String(
            name.unicodeScalars.map {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) ? Character($0) : "-"
            })
        return HTTPResponse(
            headers: [
                "Content-Type": "application/pdf", "Content-Disposition": "inline; filename=\"\(file).pdf\"",
                "Cache-Control": "no-store",
            ],
            bytes: bytes)
    }

    /// Without a token, 200 with one; with it, 202 with the erasure's id.
    @Sendable func erase(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let customerId = try context.parameters.require("customerId", as: CustomerId.self)
        let body = try request.decodeIfPresent(ErasureRequest.self, default: ErasureRequest())
        let rights = rights
        let admin = context.actorName
        let outbox = outbox
        guard let token = body.confirmationToken else {
            return RouteWrite { connection in try .json(rights.confirmation(for: customerId, in: connection)) }
        }
        return RouteWrite(
            { connection in
                try .json(rights.erase(customerId, token: token, by: admin, in: connection), status: .accepted)
            },
            committed: { _ in outbox.wake() })
    }

    @Sendable func progress(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let id = try context.parameters.require("id", as: ReferenceId.self)
        let outbox = outbox
        return try .json(rights.progress(id.text) { try outbox.deliveries(orderingKey: $0) })
    }
}
