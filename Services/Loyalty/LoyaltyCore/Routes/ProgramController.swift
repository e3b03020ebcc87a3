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
            .on(LoyaltyRoutes.replaceProgram, use: replace)
    }

    /// Anyone the gateway lets in may read the settings (the storefront shows them).
    @Sendable func show(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        return try .json(try dependencies.database.read { try ProgramRepository.load($0) })
    }

    @Sendable func replace(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let program = try request.decode(LoyaltyProgram.self)
        try ValidationFailure.check(program.validate())
        let now = dependencies.now()
        try dependencies.database.write { connection in
            try ProgramRepository.save(program, by: context.historyActor, at: now, in: connection)
        }
        dependencies.logger.info(
            "program saved", [("requestId", .string(context.requestId)), ("by", .string(context.historyActor))])
        return try .json(program)
    }
}
