import Contract
import FoundationEssentials
import Glibc
import HTTP
import ServiceKit

/// `GET|POST /v1/rules`, `GET|PUT|DELETE /v1/rules/{id}`, `POST /v1/rules/preview`: earning
/// rules (admin only), kept by `EarningRules`.
struct RulesController: Sendable {
    let dependencies: LoyaltyDependencies

    private var earningRules: EarningRules { EarningRules(dependencies: dependencies) }

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
        let rules = try earningRules.page(filter, afterId: try page.integerCursor(), limit: page.limit + 1)
        return try .json(Page.keyset(rules, limit: page.limit) { String($0.id ?? 0) })
    }

    @Sendable func create(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let rule = try request.decode(LoyaltyRule.self)
        try ValidationFailure.check(rule.validate())
        return RouteWrite { try .json(earningRules.create(rule, in: $0), status: .created) }
    }

    /// The points an award gives for an example order value under the current program (what the
    /// coefficient multiplies): the panel's live preview. Writes nothing.
    @Sendable func preview(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let input = try request.decode(AwardPreviewRequest.self)
        guard input.orderValue >= 0 else {
            throw ValidationFailure(field: "orderValue", "Must be zero or more minor units.")
        }
        return try .json(earningRules.preview(input))
    }

    @Sendable func show(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try .json(earningRules.rule(try context.parameters.require("id", as: Int64.self)))
    }

    @Sendable func replace(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let id = try context.parameters.require("id", as: Int64.self)
        let rule = try request.decode(LoyaltyRule.self)
        if let bodyId = rule.id, bodyId != id {
            throw ValidationFailure(field: "id", "The body's id \(bodyId) is not the rule \(id) of the path.")
        }
        try ValidationFailure.check(rule.validate())
        return RouteWrite { try .json(earningRules.replace(id, with: rule, in: $0)) }
    }

    @Sendable func remove(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let id = try context.parameters.require("id", as: Int64.self)
        return RouteWrite { connection in
            try earningRules.remove(id, in: connection)
            return .noContent
        }
    }
}
