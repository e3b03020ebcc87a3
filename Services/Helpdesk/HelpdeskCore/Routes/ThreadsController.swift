import Contract
import FoundationEssentials
import HTTP
import ServiceKit

/// Threads: opening one, the admin's search, a customer's list, showing one, messages and the
/// admin's "Set status".
struct ThreadsController: Sendable {
    let dependencies: HelpdeskDependencies

    var routes: RouteCollection {
        let database = dependencies.database
        let clock = dependencies.clock
        return RouteCollection()
            .on(HelpdeskRoutes.openThread, writingTo: database, clock: clock, use: open)
            .on(HelpdeskRoutes.threads, use: search)
            .on(HelpdeskRoutes.customerThreads, use: customerThreads)
            .on(HelpdeskRoutes.thread, use: show)
            .on(HelpdeskRoutes.postMessage, writingTo: database, clock: clock, use: post)
            .on(HelpdeskRoutes.setStatus, writingTo: database, clock: clock, use: setStatus)
    }

    /// 201 with the thread, reported, and its first message.
    @Sendable func open(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        var opening = try request.decode(ThreadOpening.self)
        opening.customerId = try context.threadCustomer(opening.customerId)
        try ValidationFailure.check(opening.validate())
        let conversation = ThreadConversation(dependencies: dependencies)
        let caller = context.helpdeskCaller
        let limit = limit(for: caller, writer: opening.customerId?.text ?? opening.email.lowercased())
        return RouteWrite { connection in
            try limit()
            return try .json(conversation.open(opening, by: caller, in: connection), status: .created)
        }
    }

    /// Newest first; no criteria lists all.
    @Sendable func search(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let page = try PageRequest(query: context.query)
        let subject = context.query["subject"]
        if let subject, subject.count > HelpdeskRules.maximumSubjectLength {
            throw HTTPError.badRequest(
                "Query parameter 'subject' must be at most \(HelpdeskRules.maximumSubjectLength) characters.",
                code: "invalid_parameter", details: ["parameter": .string("subject")])
        }
        let email = context.query["email"]
        if let email, !EmailRules.problems(email, field: "email").isEmpty {
            throw HTTPError.badRequest(
                "Query parameter 'email' must be an e-mail address.", code: "invalid_parameter",
                details: ["parameter": .string("email")])
        }
        let search = ThreadRepository.Search(
            subject: subject, email: email, orderNumber: try context.query.get("orderNumber", as: OrderNumber.self),
            status: try context.enumQuery("status", as: ThreadStatus.self), from: try context.dateQuery("from"),
            to: try context.dateQuery("to"), beforeId: try page.integerCursor(), limit: page.limit + 1)
        return try threadsPage(search, limit: page.limit)
    }

    /// The customer's own threads, newest first.
    @Sendable func customerThreads(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let page = try PageRequest(query: context.query)
        let search = ThreadRepository.Search(
            customerId: try context.parameters.require("customerId", as: CustomerId.self),
            beforeId: try page.integerCursor(), limit: page.limit + 1)
        return try threadsPage(search, limit: page.limit)
    }

    @Sendable func show(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try .json(
            ThreadQueries(database: dependencies.database).detail(try context.recordId(), for: context.helpdeskCaller))
    }

    /// 201 with the message; an operator reply queues the customer's notification.
    @Sendable func post(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let id = try context.recordId()
        let message = try request.decode(MessageRequest.self)
        try ValidationFailure.check(message.validate())
        let conversation = ThreadConversation(dependencies: dependencies)
        let caller = context.helpdeskCaller
        let outbox = dependencies.outbox
        let limit = limit(for: caller, writer: "thread:\(id)")
        return RouteWrite(
            { connection in
                try limit()
                return try .json(conversation.post(message, to: id, by: caller, in: connection), status: .created)
            },
            committed: { _ in outbox.wake() })
    }

    @Sendable func setStatus(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let id = try context.recordId()
        let update = try request.decode(StatusUpdate.self)
        let conversation = ThreadConversation(dependencies: dependencies)
        let caller = context.helpdeskCaller
        return RouteWrite { connection in
            try .json(conversation.setStatus(update.status, of: id, by: caller, in: connection).summary)
        }
    }

    /// The per-writer limit as a check to run inside the write, which a repeated
    /// `Idempotency-Key` never reaches: a retry is answered from the first answer and spends
    /// nothing. The admin is not limited.
    private func limit(for caller: HelpdeskCaller, writer: String) -> () throws -> Void {
        guard !caller.isStaff else { return {} }
        let limiter = dependencies.writerLimit
        return {
            try limiter.spend(
                writer, code: "too_many_messages",
                message: "Too many threads or messages from this writer; try again later.")
        }
    }

    private func threadsPage(_ search: ThreadRepository.Search, limit: Int) throws -> HTTPResponse {
        let threads = try ThreadQueries(database: dependencies.database).search(search).map(\.summary)
        return try .json(Page.keyset(threads, limit: limit) { String($0.id) })
    }
}
