import Contract
import FoundationEssentials
import Glibc
import HTTP
import ServiceKit

/// `GET|POST /v1/rules`, `GET|PUT|DELETE /v1/rules/{id}`: earning rules (admin only).
///
/// Deleting or changing a rule does not touch orders already seen: their awards were fixed when
/// they arrived. To stop a rule without losing it, set `active` to false.
struct RulesController: Sendable {
    let dependencies: LoyaltyDependencies

    var routes: RouteCollection {
        RouteCollection()
            .on(LoyaltyRoutes.rules, use: list)
            .on(LoyaltyRoutes.createRule, writingTo: dependencies.database, clock: dependencies.clock, use: create)
            .on(LoyaltyRoutes.previewAward, use: preview)
            .on(LoyaltyRoutes.rule, use: show)
            .on(LoyaltyRoutes.replaceRule, writingTo: dependencies.database, clock: dependencies.clock, use: replace)
            .on(LoyaltyRoutes.deleteRule, writingTo: dependencies.database, clock: dependencies.clock, use: remove)
    }

    /// Rules by id; filters `action` and `active`.
    @Sendable func list(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let page = try PageRequest(query: context.query)
        var filter = RuleRepository.Filter()
        if let action = context.query["action"] {
            guard let parsed = LoyaltyAction(rawValue: action) else {
                let allowed = LoyaltyAction.allCases.map(\.rawValue).joined(separator: ", ")
                throw HTTPError.badRequest(
                    "Query parameter 'action' must be one of \(allowed).", code: "invalid_parameter",
                    details: ["parameter": .string("action")])
            }
            filter.action = parsed
        }
        filter.active = try context.query.get("active", as: Bool.self)
        let after = try page.integerCursor()
        let rules = try dependencies.database.read { connection in
            try RuleRepository.list(filter, afterId: after, limit: page.limit + 1, in: connection)
        }
        return try .json(Page.keyset(rules, limit: page.limit) { String($0.id ?? 0) })
    }

    @Sendable func create(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let rule = try request.decode(LoyaltyRule.self)
        try ValidationFailure.check(rule.validate())
        let now = dependencies.now()
        return RouteWrite { try .json(RuleRepository.insert(rule, at: now, in: $0), status: .created) }
    }

    /// The points an award gives for an example order value under the current program (what the
    /// coefficient multiplies), by `PointsCalculator`: the panel's live preview. Writes nothing.
    @Sendable func preview(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let input = try request.decode(AwardPreviewRequest.self)
        guard input.orderValue >= 0 else {
            throw ValidationFailure(field: "orderValue", "Must be zero or more minor units.")
        }
        let program = try dependencies.database.read { try ProgramRepository.load($0) }
        let coefficient = input.coefficient ?? .one
        let points: Int64
        switch input.award {
        case .fixed(let fixed):
            points = try PointsCalculator.fixedPoints(
                fixed, coefficient: coefficient, target: program.coefficientApplies)
        case .proportional(let award):
            points = try PointsCalculator.proportionalPoints(
                award, value: input.orderValue, coefficient: coefficient, target: program.coefficientApplies)
        }
        return try .json(AwardPreview(points: points))
    }

    @Sendable func show(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let id = try context.parameters.require("id", as: Int64.self)
        guard let rule = try dependencies.database.read({ try RuleRepository.find(id, in: $0) }) else {
            throw HTTPError.notFound("No rule \(id).")
        }
        return try .json(rule)
    }

    @Sendable func replace(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let id = try context.parameters.require("id", as: Int64.self)
        var rule = try request.decode(LoyaltyRule.self)
        if let bodyId = rule.id, bodyId != id {
            throw ValidationFailure(field: "id", "The body's id \(bodyId) is not the rule \(id) of the path.")
        }
        try ValidationFailure.check(rule.validate())
        let now = dependencies.now()
        rule.id = id
        return RouteWrite { [rule] connection in
            guard try RuleRepository.update(id, with: rule, at: now, in: connection) else {
                throw HTTPError.notFound("No rule \(id).")
            }
            return try .json(rule)
        }
    }

    @Sendable func remove(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let id = try context.parameters.require("id", as: Int64.self)
        return RouteWrite { connection in
            guard try RuleRepository.delete(id, in: connection) else { throw HTTPError.notFound("No rule \(id).") }
            return .noContent
        }
    }
}
