/// Every route of the discounts service, declared once: the service registers its handlers under
/// these, the gateway publishes and documents the `.published` ones at `/api/v1/discounts<path>`,
/// and `DiscountsClient` calls them from other services.
public enum DiscountsRoutes {
    static let staff: Set<Principal.Role> = [.admin]
    static let shop: Set<Principal.Role> = [.admin, .storefront]
    static let shopAndCustomer: Set<Principal.Role> = [.admin, .storefront, .customer]

    static let noCampaign = RouteError.notFound("No such campaign.")
    static let invalidMask = RouteError.unprocessable(
        "invalid_mask", "The mask is malformed; `details.position` is the 1-based character where the problem starts.")
    static let maskTooSmall = RouteError.unprocessable(
        "mask_too_small", "The mask cannot give that many codes new to the shop; `details.available` says how many.")
    static let codeUsed = RouteError.conflict(
        "code_used", "The code is single-use (or assigned) and another order has it.")
    static let codeNotUsable = RouteError.conflict(
        "code_not_usable", "The code cannot be used on this cart; `details.reason` says why (as validation does).")
    static let tooManyFailures = RouteError(
        429, "too_many_failures",
        "Ten failed validations or redemptions in a minute from this customer or client; `Retry-After` says when to retry."
    )
    static let notReady = RouteError.conflict(
        "campaign_not_ready",
        "The campaign's codes are still being generated, generation failed, or the campaign is archived; "
            + "`details.status` says which.")
    static let criteria: [QueryParameter] = [
        QueryParameter(
            "ordersValueFrom", "Orders worth at least this much in total (minor units).",
            Schema.integer(minimum: 0, maximum: OrderRules.maxAmount)),
        QueryParameter("ordersCountFrom", "At least this many orders.", Schema.integer(minimum: 1)),
        QueryParameter("orderedFrom", "Ordered at or after.", Schema.dateTime),
        QueryParameter("orderedTo", "Ordered at or before.", Schema.dateTime),
    ]

    // MARK: - Campaigns

    public static let createCampaign = RouteSpec<CampaignInput, Campaign>(
        .post, "/campaigns", roles: staff,
        summary: "Create a campaign; its codes are generated in the background (status generating, then ready).",
        statuses: [202], errors: [.validationFailed, invalidMask, maskTooSmall])
    public static let previewMask = RouteSpec<MaskPreviewRequest, MaskPreview>(
        .post, "/campaigns/preview", roles: staff,
        summary: "The first codes a mask gives and how many it can give; nothing is written.",
        errors: [.validationFailed, invalidMask])
    public static let campaigns = RouteSpec<NoBody, Page<Campaign>>(
        .get, "/campaigns", roles: staff, summary: "Search campaigns by name and time, newest first.",
        query: [
            QueryParameter("name", "Any part of the name, in any letter case."),
            QueryParameter(
                "time", "current (valid now), historical (ended), all (default) or archived.",
                Schema.oneOf(CampaignTime.self)),
        ], paged: true)
    public static let campaign = RouteSpec<NoBody, Campaign>(
        .get, "/campaigns/:id", roles: staff, summary: "One campaign with its generation progress.",
        errors: [noCampaign])
    public static let renameCampaign = RouteSpec<CampaignUpdate, Campaign>(
        .patch, "/campaigns/:id", roles: staff, summary: "Rename a campaign.", errors: [noCampaign, .validationFailed])
    public static let deleteCampaign = RouteSpec<NoBody, NoBody>(
        .delete, "/campaigns/:id", roles: staff,
        summary:
            "Delete a campaign: one whose codes were never used goes at once with its codes (removed in the background); "
            + "one whose codes were ever used is archived: its codes stop working, its redemptions and statistics stay, "
            + "and it is listed under time=archived. A generation still running is stopped first.",
        statuses: [204], errors: [noCampaign])

    // MARK: - A campaign's codes

