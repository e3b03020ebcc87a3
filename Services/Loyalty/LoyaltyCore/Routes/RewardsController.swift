import Contract
import FoundationEssentials
import Glibc
import HTTP
import ServiceKit
import Store

/// The rewards catalogue: `GET|POST /v1/rewards`, `GET|PUT|DELETE /v1/rewards/{productId}`.
///
/// Every answer carries the price in points under the current program (a price set by hand
/// wins) and whether the program's reward eligibility admits the product. The admin sees the
/// whole catalogue; the storefront and customers see only what can be exchanged now (active,
/// eligible, priced), and a product outside that is a 404 to them.
struct RewardsController: Sendable {
    let dependencies: LoyaltyDependencies

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
        var after = try TextCursor.decode(page.cursor)
        let active: Bool? = context.isAdmin ? try context.query.get("active", as: Bool.self) : true
        let category = context.query["category"]
        let eligibleOnly = !context.isAdmin
        var items: [Reward] = []
        var more = false
        // Non-admins skip ineligible products, so read batches until the page is full.
        try dependencies.database.read { connection in
            let program = try ProgramRepository.load(connection)
            while items.count <= page.limit {
                let batch = try RewardRepository.list(
                    afterProductId: after, active: active, category: category, limit: page.limit + 1, in: connection
                )
                for record in batch where !eligibleOnly || record.isOrderable(program: program) {
                    items.append(try record.view(program: program))
                }
                after = batch.last?.productId
                if batch.count <= page.limit { break }
            }
            more = items.count > page.limit
        }
        let shown = Array(items.prefix(page.limit))
        return try .json(
            Page(items: shown, nextCursor: more ? shown.last.map { TextCursor.encode($0.productId) } : nil))
    }

    @Sendable func show(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let productId = try InputRules.pathIdentifier(context.parameters, "productId", kind: ProductIdKind.self)
        let reward = try dependencies.database.read { connection -> Reward? in
            let program = try ProgramRepository.load(connection)
            guard let record = try RewardRepository.find(productId, in: connection),
                context.isAdmin || record.isOrderable(program: program)
            else { return nil }
            return try record.view(program: program)
        }
        guard let reward else { throw HTTPError.notFound("No reward for product \(productId).") }
        return try .json(reward)
    }

    /// Adds a product to the catalogue; 409 when it is there already (use PUT to change it).
    @Sendable func create(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let input = try request.decode(RewardInput.self)
        guard let productId = input.productId else { throw ValidationFailure(field: "productId", "Must be given.") }
        try ValidationFailure.check(RewardRecord.problems(of: input, productId: productId))
        let now = dependencies.now()
        return RouteWrite { connection in
            guard try RewardRepository.find(productId, in: connection) == nil else {
                throw HTTPError.conflict(
                    "Product \(productId) is in the catalogue already; change it with PUT.", code: "reward_exists")
            }
            try RewardRepository.upsert(input, productId: productId, at: now, in: connection)
            return try .json(try view(productId, in: connection), status: .created)
        }
    }

    /// Creates or replaces the product's entry (201 when new, 200 when replaced).
    @Sendable func replace(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let productId = try InputRules.pathIdentifier(context.parameters, "productId", kind: ProductIdKind.self)
        let input = try request.decode(RewardInput.self)
        if let bodyId = input.productId, bodyId != productId {
            throw ValidationFailure(field: "productId", "The body names \(bodyId), the path \(productId).")
        }
        try ValidationFailure.check(RewardRecord.problems(of: input, productId: productId))
        let now = dependencies.now()
        return RouteWrite { connection in
            let created = try RewardRepository.upsert(input, productId: productId, at: now, in: connection)
            return try .json(try view(productId, in: connection), status: created ? .created : .ok)
        }
    }

    /// Removes the product; exchange orders already placed keep their copy of it.
    @Sendable func remove(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let productId = try InputRules.pathIdentifier(context.parameters, "productId", kind: ProductIdKind.self)
        return RouteWrite { connection in
            guard try RewardRepository.delete(productId, in: connection) else {
                throw HTTPError.notFound("No reward for product \(productId).")
            }
            return .noContent
        }
    }

    private func view(_ productId: String, in connection: Connection) throws -> Reward {
        guard let record = try RewardRepository.find(productId, in: connection) else {
            throw HTTPError.notFound("No reward for product \(productId).")
        }
        return try record.view(program: try ProgramRepository.load(connection))
    }
}
