import CSV
import Contract
import FoundationEssentials
import HTTP
import ServiceKit
import Store

/// A campaign's codes for the admin: the paged list, the CSV export, switching codes on and off,
/// and the statistics of their use.
struct CampaignCodesController: Sendable {
    let dependencies: DiscountsDependencies

    /// Rows read per transaction while the CSV streams: small enough that no read holds a
    /// snapshot (and the WAL) for long, large enough that a million rows take few queries.
    static let csvPageSize = 5_000
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
        let id = try DiscountsDependencies.campaignId(context)
        let page = try PageRequest(query: context.query)
        let after = try TextCursor.decode(page.cursor)
        var filter = CampaignCodeRepository.Filter()
        filter.used = try context.query.get("used", as: Bool.self)
        filter.active = try context.query.get("active", as: Bool.self)
        filter.customerId = try context.query.get("customerId", as: CustomerId.self)?.text
        filter.prefix = context.query["prefix"]?.uppercased()
        _ = try dependencies.campaign(id)
        let codes = try dependencies.database.read { connection in
            try CampaignCodeRepository.page(
                campaignId: id, filter: filter, afterCode: after, limit: page.limit + 1, in: connection)
        }
        return try .json(Page.keyset(codes, limit: page.limit) { TextCursor.encode($0.code.text) })
    }

    /// Every code as CSV, streamed: each page of rows is read in its own short transaction and
    /// written out before the next is read, so a million codes never sit in memory.
    @Sendable func csv(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let id = try DiscountsDependencies.campaignId(context)
        _ = try dependencies.campaign(id)
        let database = dependencies.database
        let stream = BodyStream { writer in
            let csv = CSVWriter(header: Self.csvHeader)
            try writer.write(csv.headerLine)
            var after: String?
            repeat {
                let codes = try database.read { connection in
                    try CampaignCodeRepository.page(
                        campaignId: id, afterCode: after, limit: Self.csvPageSize, in: connection)
                }
                var bytes: [UInt8] = []
                bytes.reserveCapacity(codes.count * 48)
                for code in codes { bytes += csv.row(Self.csvRow(code)) }
                if !bytes.isEmpty { try writer.write(bytes) }
                after = codes.count == Self.csvPageSize ? codes.last?.code.text : nil
            } while after != nil
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
        let id = try DiscountsDependencies.campaignId(context)
        let input = try request.decode(CodeActivationRequest.self)
        try ValidationFailure.check(input.validate())
        _ = try dependencies.campaign(id)
        return try .json(
            CampaignChanges.activate(
                input, campaignId: id, chunk: dependencies.settings.removalChunk, database: dependencies.database))
    }

    /// The summary of live redemptions and, paged, the figures per code, most orders first.
    @Sendable func stats(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let id = try DiscountsDependencies.campaignId(context)
        let page = try PageRequest(query: context.query)
        var position: CampaignStatsRepository.Position?
        if let key = try TextCursor.decode(page.cursor) {
            guard let parsed = CampaignStatsRepository.Position(key: key) else {
                throw HTTPError.badRequest("The cursor is not valid.", code: "invalid_cursor")
            }
            position = parsed
        }
        _ = try dependencies.campaign(id)
        let (summary, codes) = try dependencies.database.read { connection in
            (
                try CampaignStatsRepository.summary(campaignId: id, in: connection),
                try CampaignStatsRepository.perCode(
                    campaignId: id, after: position, limit: page.limit + 1, in: connection)
            )
        }
        let perCode = Page.keyset(codes, limit: page.limit) { usage in
            TextCursor.encode(
                CampaignStatsRepository.Position(orders: usage.orders, code: usage.code?.text ?? "").key)
        }
        return try .json(CampaignStats(summary: summary, perCode: perCode))
    }
}
