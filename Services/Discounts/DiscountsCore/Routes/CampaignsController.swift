import Contract
import FoundationEssentials
import HTTP
import ServiceKit

/// Campaigns for the admin: create (codes generated in the background), preview a mask, search,
/// show, rename and delete.
struct CampaignsController: Sendable {
    let dependencies: DiscountsDependencies

    var routes: RouteCollection {
        RouteCollection()
            .on(DiscountsRoutes.createCampaign, use: create)
            .on(DiscountsRoutes.previewMask, use: preview)
            .on(DiscountsRoutes.campaigns, use: search)
            .on(DiscountsRoutes.campaign, use: show)
            .on(
                DiscountsRoutes.renameCampaign, writingTo: dependencies.database, clock: dependencies.clock, use: rename
            )
            .on(
                DiscountsRoutes.deleteCampaign, writingTo: dependencies.database, clock: dependencies.clock, use: remove
            )
    }

    /// 202 with the campaign `generating`; the background job writes its codes.
    @Sendable func create(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let input = try request.decode(CampaignInput.self)
        let record = try CampaignCreation.create(input, database: dependencies.database, now: dependencies.now())
        dependencies.job.wake()
        return try .json(record.view, status: .accepted)
    }

    @Sendable func preview(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let input = try request.decode(MaskPreviewRequest.self)
        return try .json(CampaignCreation.preview(input, database: dependencies.database))
    }

    /// Newest first; `name` any part in any letter case, `time` current, historical, all or
    /// archived; paged by the last id seen.
    @Sendable func search(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let page = try PageRequest(query: context.query)
        let time = try context.enumQuery("time", as: CampaignTime.self) ?? .all
        let records = try CampaignQueries(dependencies: dependencies).search(
            name: context.query["name"], time: time, beforeId: try page.integerCursor(), limit: page.limit + 1)
        return try .json(Page.keyset(records.map(\.view), limit: page.limit) { String($0.id) })
    }

    @Sendable func show(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try .json(CampaignQueries(dependencies: dependencies).campaign(try context.campaignId()).view)
    }

    @Sendable func rename(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let id = try context.campaignId()
        let update = try request.decode(CampaignUpdate.self)
        try ValidationFailure.check(update.validate())
        return RouteWrite { connection in
            guard let record = try CampaignChanges.rename(id, to: update.name, in: connection) else {
                throw HTTPError.notFound("No campaign \(id).")
            }
            return try .json(record.view)
        }
    }

    /// A campaign none of whose codes was ever used goes, codes and all (the background job
    /// removes the codes in chunks; the campaign is gone for every reader at once). One with
    /// used codes is archived instead: its codes stop working, its history and statistics stay.
    @Sendable func remove(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let id = try context.campaignId()
        let now = dependencies.now()
        let job = dependencies.job
        return RouteWrite(
            { connection in
                guard try CampaignChanges.delete(id, at: now, in: connection) != nil else {
                    throw HTTPError.notFound("No campaign \(id).")
                }
                return .noContent
            },
            committed: { _ in job.wake() })
    }
}
