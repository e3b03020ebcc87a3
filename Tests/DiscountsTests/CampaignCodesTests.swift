import Contract
import Foundation
import HTTP
import ServiceKit
import TestSupport
import Testing

@testable import DiscountsCore

/// A campaign's codes: the paged list with its filters, the streamed CSV, and switching codes on
/// and off by list and all at once.
struct CampaignCodesTests {
    private func page(_ service: CampaignTestService, _ path: String) throws -> Page<CampaignCode> {
        let answer = try service.call(.get, path)
        try #require(answer.status.code == 200, "\(path): \(answer.text)")
        return try answer.decode()
    }

    @Test func theList_IsInCodeOrder_Paged_WithItsUse_AndItsFilters() throws {
        let service = try CampaignTestService()
        defer { service.stop() }
        let campaign = try service.createReady(
            CampaignTestService.input(kind: .multiUse, count: 30, mask: "K<NUM:100>"))
        try service.createReady(CampaignTestService.input(count: 5, mask: "K<NUM:200>"))
        let base = "/campaigns/\(campaign.id)/codes"
        var codes: [CampaignCode] = []
        var cursor: String?
        repeat {
            let next = try page(service, base + "?limit=7" + (cursor.map { "&cursor=\($0)" } ?? ""))
            codes += next.items
            cursor = next.nextCursor
        } while cursor != nil
        #expect(codes.map(\.code.text) == (100..<130).map { "K\($0)" })
        #expect(codes.allSatisfy { $0.active && $0.uses == 0 && $0.orderNumber == nil && $0.customerId == nil })

        let used = service.clock.date
        try service.redeem("K105", order: "SO-1", value: 1_000, discount: 100, customer: "c-1", at: used - 60)
        try service.redeem("K105", order: "SO-2", value: 1_000, discount: 100, customer: "c-1", at: used)
        try service.redeem("K107", order: "SO-3", value: 1_000, discount: 100)
        try service.release(order: "SO-2")
        try service.database.write { try $0.run("UPDATE codes SET customer_id = 'c-9' WHERE code = 'K110'") }
        _ = try service.call(
            .post, "/campaigns/\(campaign.id)/codes/activation",
            json: CodeActivationRequest(codes: ["k111"], active: false))

        let usedCodes = try page(service, base + "?used=true").items
        #expect(usedCodes.map(\.code.text) == ["K105", "K107"])
        // The latest live redemption: SO-2 was released, so K105 shows SO-1 and its date.
        #expect(usedCodes[0].orderNumber == "SO-1")
        #expect(usedCodes[0].usedAt == used - 60)
        #expect(usedCodes[0].uses == 1)
        #expect(try page(service, base + "?used=false").items.count == 28)
        #expect(try page(service, base + "?active=false").items.map(\.code.text) == ["K111"])
        #expect(try page(service, base + "?customerId=c-9").items.map(\.code.text) == ["K110"])
        #expect(try page(service, base + "?prefix=k11").items.map(\.code.text) == (110..<120).map { "K\($0)" })
        #expect(try page(service, base + "?prefix=k11&active=true").items.count == 9)
        #expect(try page(service, base + "?prefix=K2").items.isEmpty)
        #expect(try service.call(.get, base + "?used=maybe").errorCode == "invalid_parameter")
        #expect(try service.call(.get, base + "?customerId=a%20b").errorCode == "invalid_parameter")
    }

    @Test func theCSV_StreamsEveryCodeUnderItsHeader() throws {
        let service = try CampaignTestService()
        defer { service.stop() }
        let count = CodesExport.pageSize * 2 + 17
        let campaign = try service.createReady(CampaignTestService.input(count: Int64(count), mask: "C<NUM:100000>"))
        let used = service.clock.date
        try service.redeem("C100001", order: "SO-9", value: 1_000, discount: 100, customer: "c-1", at: used)
        try service.database.write { connection in
            try connection.run("UPDATE codes SET customer_id = 'c-1' WHERE code = 'C100001'")
            try connection.run("UPDATE codes SET active = 0 WHERE code = 'C100002'")
        }
        let answer = try service.call(.get, "/campaigns/\(campaign.id)/codes.csv")
        #expect(answer.status.code == 200)
        #expect(answer.headers["Content-Type"] == "text/csv; charset=utf-8")
        #expect(answer.headers["Transfer-Encoding"] == "chunked")
        #expect(answer.headers["Content-Disposition"]?.contains("campaign-\(campaign.id)-codes.csv") == true)
        let lines = answer.text.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "code,customerId,orderNumber,usedAt,active")
        #expect(lines.count == count + 2)
        #expect(lines.last == "")
        #expect(lines[1] == "C100000,,,,true")
        #expect(lines[2] == "C100001,c-1,SO-9,\(RFC3339.format(used)),true")
        #expect(lines[3] == "C100002,,,,false")
        #expect(lines[count] == "C\(100_000 + count - 1),,,,true")
        let rows = lines.dropFirst().dropLast().map { $0.split(separator: ",").first.map(String.init) ?? "" }
        #expect(rows == (0..<count).map { "C\(100_000 + $0)" })
    }

    @Test func activation_SwitchesListedCodes_ReportingTheUnknown_OrAllInChunks() throws {
        let service = try CampaignTestService(generation: GenerationSettings(chunkSize: 1_000, removalChunk: 400))
        defer { service.stop() }
        let campaign = try service.createReady(CampaignTestService.input(count: 1_000, mask: "M<NUM:1000>"))
        let other = try service.createReady(CampaignTestService.input(count: 3, mask: "N<NUM:1>"))
        let path = "/campaigns/\(campaign.id)/codes/activation"
        let listed: CodeActivationResult = try service.call(
            .post, path, json: CodeActivationRequest(codes: ["m1000", "M1001", "M1001", "N1", "NOPE"], active: false)
        ).decode()
        #expect(listed.changed == 2)
        #expect(listed.notFound == ["N1", "NOPE"])
        let inactive = try service.database.read { connection in
            try connection.query("SELECT code FROM codes WHERE active = 0 ORDER BY code").map {
                try $0.get("code", as: String.self)
            }
        }
        #expect(inactive == ["M1000", "M1001"])

        let all: CodeActivationResult = try service.call(
            .post, path, json: CodeActivationRequest(all: true, active: false)
        )
        .decode()
        #expect(all.changed == 998)
        #expect(all.notFound.isEmpty)
        let back: CodeActivationResult = try service.call(
            .post, path, json: CodeActivationRequest(all: true, active: true)
        )
        .decode()
        #expect(back.changed == 1_000)
        let count = try service.database.read { connection in
            try connection.scalar(
                "SELECT count(*) FROM codes WHERE active = 1 AND campaign_id = ?", other.id, as: Int64.self)
        }
        #expect(count == 3)

        for body in [
            #"{"active":true}"#, #"{"all":true,"codes":["A"],"active":true}"#, #"{"codes":[],"active":true}"#,
        ] {
            let answer = try service.call(.post, path, text: body)
            #expect(answer.status.code == 422, "\(body)")
            #expect(answer.errorCode == "validation_failed")
        }
    }
}
