import CSV
import Contract
import FoundationEssentials
import HTTP
import ServiceKit

/// A campaign's codes for the admin: the paged list, the CSV export, switching codes on and off,
/// and the statistics of their use.
struct CampaignCodesController: Sendable {
    let dependencies: DiscountsDependencies

    static let csvHeader = ["code", "customerId", "orderNumber", "usedAt", "active"]

    var routes: RouteCollection {
        RouteCollection()
            .on(DiscountsRoutes.codes, use: list)
            .on(DiscountsRoutes.codesCSV, use: csv)
            .on(DiscountsRoutes.activation, use: activate)
            .on(DiscountsRoutes.stats, use: stats)
    }

    /// In code order; filters `used`, `active`, `customerId` and `prefix` (any letter case).
    @Sendable func list(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let id = try context.campaignId()
        let page = try PageRequest(query: context.query)
        let after = try TextCursor.decode(page.cursor)
        var filter = CodeListing.Filter()
        filter.used = try context.query.get("used", as: Bool.self)
        filter.active = try context.query.get("active", as: Bool.self)
        filter.customerId = try context.query.get("customerId", as: CustomerId.self)?.text
        filter.prefix = context.query["prefix"].map(DiscountCode.normalise)
        let codes = try CodeListing(dependencies: dependencies).page(
            campaignId: id, filter: filter, afterCode: after, limit: page.limit + 1)
        return try .json(Page.keyset(codes, limit: page.limit) { TextCursor.encode($0.code.text) })
    }

    /// Every code as CSV, streamed: each page of rows (`CodesExport`) is written out before the
    /// next is read, so a million codes never sit in memory.
    @Sendable func csv(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let id = try context.campaignId()
        let export = try CodesExport(campaignId: id, dependencies: dependencies)
        let stream = BodyStream { writer in
            let csv = CSVWriter(header: Self.csvHeader)
            try writer.write(csv.headerLine)
            try export.forEachPage { codes in
                var bytes: [UInt8] = []
                bytes.reserveCapacity(codes.count * 48)
                for code in codes { bytes += csv.row(Self.csvRow(code)) }
                if !bytes.isEmpty { try writer.write(bytes) }
            }
        }
        return HTTPResponse(
            headers: [
                "Content-Type": "text/csv; charset=utf-8",
                "Content-Disposition": "attachment; filename=\"campaign-\(id)-codes.csv\"",
            ],
            body: .stream(stream))
    }

    static func csvRow(_ code: CampaignCode) -> [String] {
        [
            code.code.text, code.customerId?.text ?? "", code.orderNumber?.text ?? "",
            code.usedAt.map(RFC3339.format) ?? "", code.active ? "true" : "false",
        ]
    }

    /// `{codes, active}` switches the listed codes in one transaction; `{all: true, active}` every
    /// code of the campaign, a chunk per transaction so the writer is never held for long.
    @Sendable func activate(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let id = try context.campaignId()
        let input = try request.decode(CodeActivationRequest.self)
        try ValidationFailure.check(input.validate())
        _ = try CampaignQueries(dependencies: dependencies).campaign(id)
        return try .json(
            CampaignChanges.activate(
                input, campaignId: id, chunk: dependencies.settings.removalChunk, database: dependencies.database))
    }

    /// The summary of live redemptions and, paged, the figures per code, most orders first.
    @Sendable func stats(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let id = try context.campaignId()
        let page = try PageRequest(query: context.query)
        let position = try TextCursor.decode(page.cursor) { CampaignStatistics.Position(key: $0) }
        let (summary, codes) = try CampaignStatistics(dependencies: dependencies).statistics(
            campaignId: id, after: position, limit: page.limit + 1)
        let perCode = Page.keyset(codes, limit: page.limit) { usage in
            TextCursor.encode(CampaignStatistics.Position(orders: usage.orders, code: usage.code?.text ?? "").key)
        }
        return try .json(CampaignStats(summary: summary, perCode: perCode))
    }
}
