import Contract
import FoundationEssentials
import HTTP
import ServiceKit

/// The shop's public pages: a product's published reviews and its rating summary, for anyone.
struct ProductReviewsController: Sendable {
    let queries: ReviewQueries

    var routes: RouteCollection {
        RouteCollection()
            .on(ReviewsRoutes.productReviews, use: list)
            .on(ReviewsRoutes.productSummary, use: summary)
    }

    /// Paged in the chosen order; the cursor holds the last review's rating and id.
    @Sendable func list(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let productId = try context.parameters.require("productId", as: ProductId.self)
        let page = try PageRequest(query: context.query)
        let listing = PublicListing(
            productId: productId, sort: try context.enumQuery("sort", as: ReviewSort.self) ?? .newest,
            rating: try context.ratingQuery(),
            after: try TextCursor.decode(page.cursor, as: PublicListing.Position.init(key:)), limit: page.limit + 1)
        let reviews = try queries.published(listing).map(\.publicView)
        return try .json(
            Page.keyset(reviews, limit: page.limit) {
                TextCursor.encode(PublicListing.Position(rating: $0.rating, id: $0.id).key)
            })
    }

    @Sendable func summary(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try .json(queries.summary(of: try context.parameters.require("productId", as: ProductId.self)))
    }
}
