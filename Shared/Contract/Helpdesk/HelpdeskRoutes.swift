/// Every route of the helpdesk service, declared once: the service registers its handlers under
/// these, the gateway publishes and documents the `.published` ones at `/api/v1/helpdesk<path>`,
/// and `HelpdeskClient` calls them from other services.
public enum HelpdeskRoutes {
    static let staff: Set<Principal.Role> = [.admin]
    static let shopAndCustomer: Set<Principal.Role> = [.admin, .storefront, .customer]

    static let noThread = RouteError.notFound("No such thread, or not one of the customer's.")
    static let noStandardReply = RouteError.notFound(code: "standard_reply_not_found", "No such standard reply.")
    static let tooManyMessages = RouteError(
        429, "too_many_messages",
        "Ten threads at once from one writer (a customer id, else an address), or ten messages at once on a "
            + "thread's customer side, then one a minute; `Retry-After` says when. Admin keys are not limited.")
    static let notesAreStaffs = RouteError(
        403, "forbidden", "Only the shop's back office writes notes and sends standard replies.")

    // MARK: - Threads

    public static let openThread = RouteSpec<ThreadOpening, ThreadDetail>(
        .post, "/threads", roles: shopAndCustomer,
        summary:
            "A customer writes about one of their orders: the thread opens as reported with its first message. "
            + "A customer token writes for its own customer only.",
        statuses: [201], errors: [.validationFailed, .invalidIdentifier, tooManyMessages], idempotent: true)
    public static let threads = RouteSpec<NoBody, Page<ThreadSummary>>(
        .get, "/threads", roles: staff, summary: "Search threads, newest first; no criteria lists all.",
        query: [
            QueryParameter(
                "subject", "Any part of the subject, in any letter case.",
                Schema.text(maxLength: HelpdeskRules.maximumSubjectLength)),
            QueryParameter("email", "The sender's address, in any letter case.", EmailRules.schema),
            QueryParameter(
                "orderNumber", "The order the thread is about.", TextRules.identifierSchema(OrderNumberKind.self)),
            QueryParameter("status", "Only threads with this status.", Schema.oneOf(ThreadStatus.self)),
            QueryParameter("from", "Opened at or after.", Schema.dateTime),
            QueryParameter("to", "Opened at or before.", Schema.dateTime),
        ], paged: true)
    public static let thread = RouteSpec<NoBody, ThreadDetail>(
        .get, "/threads/:id", roles: shopAndCustomer,
        summary:
            "A thread with its messages, oldest first. The admin also sees internal notes and the status history; "
            + "a customer sees only their own threads.",
        errors: [noThread])
    public static let postMessage = RouteSpec<MessageRequest, ThreadMessage>(
        .post, "/threads/:id/messages", roles: shopAndCustomer,
        summary:
            "Add a message. From the admin: a reply (status operatorReplied, the customer e-mailed a link to read it) "
            + "or an internal note (kind note: nothing changes for the customer). From the storefront or a customer: "
            + "the customer's reply (status customerReplied, which also reopens a closed thread).",
        statuses: [201], errors: [noThread, noStandardReply, notesAreStaffs, .validationFailed, tooManyMessages],
        idempotent: true)
    public static let setStatus = RouteSpec<StatusUpdate, ThreadSummary>(
        .put, "/threads/:id/status", roles: staff, summary: "Set a thread's status (forward, close, reopen).",
        errors: [noThread])
    public static let customerThreads = RouteSpec<NoBody, Page<ThreadSummary>>(
        .get, "/customers/:customerId/threads", roles: shopAndCustomer, customerParameter: "customerId",
        summary: "A customer's threads, newest first.", paged: true)

    // MARK: - Standard replies

    public static let standardReplies = RouteSpec<NoBody, Page<StandardReply>>(
        .get, "/standard-replies", roles: staff, summary: "The standard replies, by title.", paged: true)
    public static let createStandardReply = RouteSpec<StandardReplyInput, StandardReply>(
        .post, "/standard-replies", roles: staff,
        summary: "Save a standard reply; its body may hold {orderNumber}, {subject}, {email} and {threadId}.",
        statuses: [201], errors: [.validationFailed])
    public static let standardReply = RouteSpec<NoBody, StandardReply>(
        .get, "/standard-replies/:id", roles: staff, summary: "One standard reply.", errors: [noStandardReply])
    public static let replaceStandardReply = RouteSpec<StandardReplyInput, StandardReply>(
        .put, "/standard-replies/:id", roles: staff, summary: "Change a standard reply.",
        errors: [noStandardReply, .validationFailed])
    public static let deleteStandardReply = RouteSpec<NoBody, NoBody>(
        .delete, "/standard-replies/:id", roles: staff,
        summary: "Delete a standard reply; messages sent with it keep their text.", statuses: [204],
        errors: [noStandardReply])

    // MARK: - Figures

    public static let stats = RouteSpec<NoBody, HelpdeskStats>(
        .get, "/stats", roles: staff,
        summary: "First-response and resolution times of the threads opened in a period, and open threads per status.",
        query: [
            QueryParameter("from", "Opened at or after.", Schema.dateTime),
            QueryParameter("to", "Opened at or before.", Schema.dateTime),
        ])

    public static let all: [RouteDeclaration] = [
        openThread.declaration,
        threads.declaration,
        thread.declaration,
        postMessage.declaration,
        setStatus.declaration,
        customerThreads.declaration,
        standardReplies.declaration,
        createStandardReply.declaration,
        standardReply.declaration,
        replaceStandardReply.declaration,
        deleteStandardReply.declaration,
        stats.declaration,
    ]
}
