import Contract
import FoundationEssentials
import HTTP
import ServiceKit

/// The disclosure log, the consents and the access log.
struct DisclosuresController: Sendable {
    let dependencies: PersonalDataDependencies

    var routes: RouteCollection {
        let database = dependencies.database
        let clock = dependencies.clock
        return RouteCollection()
            .on(PersonalDataRoutes.customerDisclosures, use: customerDisclosures)
            .on(PersonalDataRoutes.addCustomerDisclosure, writingTo: database, clock: clock, use: addCustomerDisclosure)
            .on(PersonalDataRoutes.orderDisclosures, use: orderDisclosures)
            .on(PersonalDataRoutes.addOrderDisclosure, writingTo: database, clock: clock, use: addOrderDisclosure)
            .on(PersonalDataRoutes.replaceDisclosure, writingTo: database, clock: clock, use: replace)
            .on(PersonalDataRoutes.deleteDisclosure, writingTo: database, clock: clock, use: remove)
            .on(PersonalDataRoutes.consents, use: consents)
            .on(PersonalDataRoutes.recordConsent, writingTo: database, clock: clock, use: recordConsent)
            .on(PersonalDataRoutes.accessLog, use: accessLog)
    }

    @Sendable func customerDisclosures(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try list(.customer(try context.parameters.require("customerId", as: CustomerId.self)), context)
    }

    @Sendable func orderDisclosures(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try list(.order(try context.parameters.require("orderNumber", as: OrderNumber.self)), context)
    }

    @Sendable func addCustomerDisclosure(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        try add(.customer(try context.parameters.require("customerId", as: CustomerId.self)), request, context)
    }

    @Sendable func addOrderDisclosure(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        try add(.order(try context.parameters.require("orderNumber", as: OrderNumber.self)), request, context)
    }

    @Sendable func replace(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let id = try context.parameters.require("id", as: Int64.self)
        let input = try request.decode(DisclosureInput.self)
        try ValidationFailure.check(input.validate())
        let disclosures = Disclosures(dependencies: dependencies)
        return RouteWrite { connection in try .json(disclosures.replace(id, with: input, in: connection)) }
    }

    @Sendable func remove(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let id = try context.parameters.require("id", as: Int64.self)
        let disclosures = Disclosures(dependencies: dependencies)
        return RouteWrite { connection in
            try disclosures.delete(id, in: connection)
            return .noContent
        }
    }

    @Sendable func consents(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let customerId = try context.parameters.require("customerId", as: CustomerId.self)
        let page = try PageRequest(query: context.query)
        let consents = try ConsentsAndAccess(dependencies: dependencies).consents(
            of: customerId, beforeId: try page.integerCursor(), limit: page.limit + 1)
        return try .json(Page.keyset(consents, limit: page.limit) { String($0.id) })
    }

    @Sendable func recordConsent(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let customerId = try context.parameters.require("customerId", as: CustomerId.self)
        let input = try request.decode(ConsentInput.self)
        try ValidationFailure.check(input.validate(now: dependencies.now()))
        let consents = ConsentsAndAccess(dependencies: dependencies)
        let actor = context.actorName
        return RouteWrite { connection in
            try .json(consents.record(input, for: customerId, by: actor, in: connection), status: .created)
        }
    }

    @Sendable func accessLog(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let page = try PageRequest(query: context.query)
        let entries = try ConsentsAndAccess(dependencies: dependencies).accessLog(
            customerId: try context.query.get("customerId", as: CustomerId.self), admin: context.query["admin"],
            beforeId: try page.integerCursor(), limit: page.limit + 1)
        return try .json(Page.keyset(entries, limit: page.limit) { String($0.id) })
    }

    private func list(_ subject: DisclosureRepository.Subject, _ context: RequestContext) throws -> HTTPResponse {
        let page = try PageRequest(query: context.query)
        let disclosures = try Disclosures(dependencies: dependencies).list(
            of: subject, beforeId: try page.integerCursor(), limit: page.limit + 1)
        return try .json(Page.keyset(disclosures, limit: page.limit) { String($0.id) })
    }

    private func add(_ subject: DisclosureRepository.Subject, _ request: HTTPRequest, _ context: RequestContext) throws
        -> RouteWrite
    {
        let input = try request.decode(DisclosureInput.self)
        try ValidationFailure.check(input.validate())
        let disclosures = Disclosures(dependencies: dependencies)
        let actor = context.actorName
        return RouteWrite { connection in
            try .json(disclosures.add(input, of: subject, by: actor, in: connection), status: .created)
        }
    }
}
