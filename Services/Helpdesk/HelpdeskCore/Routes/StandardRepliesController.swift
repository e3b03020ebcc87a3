import Contract
import FoundationEssentials
import HTTP
import ServiceKit

/// The standard replies ("texts for the helpdesk") and the response figures, for the admin.
struct StandardRepliesController: Sendable {
    let dependencies: HelpdeskDependencies

    var routes: RouteCollection {
        let database = dependencies.database
        let clock = dependencies.clock
        return RouteCollection()
            .on(HelpdeskRoutes.standardReplies, use: list)
            .on(HelpdeskRoutes.createStandardReply, writingTo: database, clock: clock, use: create)
            .on(HelpdeskRoutes.standardReply, use: show)
            .on(HelpdeskRoutes.replaceStandardReply, writingTo: database, clock: clock, use: replace)
            .on(HelpdeskRoutes.deleteStandardReply, writingTo: database, clock: clock, use: remove)
            .on(HelpdeskRoutes.stats, use: stats)
    }

    /// By title; the cursor holds the last reply's title and id.
    @Sendable func list(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let page = try PageRequest(query: context.query)
        let after = try TextCursor.decode(page.cursor) { key -> (title: String, id: Int64)? in
            guard let separator = key.firstIndex(of: "\n"), let id = Int64(key[key.index(after: separator)...]) else {
                return nil
            }
            return (String(key[..<separator]), id)
        }
        let replies = try StandardReplies(dependencies: dependencies).list(after: after, limit: page.limit + 1)
        return try .json(Page.keyset(replies, limit: page.limit) { TextCursor.encode("\($0.title)\n\($0.id)") })
    }

    @Sendable func create(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let input = try request.decode(StandardReplyInput.self)
        try ValidationFailure.check(input.validate())
        let replies = StandardReplies(dependencies: dependencies)
        return RouteWrite { connection in try .json(replies.create(input, in: connection), status: .created) }
    }

    @Sendable func show(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try .json(StandardReplies(dependencies: dependencies).reply(try context.recordId()))
    }

    @Sendable func replace(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let id = try context.recordId()
        let input = try request.decode(StandardReplyInput.self)
        try ValidationFailure.check(input.validate())
        let replies = StandardReplies(dependencies: dependencies)
        return RouteWrite { connection in try .json(replies.replace(id, with: input, in: connection)) }
    }

    @Sendable func remove(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let id = try context.recordId()
        let replies = StandardReplies(dependencies: dependencies)
        return RouteWrite { connection in
            try replies.delete(id, in: connection)
            return .noContent
        }
    }

    @Sendable func stats(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try .json(
            HelpdeskFigures(database: dependencies.database).stats(
                from: try context.dateQuery("from"), to: try context.dateQuery("to")))
    }
}
