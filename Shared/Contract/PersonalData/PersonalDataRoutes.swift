/// Every route of the personal-data registry, declared once: the service registers its handlers
/// under these, the gateway publishes and documents the `.published` ones at
/// `/api/v1/personal-data<path>`, and `PersonalDataClient` calls them from other services.
public enum PersonalDataRoutes {
    static let staff: Set<Principal.Role> = [.admin]
    static let shop: Set<Principal.Role> = [.admin, .storefront]
    static let shopAndCustomer: Set<Principal.Role> = [.admin, .storefront, .customer]

    static let noCustomer = RouteError.notFound("The customer base has no such customer.")
    static let noOrder = RouteError.notFound("The order base has no such order.")
    static let noDisclosure = RouteError.notFound(code: "disclosure_not_found", "No such disclosure.")
    static let identifierFilters: [QueryParameter] = [
        QueryParameter(
            "email", "The address, in any letter case (customers and buyers).",
            Schema.text(maxLength: EmailRules.maximumLength)),
        QueryParameter(
            "phone", "The phone number, its digits compared.", Schema.text(maxLength: OrderRules.maxPhoneBytes)),
        QueryParameter(
            "orderNumber", "The order, and its customer.", TextRules.identifierSchema(OrderNumberKind.self)),
    ]

    // MARK: - The two bases

    public static let putCustomer = RouteSpec<CustomerRecordInput, CustomerRecord>(
        .put, "/customers/:customerId", roles: shop, customerParameter: "customerId",
        summary: "The customer base record of a registered customer, from the storefront; created or replaced.",
        statuses: [200, 201], errors: [.validationFailed])
    public static let customer = RouteSpec<NoBody, CustomerRecord>(
        .get, "/customers/:customerId", roles: staff,
        summary: "Show: the customer base record (logged in the access log).", errors: [noCustomer])
    public static let order = RouteSpec<NoBody, OrderRecord>(
        .get, "/orders/:orderNumber", roles: staff,
        summary: "Show: the order base record of the order's buyer (logged in the access log).", errors: [noOrder])
    public static let search = RouteSpec<NoBody, PersonalDataSearchResult>(
        .get, "/search", roles: staff,
        summary:
            "Search the customer base, the order base or both: Orders (order number, name, date) and Customers "
            + "(login, name, registration date), each newest first and paged by its own cursor.",
        query: [
            QueryParameter(
                "name", "Any part of the person's or company's name, in any letter case.",
                Schema.text(maxLength: OrderRules.maxTextBytes)),
            QueryParameter("source", "customers, orders or any (default).", Schema.oneOf(PersonalDataSource.self)),
            QueryParameter("limit", "Rows per section, 1–500 (default 50).", Schema.integer(minimum: 1, maximum: 500)),
            QueryParameter("ordersCursor", "nextOrdersCursor of the previous answer."),
            QueryParameter("customersCursor", "nextCustomersCursor of the previous answer."),
        ] + identifierFilters)

    // MARK: - Disclosures

    public static let customerDisclosures = RouteSpec<NoBody, Page<Disclosure>>(
        .get, "/customers/:customerId/disclosures", roles: staff,
        summary: "The disclosures of a customer's data, newest first.", paged: true)
    public static let addCustomerDisclosure = RouteSpec<DisclosureInput, Disclosure>(
        .post, "/customers/:customerId/disclosures", roles: staff,
        summary: "Record a disclosure of a customer's data.", statuses: [201], errors: [.validationFailed, noCustomer])
    public static let orderDisclosures = RouteSpec<NoBody, Page<Disclosure>>(
        .get, "/orders/:orderNumber/disclosures", roles: staff,
        summary: "The disclosures of an order buyer's data, newest first.", paged: true)
    public static let addOrderDisclosure = RouteSpec<DisclosureInput, Disclosure>(
        .post, "/orders/:orderNumber/disclosures", roles: staff,
        summary: "Record a disclosure of an order buyer's data.", statuses: [201], errors: [.validationFailed, noOrder])
    public static let replaceDisclosure = RouteSpec<DisclosureInput, Disclosure>(
        .put, "/disclosures/:id", roles: staff, summary: "Edit a disclosure.",
        errors: [noDisclosure, .validationFailed])
    public static let deleteDisclosure = RouteSpec<NoBody, NoBody>(
        .delete, "/disclosures/:id", roles: staff, summary: "Delete a disclosure.", statuses: [204],
        errors: [noDisclosure])

