import Contract
import FoundationEssentials
import Glibc
import Store

/// The rewards catalogue as callers see it: every answer carries the price in points under the
/// current program (a price set by hand wins) and whether the program's reward eligibility
/// admits the product. The admin sees the whole catalogue; the storefront and customers see only
/// what can be exchanged now (active, eligible, priced), and anything else is unknown to them.
struct RewardsCatalogue: Sendable {
    let dependencies: LoyaltyDependencies

    /// Which rewards a page lists.
    struct Filter {
        /// Only active (true) or inactive (false) rewards; nil: both.
        var active: Bool?
        var category: String?
        /// Only what a customer can exchange now (skips ineligible and unpriced products).
        var orderableOnly: Bool
    }

    /// At most `limit` rewards by product id after `afterProductId`, and whether more follow.
    func page(_ filter: Filter, afterProductId: String?, limit: Int) throws -> (items: [Reward], more: Bool) {
        try dependencies.database.read { connection in
            let program = try ProgramRepository.load(connection)
            var after = afterProductId
            var items: [Reward] = []
            // Skipped products leave a batch short, so read batches until the page is full.
            while items.count <= limit {
                let batch = try RewardRepository.list(
                    afterProductId: after, active: filter.active, category: filter.category, limit: limit + 1,
                    in: connection)
                for record in batch where !filter.orderableOnly || record.isOrderable(program: program) {
                    items.append(try record.view(program: program))
                }
                after = batch.last?.productId
                if batch.count <= limit { break }
            }
            return (Array(items.prefix(limit)), items.count > limit)
        }
    }

    /// The reward for `productId`; to anyone but the admin only while it can be exchanged.
    func reward(_ productId: String, forAdmin: Bool) throws -> Reward {
        try dependencies.database.read { connection in
            let program = try ProgramRepository.load(connection)
            guard let record = try RewardRepository.find(productId, in: connection),
                forAdmin || record.isOrderable(program: program)
            else { throw CatalogueRefusal.noReward(productId) }
            return try record.view(program: program)
        }
    }

    /// Adds a product (its input checked by `RewardRecord.problems`); refused when it is there.
    func create(_ input: RewardInput, productId: String, in connection: Connection) throws -> Reward {
        guard try RewardRepository.find(productId, in: connection) == nil else {
            throw CatalogueRefusal.rewardExists(productId)
        }
        try RewardRepository.upsert(input, productId: productId, at: dependencies.now(), in: connection)
        return try view(productId, in: connection)
    }

    /// Creates or replaces the product's entry; `created` tells which.
    func replace(_ input: RewardInput, productId: String, in connection: Connection) throws
        -> (reward: Reward, created: Bool)
    {
        let created = try RewardRepository.upsert(input, productId: productId, at: dependencies.now(), in: connection)
        return (try view(productId, in: connection), created)
    }

    /// Removes the product; exchange orders already placed keep their copy of it.
    func remove(_ productId: String, in connection: Connection) throws {
        guard try RewardRepository.delete(productId, in: connection) else { throw CatalogueRefusal.noReward(productId) }
    }

    private func view(_ productId: String, in connection: Connection) throws -> Reward {
        guard let record = try RewardRepository.find(productId, in: connection) else {
            throw CatalogueRefusal.noReward(productId)
        }
        return try record.view(program: try ProgramRepository.load(connection))
    }
}
