import Contract
import FoundationEssentials
import HTTP
import ServiceKit

/// Codes bought with loyalty points: `POST /v1/campaigns/{id}/purchases` (admin, storefront, or
/// a customer token for itself), `Idempotency-Key` honoured.
///
/// The customer is named in the body, not the path, so the route's declaration cannot check a
/// customer token against it: the handler does (403 for another customer's id).
struct PurchasesController: Sendable {
    let purchaser: CodePurchaser

    var routes: RouteCollection {
        RouteCollection().on(DiscountsRoutes.purchase, claimingKey: purchase)
    }

    @Sendable func purchase(
        _ request: HTTPRequest, _ context: RequestContext, _ claim: Idempotency.Claim?
    ) throws -> HTTPResponse {
        let campaignId = try context.parameters.require("id", as: Int64.self)
        let body = try request.decode(CodePurchaseRequest.self)
        guard context.principal.mayActFor(customerId: body.customerId) else {
            throw HTTPError.forbidden("A customer may only buy codes for themselves.")
        }
        let (purchase, replayed) = try purchaser.purchase(
            campaignId: campaignId, customerId: body.customerId, claim: claim)
        return try .json(purchase, status: .created, headers: replayed ? ["Idempotent-Replayed": "true"] : [:])
    }
}
