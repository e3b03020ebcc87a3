import Contract
import Foundation
import HTTP
import TestSupport
import Testing

@testable import DiscountsCore

/// The campaign search: by any part of the name in any letter case (LIKE's wildcards taken
/// literally), by time, newest first, a page at a time.
struct CampaignSearchTests {
    private func names(_ service: CampaignTestService, _ query: String) throws -> [String] {
        let answer = try service.call(.get, "/campaigns?" + query)
        try #require(answer.status.code == 200, "\(query): \(answer.text)")
        return try answer.decode(Page<Campaign>.self).items.map(\.name)
    }

    @Test func theName_MatchesAnyPart_InAnyLetterCase_WithWildcardsTakenLiterally() throws {
        let service = try CampaignTestService()
        defer { service.stop() }
        for name in ["Wiosna w Łodzi", "ŁÓDŹ jesienią", "50% off", "500 off", "a_b", "axb", "back\\slash"] {
            try service.createReady(CampaignTestService.input(name: name, count: 1))
        }
        #expect(try names(service, "name=%C5%82%C3%B3d%C5%BA") == ["ŁÓDŹ jesienią"])
        #expect(try names(service, "name=%C5%81odzi") == ["Wiosna w Łodzi"])
        #expect(try names(service, "name=50%25") == ["50% off"])
        #expect(try names(service, "name=a_b") == ["a_b"])
        #expect(try names(service, "name=k%5Cs") == ["back\\slash"])
        #expect(try names(service, "name=OFF") == ["500 off", "50% off"])
        #expect(try names(service, "").count == 7)
    }

    @Test func theTimeFilter_SplitsCurrentFromHistorical_AndArchivedFromAll() throws {
        let clock = ManualClock()
        let service = try CampaignTestService(clock: clock)
        defer { service.stop() }
        let now = clock.date
        let day: TimeInterval = 86_400
        try service.createReady(CampaignTestService.input(name: "open", count: 1))
        try service.createReady(
            CampaignTestService.input(name: "running", count: 1, validFrom: now - day, validTo: now + day))
        try service.createReady(
            CampaignTestService.input(name: "ended", count: 1, validFrom: now - 3 * day, validTo: now - day))
        try service.createReady(CampaignTestService.input(name: "future", count: 1, validFrom: now + day))
        let used = try service.createReady(CampaignTestService.input(name: "used", count: 1))
        try service.redeem(try service.storedCodes(used.id)[0], order: "SO-1", value: 1_000, discount: 100)
        #expect(try service.call(.delete, "/campaigns/\(used.id)").status.code == 204)

        #expect(try names(service, "time=current") == ["running", "open"])
        #expect(try names(service, "time=historical") == ["ended"])
        #expect(try names(service, "time=all") == ["future", "ended", "running", "open"])
        #expect(try names(service, "") == ["future", "ended", "running", "open"])
        #expect(try names(service, "time=archived") == ["used"])
        clock.advance(days: 2)
        #expect(try names(service, "time=current") == ["future", "open"])
        #expect(try names(service, "time=historical") == ["ended", "running"])
        let bad = try service.call(.get, "/campaigns?time=soon")
        #expect(bad.status.code == 400)
        #expect(bad.errorCode == "invalid_parameter")
    }

    @Test func pages_FollowTheCursor_NewestFirst_WithEachRowsUsedCount() throws {
        let service = try CampaignTestService()
        defer { service.stop() }
        var created: [Campaign] = []
        for index in 1...7 {
            created.append(try service.createReady(CampaignTestService.input(name: "c\(index)", count: 3)))
        }
        let codes = try service.storedCodes(created[1].id)
        try service.redeem(codes[0], order: "SO-1", value: 1_000, discount: 100)
        try service.redeem(codes[1], order: "SO-2", value: 1_000, discount: 100)
        var seen: [Campaign] = []
        var cursor: String?
        var pages = 0
        repeat {
            let page: Page<Campaign> = try service.call(
                .get, "/campaigns?limit=3" + (cursor.map { "&cursor=\($0)" } ?? "")
            ).decode()
            seen += page.items
            cursor = page.nextCursor
            pages += 1
        } while cursor != nil
        #expect(pages == 3)
        #expect(seen.map(\.name) == (1...7).reversed().map { "c\($0)" })
        #expect(seen.first { $0.name == "c2" }?.usedCount == 2)
        #expect(seen.filter { $0.name != "c2" }.allSatisfy { $0.usedCount == 0 && $0.count == 3 })
        #expect(try service.call(.get, "/campaigns?cursor=zz").errorCode == "invalid_cursor")
        #expect(try service.call(.get, "/campaigns?limit=0").errorCode == "invalid_parameter")
    }
}
