import Contract
import FoundationEssentials
import Glibc
import Store

/// The earning rules the admin keeps, and the preview of what an award gives. Deleting or
/// changing a rule does not touch orders already seen: their awards were fixed when they
/// arrived. To stop a rule without losing it, set `active` to false.
struct EarningRules: Sendable {
    let dependencies: LoyaltyDependencies

    /// At most `limit` rules by id after `afterId` that `filter` selects.
    func page(_ filter: RuleRepository.Filter, afterId: Int64?, limit: Int) throws -> [LoyaltyRule] {
        try dependencies.database.read { try RuleRepository.list(filter, afterId: afterId, limit: limit, in: $0) }
    }

    /// The rule with `id`.
    func rule(_ id: Int64) throws -> LoyaltyRule {
        guard let rule = try dependencies.database.read({ try RuleRepository.find(id, in: $0) }) else {
            throw CatalogueRefusal.noRule(id)
        }
        return rule
    }

    /// Stores a new rule (checked by `LoyaltyRule.validate`) and answers it with its id.
    func create(_ rule: LoyaltyRule, in connection: Connection) throws -> LoyaltyRule {
        try RuleRepository.insert(rule, at: dependencies.now(), in: connection)
    }

    /// Replaces rule `id` with `rule` (whose id, if any, is `id`).
    func replace(_ id: Int64, with rule: LoyaltyRule, in connection: Connection) throws -> LoyaltyRule {
        var stored = rule
        stored.id = id
        guard try RuleRepository.update(id, with: stored, at: dependencies.now(), in: connection) else {
            throw CatalogueRefusal.noRule(id)
        }
        return stored
    }

    /// Deletes rule `id`; orders already seen keep their awards.
    func remove(_ id: Int64, in connection: Connection) throws {
        guard try RuleRepository.delete(id, in: connection) else { throw CatalogueRefusal.noRule(id) }
    }

    /// The points the request's award gives on its example order value under the current
    /// program (what the coefficient multiplies). Writes nothing.
    func preview(_ request: AwardPreviewRequest) throws -> AwardPreview {
        let program = try dependencies.database.read { try ProgramRepository.load($0) }
        return AwardPreview(
            points: try PointsCalculator.points(
                of: request.award, orderValue: request.orderValue, coefficient: request.coefficient ?? .one,
                target: program.coefficientApplies))
    }
}