    // MARK: - Consents and the access log

    public static let consents = RouteSpec<NoBody, Page<Consent>>(
        .get, "/customers/:customerId/consents", roles: shopAndCustomer, customerParameter: "customerId",
        summary: "A customer's consents given and withdrawn, newest first; the latest per purpose is in force.",
        paged: true)
    public static let recordConsent = RouteSpec<ConsentInput, Consent>(
        .post, "/customers/:customerId/consents", roles: shopAndCustomer, customerParameter: "customerId",
        summary: "Record a consent given or withdrawn, with when and where.", statuses: [201],
        errors: [.validationFailed], idempotent: true)
    public static let accessLog = RouteSpec<NoBody, Page<AccessLogEntry>>(
        .get, "/access-log", roles: staff,
        summary: "Which admin viewed, printed, exported or erased whose data, newest first.",
        query: [
            QueryParameter("customerId", "Only this customer's.", TextRules.identifierSchema(CustomerIdKind.self)),
            QueryParameter("admin", "Only this admin's (as the log names them, e.g. admin:owner)."),
        ], paged: true)

    // MARK: - The person's rights

    static let servicesUnavailable = RouteError(
        503, "services_unavailable",
        "A service that holds data about the person did not answer; `details.services` names them. An export "
            + "must be complete, so none is given.")
    static let confirmationInvalid = RouteError.conflict(
        "confirmation_invalid", "The confirmation token is not this customer's, was used, or has expired.")
    static let noErasure = RouteError.notFound(code: "erasure_not_found", "No such erasure.")

    public static let export = RouteSpec<NoBody, PersonalDataExport>(
        .get, "/customers/:customerId/export", roles: staff,
        summary:
            "Everything the suite holds about the person, as JSON (logged in the access log as exported).",
        errors: [servicesUnavailable])
    static let reportUnavailable = RouteError(
        503, "report_unavailable", "The registry found no fonts to print with (ZAPLECZE_FONTS_DIR).")
    public static let customerReport = RouteSpec<NoBody, PDFFile>(
        .get, "/customers/:customerId/report.pdf", roles: staff,
        summary:
            "Print report: a PDF of the person's data and when it first entered the system, their orders, "
            + "disclosures, consents and what the other services hold (logged in the access log as printed).",
        errors: [noCustomer, reportUnavailable])
    public static let orderReport = RouteSpec<NoBody, PDFFile>(
        .get, "/orders/:orderNumber/report.pdf", roles: staff,
        summary: "Print report: a PDF of the order buyer's data and its disclosures (logged as printed).",
        errors: [noOrder, reportUnavailable])
    public static let erasure = RouteSpec<ErasureRequest, ErasureStep>(
        .post, "/customers/:customerId/erasure", roles: staff,
        summary:
            "Erase a person, in two steps: without a token the answer is a confirmation token valid for ten "
            + "minutes and what will be erased; the same call with that token erases (202, with the erasure's id): the "
            + "registry at once, every other service through the outbox. Orders keep their amounts and lose the "
            + "person.",
        optionalBody: true, statuses: [200, 202], errors: [confirmationInvalid, .validationFailed])
    public static let erasureProgress = RouteSpec<NoBody, ErasureProgress>(
        .get, "/erasures/:id", roles: staff, summary: "How far an erasure got, per service.", errors: [noErasure])

    // MARK: - Internal

    public static let orderEvents = RouteSpec<BuyerOrderEvent, NoBody>(
        .post, "/orders/:orderNumber/events", roles: [.service], exposure: .internalOnly,
        summary: "One version of an order from the gateway's fan-out: its buyer.", statuses: [204],
        errors: [.validationFailed])

    public static let all: [RouteDeclaration] = [
        putCustomer.declaration,
        customer.declaration,
        order.declaration,
        search.declaration,
        customerDisclosures.declaration,
        addCustomerDisclosure.declaration,
        orderDisclosures.declaration,
        addOrderDisclosure.declaration,
        replaceDisclosure.declaration,
        deleteDisclosure.declaration,
        consents.declaration,
        recordConsent.declaration,
        accessLog.declaration,
        export.declaration,
        customerReport.declaration,
        orderReport.declaration,
        erasure.declaration,
        erasureProgress.declaration,
        orderEvents.declaration,
    ]
}
