import Contract
import FoundationEssentials
import Glibc
import HTTP
import ServiceKit

/// `GET|PUT /v1/program`: the program settings.
struct ProgramController: Sendable {
    let dependencies: LoyaltyDependencies

    var routes: RouteCollection {
        RouteCollection()
            .on(LoyaltyRoutes.program, use: show)
            .on(LoyaltyRoutes.replaceProgram, writingTo: dependencies.database, clock: dependencies.clock, use: replace)
    }

    /// Anyone the gateway lets in may read the settings (the storefront shows them).
    @Sendable func show(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        return try .json(try dependencies.database.read { try ProgramRepository.load($0) })
    }

    @Sendable func replace(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let program = try request.decode(LoyaltyProgram.self)
        try ValidationFailure.check(program.validate())
        let now = dependencies.now()
        let (actor, logger) = (context.historyActor, dependencies.logger)
        return RouteWrite(
            { connection in
                try ProgramRepository.save(program, by: actor, at: now, in: connection)
                return try .json(program)
            },
            committed: { _ in
                logger.info("program saved", [("requestId", .string(context.requestId)), ("by", .string(actor))])
            })
    }
}