    public static let codes = RouteSpec<NoBody, Page<CampaignCode>>(
        .get, "/campaigns/:id/codes", roles: staff, summary: "A campaign's codes in code order, paged.",
        errors: [noCampaign],
        query: [
            QueryParameter("used", "Only used (true) or unused (false) codes.", Schema.boolean),
            QueryParameter("active", "Only active (true) or inactive (false) codes.", Schema.boolean),
            QueryParameter(
                "customerId", "Only this customer's codes.", TextRules.identifierSchema(CustomerIdKind.self)),
            QueryParameter("prefix", "Only codes starting with this text (any letter case)."),
        ], paged: true)
    public static let codesCSV = RouteSpec<NoBody, CSVFile>(
        .get, "/campaigns/:id/codes.csv", roles: staff,
        summary: "Every code of a campaign as CSV: code,customerId,orderNumber,usedAt,active.", errors: [noCampaign])
    public static let activation = RouteSpec<CodeActivationRequest, CodeActivationResult>(
        .post, "/campaigns/:id/codes/activation", roles: staff,
        summary: "Activate or deactivate the listed codes, or all of the campaign's.",
        errors: [noCampaign, .validationFailed, .invalidIdentifier])
    public static let stats = RouteSpec<NoBody, CampaignStats>(
        .get, "/campaigns/:id/stats", roles: staff,
        summary: "Orders, order value and discount granted: the campaign's summary and, paged, per code.",
        errors: [noCampaign], paged: true)

    // MARK: - Assignment and purchase

    public static let assign = RouteSpec<AssignmentCriteria, AssignmentResult>(
        .post, "/campaigns/:id/assignments", roles: staff,
        summary: "Give one free code to each customer matching the criteria who has none yet, optionally by e-mail.",
        errors: [
            noCampaign, .validationFailed,
            .conflict("not_enough_codes", "Fewer free codes than customers; `details.missing` says how many more."),
            notReady,
        ])
    public static let recipients = RouteSpec<NoBody, CSVFile>(
        .get, "/campaigns/:id/assignments/recipients.csv", roles: staff,
        summary:
            "The e-mails of the customers matching the criteria (without any: every customer with an order), "
            + "as CSV: customerId,email.",
        errors: [noCampaign, .validationFailed], query: criteria)
    public static let purchase = RouteSpec<CodePurchaseRequest, CodePurchase>(
        .post, "/campaigns/:id/purchases", roles: shopAndCustomer,
        summary: "Buy one of the campaign's codes for its points price (a customer token buys for itself).",
        statuses: [201],
        errors: [
            .notFound("No such campaign, or it is not sold for points."), .validationFailed, .invalidIdentifier,
            .conflict("insufficient_points", "The customer's balance does not cover the price; `details.balance`."),
            .conflict("no_free_codes", "Every code of the campaign is taken."),
            notReady,
            .conflict(
                "purchase_cancelled", "The points of this purchase were given back before the code was handed over."),
        ], idempotent: true)
    public static let customerCodes = RouteSpec<NoBody, Page<CustomerCode>>(
        .get, "/customers/:customerId/codes", roles: shopAndCustomer, customerParameter: "customerId",
        summary: "The codes that belong to a customer, newest first.", paged: true)

    // MARK: - Checkout

    public static let validate = RouteSpec<CodeValidationRequest, CodeValidation>(
        .post, "/validations", roles: shopAndCustomer,
        summary: "Whether a code can be used on a cart, and the discount it gives (a customer token for itself).",
        errors: [.validationFailed, .invalidIdentifier, tooManyFailures])
    public static let redeem = RouteSpec<RedemptionRequest, Redemption>(
        .post, "/redemptions", roles: shop,
        summary: "Tie a code to an order at checkout (201); the same order and code again answer the same (200).",
        statuses: [201, 200], errors: [.validationFailed, .invalidIdentifier, codeUsed, codeNotUsable, tooManyFailures])
    public static let release = RouteSpec<NoBody, NoBody>(
        .delete, "/redemptions/:id", roles: shop,
        summary:
            "Release a redemption: a single-use code becomes usable again. Releasing one already released "
            + "changes nothing and answers 204 too, so a retried release is safe.",
        statuses: [204],
        errors: [.notFound("No such redemption.")])

    // MARK: - Orders

    public static let orderEvents = RouteSpec<DiscountOrderEvent, NoBody>(
        .post, "/orders/:orderNumber/events", roles: [.service, .admin], exposure: .internalOnly,
        summary: "One version of an order, from the gateway's order fan-out.", statuses: [204],
        errors: [.validationFailed])

    /// Every route, in the order the document lists them.
    public static let all: [RouteDeclaration] = [
        createCampaign.declaration,
        previewMask.declaration,
        campaigns.declaration,
        campaign.declaration,
        renameCampaign.declaration,
        deleteCampaign.declaration,
        codes.declaration,
        codesCSV.declaration,
        activation.declaration,
        stats.declaration,
        assign.declaration,
        recipients.declaration,
        purchase.declaration,
        customerCodes.declaration,
        validate.declaration,
        redeem.declaration,
        release.declaration,
        orderEvents.declaration,
    ]
}
