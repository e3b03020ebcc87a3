import Contract
import FoundationEssentials
import HTTP
import ServiceKit

/// The person's rights: the export, the two-step erasure and its progress.
struct PersonRightsController: Sendable {
    let dependencies: PersonalDataDependencies
    let rights: PersonRights
    let outbox: Outbox

    var routes: RouteCollection {
        RouteCollection()
            .on(PersonalDataRoutes.export, use: export)
            .on(PersonalDataRoutes.erasure, writingTo: dependencies.database, clock: dependencies.clock, use: erase)
            .on(PersonalDataRoutes.erasureProgress, use: progress)
    }

    @Sendable func export(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let customerId = try context.parameters.require("customerId", as: CustomerId.self)
        return try .json(rights.export(customerId, by: context.actorName))
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
