import Contract
import FoundationEssentials
import Glibc
import HTTP
import ServiceKit

/// The rewards catalogue: `GET|POST /v1/rewards`, `GET|PUT|DELETE /v1/rewards/{productId}`.
/// What each caller sees, and at what price, is `RewardsCatalogue`'s business; a product a
/// caller may not see is a 404 to them.
struct RewardsController: Sendable {
    let dependencies: LoyaltyDependencies

    private var catalogue: RewardsCatalogue { RewardsCatalogue(dependencies: dependencies) }

    var routes: RouteCollection {
        RouteCollection()
            .on(LoyaltyRoutes.rewards, use: list)
            .on(LoyaltyRoutes.createReward, writingTo: dependencies.database, clock: dependencies.clock, use: create)
            .on(LoyaltyRoutes.reward, use: show)
            .on(LoyaltyRoutes.putReward, writingTo: dependencies.database, clock: dependencies.clock, use: replace)
            .on(LoyaltyRoutes.deleteReward, writingTo: dependencies.database, clock: dependencies.clock, use: remove)
    }

    /// Rewards by product id; filters `active` and `category` (admin), paged.
    @Sendable func list(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let page = try PageRequest(query: context.query)
        let filter = RewardsCatalogue.Filter(
            active: context.isAdmin ? try context.query.get("active", as: Bool.self) : true,
            category: context.query["category"], orderableOnly: !context.isAdmin)
        let (items, more) = try catalogue.page(
            filter, afterProductId: try TextCursor.decode(page.cursor), limit: page.limit)
        return try .json(
            Page(items: items, nextCursor: more ? items.last.map { TextCursor.encode($0.productId) } : nil))
    }

    @Sendable func show(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let productId = try InputRules.pathIdentifier(context.parameters, "productId", kind: ProductIdKind.self)
        return try .json(catalogue.reward(productId, forAdmin: context.isAdmin))
    }

    /// Adds a product to the catalogue; 409 when it is there already (use PUT to change it).
    @Sendable func create(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let input = try request.decode(RewardInput.self)
        guard let productId = input.productId else { throw ValidationFailure(field: "productId", "Must be given.") }
        try ValidationFailure.check(RewardRecord.problems(of: input, productId: productId))
        return RouteWrite { try .json(catalogue.create(input, productId: productId, in: $0), status: .created) }
    }

    /// Creates or replaces the product's entry (201 when new, 200 when replaced).
    @Sendable func replace(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let productId = try InputRules.pathIdentifier(context.parameters, "productId", kind: ProductIdKind.self)
        let input = try request.decode(RewardInput.self)
        if let bodyId = input.productId, bodyId != productId {
            throw ValidationFailure(field: "productId", "The body names \(bodyId), the path \(productId).")
        }
        try ValidationFailure.check(RewardRecord.problems(of: input, productId: productId))
        return RouteWrite { connection in
            let (reward, created) = try catalogue.replace(input, productId: productId, in: connection)
            return try .json(reward, status: created ? .created : .ok)
        }
    }

    /// Removes the product; exchange orders already placed keep their copy of it.
    @Sendable func remove(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let productId = try InputRules.pathIdentifier(context.parameters, "productId", kind: ProductIdKind.self)
        return RouteWrite { connection in
            try catalogue.remove(productId, in: connection)
            return .noContent
        }
    }
}
