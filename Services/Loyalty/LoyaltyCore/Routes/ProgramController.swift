import Contract
import FoundationEssentials
import Glibc
import HTTP
import ServiceKit

/// `GET|PUT /v1/program`: the program settings.
struct ProgramController: Sendable {
    let dependencies: LoyaltyDependencies

    private var settings: ProgramSettings { ProgramSettings(dependencies: dependencies) }

    var routes: RouteCollection {
        RouteCollection()
            .on(LoyaltyRoutes.program, use: show)
            .on(LoyaltyRoutes.replaceProgram, writingTo: dependencies.database, clock: dependencies.clock, use: replace)
    }

    /// Anyone the gateway lets in may read the settings (the storefront shows them).
    @Sendable func show(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try .json(settings.current())
    }

    @Sendable func replace(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let program = try request.decode(LoyaltyProgram.self)
        try ValidationFailure.check(program.validate())
        let (actor, logger) = (context.historyActor, dependencies.logger)
        return RouteWrite(
            { try .json(settings.save(program, by: actor, in: $0)) },
            committed: { _ in
                logger.info("program saved", [("requestId", .string(context.requestId)), ("by", .string(actor))])
            })
    }
}
