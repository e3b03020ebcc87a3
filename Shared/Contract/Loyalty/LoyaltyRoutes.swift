/// Every route of the loyalty service, declared once: the service registers its handlers under
/// these, the gateway publishes and documents the `.published` ones at `/api/v1/loyalty<path>`,
/// and `LoyaltyClient` calls the internal ones.
public enum LoyaltyRoutes {
    static let staff: Set<Principal.Role> = [.admin]
    static let shop: Set<Principal.Role> = [.admin, .storefront]
    static let shopAndCustomer: Set<Principal.Role> = [.admin, .storefront, .customer]
    static let everyCaller: Set<Principal.Role> = [.admin, .storefront, .customer, .service]

    static let insufficientPoints = RouteError.conflict(
        "insufficient_points", "The balance does not cover the points asked for; `details.balance` says how many.")
    static let pointsOutOfRange = RouteError.unprocessable(
        "points_out_of_range", "The balance or a sum would leave the range of whole points.")

    // MARK: - Program and rules

    public static let program = RouteSpec<NoBody, LoyaltyProgram>(
        .get, "/program", roles: everyCaller, summary: "The loyalty program settings.")
    public static let replaceProgram = RouteSpec<LoyaltyProgram, LoyaltyProgram>(
        .put, "/program", roles: staff, summary: "Replace the loyalty program settings.",
        errors: [.validationFailed])

    public static let rules = RouteSpec<NoBody, Page<LoyaltyRule>>(
        .get, "/rules", roles: staff, summary: "List earning rules (filters: action, active).",
        query: [
            QueryParameter("action", "Only rules of this action.", Schema.oneOf(LoyaltyAction.self)),
            QueryParameter("active", "Only active (true) or inactive (false) rules.", Schema.boolean),
        ], paged: true)
    public static let createRule = RouteSpec<LoyaltyRule, LoyaltyRule>(
        .post, "/rules", roles: staff, summary: "Create an earning rule.", statuses: [201],
        errors: [.validationFailed])
    public static let previewAward = RouteSpec<AwardPreviewRequest, AwardPreview>(
        .post, "/rules/preview", roles: staff,
        summary: "The points an award gives for an example order value; nothing is saved.",
        errors: [.validationFailed])
    public static let rule = RouteSpec<NoBody, LoyaltyRule>(
        .get, "/rules/:id", roles: staff, summary: "One earning rule.", errors: [.notFound("No such rule.")])
    public static let replaceRule = RouteSpec<LoyaltyRule, LoyaltyRule>(
        .put, "/rules/:id", roles: staff, summary: "Replace an earning rule.",
        errors: [.notFound("No such rule."), .validationFailed])
    public static let deleteRule = RouteSpec<NoBody, NoBody>(
        .delete, "/rules/:id", roles: staff, summary: "Delete an earning rule.", statuses: [204],
        errors: [.notFound("No such rule.")])

    // MARK: - Customers

