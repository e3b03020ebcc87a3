import Contract
import FoundationEssentials
import HTTP
import ServiceKit
import Store

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
            .on(DiscountsRoutes.renameCampaign, use: rename)
            .on(DiscountsRoutes.deleteCampaign, use: remove)
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
        var time = CampaignTime.all
        if let text = context.query["time"] {
            guard let parsed = CampaignTime(rawValue: text) else {
                throw HTTPError.badRequest(
                    "Query parameter 'time' must be one of "
                        + CampaignTime.allCases.map(\.rawValue).joined(separator: ", ") + ".",
                    code: "invalid_parameter", details: ["parameter": .string("time")])
            }
            time = parsed
        }
        let search = CampaignRepository.Search(
            name: context.query["name"], time: time, beforeId: try page.integerCursor(), limit: page.limit + 1)
        let now = dependencies.now()
        let records = try dependencies.database.read { try CampaignRepository.search(search, now: now, in: $0) }
        return try .json(Page.keyset(records.map(\.view), limit: page.limit) { String($0.id) })
    }

    @Sendable func show(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try .json(dependencies.campaign(try DiscountsDependencies.campaignId(context)).view)
    }

    @Sendable func rename(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let id = try DiscountsDependencies.campaignId(context)
        let update = try request.decode(CampaignUpdate.self)
        try ValidationFailure.check(update.validate())
        let record = try dependencies.database.write { connection -> CampaignRecord? in
            guard try CampaignRepository.rename(id, to: update.name.trimmed(), in: connection) else { return nil }
            return try CampaignRepository.find(id, in: connection)
        }
        guard let record else { throw HTTPError.notFound("No campaign \(id).") }
        return try .json(record.view)
    }

    /// A campaign none of whose codes was ever used goes, codes and all (the background job
    /// removes the codes in chunks; the campaign is gone for every reader at once). One with
    /// used codes is archived instead: its codes stop working, its history and statistics stay.
    /// A generation still running stops at its next chunk either way.
    @Sendable func remove(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let id = try DiscountsDependencies.campaignId(context)
        let now = dependencies.now()
        let outcome = try dependencies.database.write { connection -> Deletion? in
            guard let record = try CampaignRepository.find(id, in: connection) else { return nil }
            if record.archivedAt != nil { return .archived }
            if try CampaignRepository.hasRedemptions(id, in: connection) {
                try CampaignRepository.archive(id, at: now, in: connection)
                return .archived
            }
            try CampaignRepository.markDeleted(id, at: now, in: connection)
            return .deleted
        }
        switch outcome {
        case nil: throw HTTPError.notFound("No campaign \(id).")
        case .deleted?: dependencies.job.wake()
        case .archived?: break
        }
        return .noContent
    }

    /// What a delete did.
    private enum Deletion {
        case deleted, archived
    }
}
