/// Every route of the reviews service, declared once: the service registers its handlers under
/// these, the gateway publishes and documents the `.published` ones at `/api/v1/reviews<path>`,
/// and `ReviewsClient` calls them from other services.
public enum ReviewsRoutes {
    static let staff: Set<Principal.Role> = [.admin]
    static let authors: Set<Principal.Role> = [.admin, .storefront, .customer]
    static let everyone: Set<Principal.Role> = [.admin, .storefront, .customer, .service, .anonymous]

    static let noReview = RouteError.notFound("No such review.")
    static let alreadyReviewed = RouteError.conflict(
        "already_reviewed", "The customer has a review of this product already; `details.reviewId` names it.")
    static let tooManyReviews = RouteError(
        429, "too_many_reviews",
        "The author posted too many reviews lately (five at once, then one a minute, per customer id or author "
            + "name); `Retry-After` says when to retry. Admin keys are not limited.")
    static let listFilters: [QueryParameter] = [
        QueryParameter("rating", "Only reviews with this rating.", Schema.integer(minimum: 1, maximum: 5))
    ]

    // MARK: - Posting

    public static let submit = RouteSpec<ReviewSubmission, Review>(
        .post, "/reviews", roles: authors,
        summary:
            "Post a review of a product: unmoderated and inactive, so not public until the admin activates it. "
            + "A customer token posts for its own customer only. A customer reviews a product once.",
        statuses: [201], errors: [.validationFailed, .invalidIdentifier, alreadyReviewed, tooManyReviews],
        idempotent: true)

    // MARK: - The admin's moderation

    public static let search = RouteSpec<NoBody, Page<Review>>(
        .get, "/reviews", roles: staff, summary: "Search reviews, newest first.",
        query: [
            QueryParameter(
                "q", "Any part of the comment, in any letter case.",
                Schema.text(maxLength: ReviewRules.maximumCommentLength)),
            QueryParameter("from", "Posted at or after.", Schema.dateTime),
            QueryParameter("to", "Posted at or before.", Schema.dateTime),
            QueryParameter("productId", "Only this product's reviews.", TextRules.identifierSchema(ProductIdKind.self)),
            QueryParameter(
                "customerId", "Only this customer's reviews.", TextRules.identifierSchema(CustomerIdKind.self)),
            QueryParameter("moderated", "Only moderated (true) or unmoderated (false) reviews.", Schema.boolean),
            QueryParameter("active", "Only active (true) or inactive (false) reviews.", Schema.boolean),
        ] + listFilters, paged: true)
    public static let review = RouteSpec<NoBody, Review>(
        .get, "/reviews/:id", roles: staff, summary: "One review.", errors: [noReview])
    public static let activate = RouteSpec<NoBody, Review>(
        .post, "/reviews/:id/activation", roles: staff,
        summary:
            "Activate a review, which also marks it moderated: it is then public. Activating an active review "
            + "changes nothing.",
        errors: [noReview])
    public static let edit = RouteSpec<ReviewChange, Review>(
        .patch, "/reviews/:id", roles: staff,
        summary:
            "Edit a review's comment, rating or activity (false hides it); the approved edit marks it moderated.",
        errors: [noReview, .validationFailed])
    public static let delete = RouteSpec<NoBody, NoBody>(
        .delete, "/reviews/:id", roles: staff, summary: "Delete a review; its history stays.", statuses: [204],
        errors: [noReview])
    public static let history = RouteSpec<NoBody, Page<ReviewHistoryEntry>>(
        .get, "/reviews/:id/history", roles: staff,
        summary: "Every change of a review, oldest first: who, when, and each field's old and new value.",
        errors: [noReview], paged: true)

    // MARK: - The shop's public pages

    public static let productReviews = RouteSpec<NoBody, Page<PublicReview>>(
        .get, "/products/:productId/reviews", roles: everyone,
        summary: "A product's published reviews, for anyone.",
        query: [
            QueryParameter(
                "sort", "newest (default), oldest, highest or lowest rating first.", Schema.oneOf(ReviewSort.self))
        ] + listFilters, paged: true)
    public static let productSummary = RouteSpec<NoBody, RatingSummary>(
        .get, "/products/:productId/summary", roles: everyone,
        summary: "A product's rating summary over its published reviews, for anyone.")

    // MARK: - Internal

    public static let orderEvents = RouteSpec<ReviewOrderEvent, NoBody>(
        .post, "/orders/:orderNumber/events", roles: [.service], exposure: .internalOnly,
        summary: "One version of an order from the gateway's fan-out: who bought which products.",
        statuses: [204], errors: [.validationFailed])

    public static let all: [RouteDeclaration] = [
        submit.declaration,
        search.declaration,
        review.declaration,
        activate.declaration,
        edit.declaration,
        delete.declaration,
        history.declaration,
        productReviews.declaration,
        productSummary.declaration,
        orderEvents.declaration,
    ]
}