    public static let newsletterSignup = RouteSpec<NoBody, ActivityAward>(
        .post, "/customers/:customerId/newsletter-signup", roles: shop,
        summary: "Record a newsletter signup; earns per the newsletter rules once per customer.",
        errors: [pointsOutOfRange], idempotent: true)
    public static let customer = RouteSpec<NoBody, CustomerPoints>(
        .get, "/customers/:customerId", roles: everyCaller, customerParameter: "customerId",
        summary: "A customer's points, pending points, coefficient and expiring points.")
    public static let expiring = RouteSpec<NoBody, ExpiringPointsByDate>(
        .get, "/customers/:customerId/expiring", roles: everyCaller, customerParameter: "customerId",
        summary: "A customer's points that will expire, summed per day (UTC), soonest first.")
    public static let setCoefficient = RouteSpec<CoefficientUpdate, CustomerPoints>(
        .put, "/customers/:customerId/coefficient", roles: staff, summary: "Set a customer's correction coefficient.")
    public static let history = RouteSpec<NoBody, Page<HistoryEntry>>(
        .get, "/customers/:customerId/history", roles: shopAndCustomer, customerParameter: "customerId",
        summary: "A customer's points history, newest first, paged.", paged: true)
    public static let statement = RouteSpec<NoBody, CSVFile>(
        .get, "/customers/:customerId/history.csv", roles: shopAndCustomer, customerParameter: "customerId",
        summary: "A customer's points statement as CSV, oldest first.")
    public static let adjust = RouteSpec<PointsAdjustmentRequest, PointsAdjustmentResult>(
        .post, "/customers/:customerId/adjustments", roles: staff,
        summary: "Add or subtract points by hand with a reason (Idempotency-Key honoured).", statuses: [201],
        errors: [.validationFailed, insufficientPoints, pointsOutOfRange], idempotent: true)
    public static let bulkAdjust = RouteSpec<BulkAdjustmentCSV, BulkAdjustmentResult>(
        .post, "/adjustments/bulk", roles: staff,
        summary:
            "Apply a CSV with the header row customerId,points,reason, all or nothing (Idempotency-Key honoured).",
        bodyLimit: 5 * 1024 * 1024,
        errors: [
            RouteError(400, "invalid_csv", "The file is not UTF-8 CSV."),
            RouteError(415, "unsupported_media_type", "The body is not sent as text/csv."),
            RouteError.unprocessable("invalid_rows", "Rows break the rules; `details.rows` lists every one."),
            insufficientPoints, pointsOutOfRange,
        ], idempotent: true)

    // MARK: - Rewards

    public static let rewards = RouteSpec<NoBody, Page<Reward>>(
        .get, "/rewards", roles: everyCaller,
        summary: "The rewards catalogue with prices in points (non-admins see only what can be exchanged).",
        query: [
            QueryParameter("active", "Admin only: only active (true) or inactive (false) rewards.", Schema.boolean),
            QueryParameter("category", "Only this category."),
        ], paged: true)
    public static let createReward = RouteSpec<RewardCreation, Reward>(
        .post, "/rewards", roles: staff, summary: "Add a product to the rewards catalogue.", statuses: [201],
        errors: [
            .conflict("reward_exists", "The product is in the catalogue already; PUT changes it."), .validationFailed,
        ])
    public static let reward = RouteSpec<NoBody, Reward>(
        .get, "/rewards/:productId", roles: everyCaller, summary: "One reward with its price in points.",
        errors: [.notFound("No such reward (or, for non-admins, none that can be exchanged now).")])
    public static let putReward = RouteSpec<RewardInput, Reward>(
        .put, "/rewards/:productId", roles: staff,
        summary: "Create (201) or replace (200) a reward.", statuses: [200, 201], errors: [.validationFailed])
    public static let deleteReward = RouteSpec<NoBody, NoBody>(
        .delete, "/rewards/:productId", roles: staff, summary: "Remove a reward.", statuses: [204],
        errors: [.notFound("No such reward.")])

    // MARK: - Exchange orders

