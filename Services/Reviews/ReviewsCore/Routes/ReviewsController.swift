import Contract
import FoundationEssentials
import HTTP
import ServiceKit

/// Posting a review, and the admin's moderation: search, show, activate, edit, delete, history.
struct ReviewsController: Sendable {
    let dependencies: ReviewsDependencies

    var routes: RouteCollection {
        let database = dependencies.database
        let clock = dependencies.clock
        return RouteCollection()
            .on(ReviewsRoutes.submit, writingTo: database, clock: clock, use: submit)
            .on(ReviewsRoutes.search, use: search)
            .on(ReviewsRoutes.review, use: show)
            .on(ReviewsRoutes.activate, writingTo: database, clock: clock, use: activate)
            .on(ReviewsRoutes.edit, writingTo: database, clock: clock, use: edit)
            .on(ReviewsRoutes.delete, writingTo: database, clock: clock, use: remove)
            .on(ReviewsRoutes.history, use: history)
    }

    /// 201 with the review, unmoderated and inactive. A customer token posts as itself; the
    /// storefront and customers are limited per author, the admin is not. The limit is taken
    /// inside the write, which a repeated `Idempotency-Key` never reaches: a retry is answered
    /// from the first answer and spends nothing.
    @Sendable func submit(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        var submission = try request.decode(ReviewSubmission.self)
        submission.customerId = try context.author(submission.customerId)
        try ValidationFailure.check(submission.validate())
        let limit = context.principal.role == .admin ? nil : dependencies.authorLimit
        let author = ReviewSubmissions.authorKey(submission)
        let submissions = ReviewSubmissions(dependencies: dependencies)
        let actor = context.actorName
        return RouteWrite { connection in
            try limit?.spend(
                author, code: "too_many_reviews",
                message: "This author posted too many reviews lately; try again later.")
            return try .json(submissions.submit(submission, by: actor, in: connection).view, status: .created)
        }
    }

    /// Newest first; every filter optional.
    @Sendable func search(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let page = try PageRequest(query: context.query)
        let text = context.query["q"]
        if let text, text.count > ReviewRules.maximumCommentLength {
            throw HTTPError.badRequest(
                "Query parameter 'q' must be at most \(ReviewRules.maximumCommentLength) characters.",
                code: "invalid_parameter", details: ["parameter": .string("q")])
        }
        let search = ReviewSearch(
            text: text, from: try context.dateQuery("from"), to: try context.dateQuery("to"),
            rating: try context.ratingQuery(), productId: try context.query.get("productId", as: ProductId.self),
            customerId: try context.query.get("customerId", as: CustomerId.self),
            moderated: try context.query.get("moderated", as: Bool.self),
            active: try context.query.get("active", as: Bool.self), beforeId: try page.integerCursor(),
            limit: page.limit + 1)
        let records = try ReviewQueries(database: dependencies.database).search(search)
        return try .json(Page.keyset(records.map(\.view), limit: page.limit) { String($0.id) })
    }

    @Sendable func show(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try .json(ReviewQueries(database: dependencies.database).review(try context.reviewId()).view)
    }

    @Sendable func activate(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let id = try context.reviewId()
        let steps = ReviewModerationSteps(dependencies: dependencies)
        let actor = context.actorName
        return RouteWrite(
            { connection in try .json(steps.activate(id, by: actor, in: connection).view) },
            committed: wakeOutbox)
    }

    @Sendable func edit(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let id = try context.reviewId()
        let change = try request.decode(ReviewChange.self)
        try ValidationFailure.check(change.validate())
        let steps = ReviewModerationSteps(dependencies: dependencies)
        let actor = context.actorName
        return RouteWrite(
            { connection in try .json(steps.edit(id, with: change, by: actor, in: connection).view) },
            committed: wakeOutbox)
    }

    @Sendable func remove(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let id = try context.reviewId()
        let steps = ReviewModerationSteps(dependencies: dependencies)
        let actor = context.actorName
        return RouteWrite { connection in
            try steps.delete(id, by: actor, in: connection)
            return .noContent
        }
    }

    /// Oldest first, paged by the entry's position.
    @Sendable func history(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let id = try context.reviewId()
        let page = try PageRequest(query: context.query)
        let entries = try ReviewQueries(database: dependencies.database).history(
            of: id, afterId: try page.integerCursor(), limit: page.limit + 1)
        let shown = entries.prefix(page.limit)
        let nextCursor = entries.count > page.limit ? shown.last.map { String($0.id) } : nil
        return try .json(Page(items: shown.map(\.entry), nextCursor: nextCursor))
    }

    /// A change that published a review by a customer queued loyalty's event: send it now.
    private var wakeOutbox: (HTTPResponse) -> Void {
        let outbox = dependencies.outbox
        return { _ in outbox.wake() }
    }
}