    public static let placeExchangeOrder = RouteSpec<ExchangeOrderRequest, ExchangeOrder>(
        .post, "/customers/:customerId/exchange-orders", roles: shopAndCustomer, customerParameter: "customerId",
        summary: "Exchange points for products (Idempotency-Key honoured).", statuses: [201],
        errors: [.validationFailed, insufficientPoints], idempotent: true)
    public static let customerExchangeOrders = RouteSpec<NoBody, Page<ExchangeOrder>>(
        .get, "/customers/:customerId/exchange-orders", roles: shopAndCustomer, customerParameter: "customerId",
        summary: "A customer's exchange orders, newest first.", paged: true)
    public static let exchangeOrders = RouteSpec<NoBody, Page<ExchangeOrder>>(
        .get, "/exchange-orders", roles: staff,
        summary: "All exchange orders (filters: customerId, exchanged, status, from, to), newest first.",
        query: [
            QueryParameter("customerId", "Only this customer's.", TextRules.identifierSchema(CustomerIdKind.self)),
            QueryParameter("exchanged", "Only exchanged (true) or not yet exchanged (false).", Schema.boolean),
            QueryParameter("status", "Only this status.", Schema.oneOf(ExchangeOrderStatus.self)),
            QueryParameter("from", "Placed at or after.", Schema.dateTime),
            QueryParameter("to", "Placed before.", Schema.dateTime),
        ], paged: true)
    public static let exchangeOrder = RouteSpec<NoBody, ExchangeOrder>(
        .get, "/exchange-orders/:id", roles: everyCaller,
        summary: "One exchange order (a customer sees only their own).",
        errors: [.notFound("No such exchange order (or not the customer's own).")])
    public static let markExchanged = RouteSpec<ExchangedUpdate, ExchangeOrder>(
        .put, "/exchange-orders/:id/exchanged", roles: staff,
        summary: "Mark an exchange order exchanged or not (sends nothing).",
        errors: [
            .notFound("No such exchange order."),
            .conflict("exchange_order_rejected", "The order was rejected and cannot be marked."),
        ])
    public static let rejectExchangeOrder = RouteSpec<ExchangeRejectionRequest, ExchangeOrder>(
        .post, "/exchange-orders/:id/rejection", roles: staff,
        summary: "Reject an exchange order and return its points (the body may be left out).", optionalBody: true,
        errors: [
            .notFound("No such exchange order."), .validationFailed,
            .conflict("already_rejected", "The order was rejected already."),
            .conflict("already_exchanged", "The order is marked exchanged; withdraw the mark first."),
        ], idempotent: true)

    // MARK: - Orders and other services

    public static let order = RouteSpec<NoBody, OrderPoints>(
        .get, "/orders/:orderNumber", roles: [.admin, .storefront, .service],
        summary: "What a sales order earned, rule by rule.", errors: [.notFound("Loyalty has not seen the order.")])
    public static let orderEvents = RouteSpec<OrderEvent, OrderPoints>(
        .post, "/orders/:orderNumber/events", roles: [.service, .admin, .storefront], exposure: .internalOnly,
        summary: "One version of an order, from the gateway's order fan-out.",
        errors: [.orderCustomerChanged, .orderCurrencyChanged, .invalidIdentifier, .validationFailed])
    public static let debit = RouteSpec<PointDebitRequest, PointDebit>(
        .post, "/point-debits", roles: [.service, .admin], exposure: .internalOnly,
        summary: "Take points for something sold for points; the same debitId never debits twice.",
        statuses: [201, 200])
    public static let pointDebit = RouteSpec<NoBody, PointDebit>(
        .get, "/point-debits/:debitId", roles: [.service, .admin], exposure: .internalOnly, summary: "One debit.")
    public static let compensation = RouteSpec<NoBody, PointDebit>(
        .post, "/point-debits/:debitId/compensation", roles: [.service, .admin], exposure: .internalOnly,
        summary: "Give a debit's points back, exactly once.")
    public static let reviewEvents = RouteSpec<ReviewPublishedEvent, ActivityAward>(
        .post, "/review-events", roles: [.service, .admin], exposure: .internalOnly,
        summary: "A published review; earns per the review rules once per review id.")

    /// Every route, in the order the document lists them.
    public static let all: [RouteDeclaration] = [
        program.declaration,
        replaceProgram.declaration,
        rules.declaration,
        createRule.declaration,
        previewAward.declaration,
        rule.declaration,
        replaceRule.declaration,
        deleteRule.declaration,
        newsletterSignup.declaration,
        customer.declaration,
        expiring.declaration,
        setCoefficient.declaration,
        history.declaration,
        statement.declaration,
        adjust.declaration,
        bulkAdjust.declaration,
        rewards.declaration,
        createReward.declaration,
        reward.declaration,
        putReward.declaration,
        deleteReward.declaration,
        placeExchangeOrder.declaration,
        customerExchangeOrders.declaration,
        exchangeOrders.declaration,
        exchangeOrder.declaration,
        markExchanged.declaration,
        rejectExchangeOrder.declaration,
        order.declaration,
        orderEvents.declaration,
        debit.declaration,
        pointDebit.declaration,
        compensation.declaration,
        reviewEvents.declaration,
    ]
}
