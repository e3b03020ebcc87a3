import Contract
import Foundation
import HTTP
import TestSupport
import Testing

@testable import DiscountsCore

/// Creating, previewing, showing and renaming campaigns over HTTP, with every refusal their
/// declarations list, and the roles that may not call them.
struct CampaignRoutesTests {
    @Test func aNewCampaign_IsAccepted_AsGenerating_ThenReady_WithItsCodes() throws {
        let service = try CampaignTestService()
        defer { service.stop() }
        let answer = try service.call(.post, "/campaigns", json: CampaignTestService.input(count: 2_500))
        #expect(answer.status.code == 202)
        let created: Campaign = try answer.decode()
        #expect(created.status == .generating)
        #expect(created.progress == 0)
        #expect(created.generated == 0)
        let ready = try service.waitUntilSettled(created.id)
        #expect(ready.status == .ready)
        #expect(ready.progress == 1)
        #expect(ready.generated == 2_500)
        let codes = try service.storedCodes(created.id)
        #expect(codes.count == 2_500)
        #expect(codes.allSatisfy { $0.utf8.count == RandomCode.length })
    }

    @Test func aSequenceMask_GivesTheSeedsExample() throws {
        let service = try CampaignTestService()
        defer { service.stop() }
        let campaign = try service.createReady(CampaignTestService.input(count: 100, mask: "A<NUM:1000>"))
        #expect(campaign.mask == "A<NUM:1000>")
        #expect(try service.storedCodes(campaign.id) == (1000...1099).map { "A\($0)" })
    }

    @Test(arguments: [
        ("PROMO<NUM:1000", 6, "no closing"), ("AB<FOO:1>", 3, "unknown"), ("X<RAND:9:1>", 2, "min"),
        ("X<RAND:a:9>", 2, "not a whole number"), ("PLAIN", 1, "at least one"), ("A>B<NUM:1>", 2, "closes"),
        ("A B<NUM:1>", 2, "cannot appear"),
    ])
    func aMalformedMask_IsRefused_NamingThePosition(mask: String, position: Int, words: String) throws {
        let service = try CampaignTestService()
        defer { service.stop() }
        for path in ["/campaigns", "/campaigns/preview"] {
            let answer =
                path == "/campaigns"
                ? try service.call(.post, path, json: CampaignTestService.input(mask: mask))
                : try service.call(.post, path, json: MaskPreviewRequest(mask: mask, count: 10))
            #expect(answer.status.code == 422)
            #expect(answer.errorCode == "invalid_mask")
            #expect(answer.errorEnvelope?.error.details?["position"] == .number(Double(position)), "\(mask)")
            #expect(answer.errorEnvelope?.error.message.contains(words) == true, "\(answer.text)")
        }
        #expect(try service.database.read { try $0.scalar("SELECT count(*) FROM campaigns", as: Int64.self) } == 0)
    }

    @Test func aMaskTooSmallForTheCount_IsRefused_SayingHowManyItCanGive_AndWritesNothing() throws {
        let service = try CampaignTestService()
        defer { service.stop() }
        let small = try service.call(
            .post, "/campaigns", json: CampaignTestService.input(count: 101, mask: "Z<RAND:0:99>"))
        #expect(small.status.code == 422)
        #expect(small.errorCode == "mask_too_small")
        #expect(small.errorEnvelope?.error.details?["available"] == .number(100))
        // Codes of the shop with the mask's shape are taken out of what it can give.
        try service.createReady(CampaignTestService.input(count: 30, mask: "Z<RAND:0:99>"))
        let taken = try service.call(
            .post, "/campaigns", json: CampaignTestService.input(count: 71, mask: "Z<RAND:0:99>"))
        #expect(taken.errorCode == "mask_too_small")
        #expect(taken.errorEnvelope?.error.details?["available"] == .number(70))
        let exact = try service.createReady(CampaignTestService.input(count: 70, mask: "z<rand:0:99>"))
        #expect(exact.status == .ready)
        #expect(Set(try service.storedCodes(exact.id) + service.storedCodes(exact.id - 1)).count == 100)
        // A <NUM> mask whose numbers would make codes longer than 64 characters.
        let wide = String(repeating: "W", count: 60) + "<NUM:1000>"
        let long = try service.call(.post, "/campaigns", json: CampaignTestService.input(count: 10_000, mask: wide))
        #expect(long.errorCode == "mask_too_small")
        #expect(long.errorEnvelope?.error.details?["available"] == .number(9_000))
        #expect(try service.database.read { try $0.scalar("SELECT count(*) FROM campaigns", as: Int64.self) } == 2)
    }

    @Test func theInputRules_AreValidationFailures_NamingTheField() throws {
        let service = try CampaignTestService()
        defer { service.stop() }
        var input = CampaignTestService.input(count: 0)
        input.discount = CampaignDiscount(type: .percent, value: 101)
        let answer = try service.call(.post, "/campaigns", json: input)
        #expect(answer.status.code == 422)
        #expect(answer.errorCode == "validation_failed")
        #expect(
            answer.errorEnvelope?.error.details?["fields"] == .array([.string("count"), .string("discount.value")]))
        let unknown = try service.call(
            .post, "/campaigns",
            text:
                #"{"name":"x","kind":"singleUse","count":1,"discount":{"type":"freeShipping"},"currency":"PLN","colour":"red"}"#
        )
        #expect(unknown.status.code == 422)
        #expect(unknown.errorCode == "unknown_field")
        let preview = try service.call(
            .post, "/campaigns/preview", json: MaskPreviewRequest(mask: "A<NUM:1>", count: 0))
        #expect(preview.errorCode == "validation_failed")
    }

    @Test func aPreview_ShowsTheFirstCodes_AndWhatTheMaskCanGive_WithoutWriting() throws {
        let service = try CampaignTestService()
        defer { service.stop() }
        let sequence: MaskPreview = try service.call(
            .post, "/campaigns/preview", json: MaskPreviewRequest(mask: "A<NUM:1000>", count: 100)
        ).decode()
        #expect(sequence.codes == (1000..<1020).map { "A\($0)" })
        #expect(sequence.enough)
        let random: MaskPreview = try service.call(
            .post, "/campaigns/preview", json: MaskPreviewRequest(mask: "PROMO<RAND:10:99>", count: 5)
        ).decode()
        #expect(random.codes.count == 5)
        #expect(random.codes.allSatisfy { $0.hasPrefix("PROMO") && $0.count == 7 })
        #expect(random.keySpace == 90)
        #expect(random.available == 90)
        try service.createReady(CampaignTestService.input(count: 40, mask: "PROMO<RAND:10:99>"))
        let after: MaskPreview = try service.call(
            .post, "/campaigns/preview", json: MaskPreviewRequest(mask: "PROMO<RAND:10:99>", count: 51)
        ).decode()
        #expect(after.available == 50)
        #expect(!after.enough)
        #expect(try service.database.read { try $0.scalar("SELECT count(*) FROM campaigns", as: Int64.self) } == 1)
    }

    @Test func aCampaign_IsShown_Renamed_AndUnknownOnesAre404() throws {
        let service = try CampaignTestService()
        defer { service.stop() }
        let campaign = try service.createReady(CampaignTestService.input(name: "Old name", count: 5))
        let renamed = try service.call(.patch, "/campaigns/\(campaign.id)", json: CampaignUpdate(name: "New name"))
        #expect(renamed.status.code == 200)
        #expect(try renamed.decode(Campaign.self).name == "New name")
        #expect(try service.campaign(campaign.id).name == "New name")
        let empty = try service.call(.patch, "/campaigns/\(campaign.id)", json: CampaignUpdate(name: "  "))
        #expect(empty.errorCode == "validation_failed")
        for (method, path) in [
            (HTTPMethod.get, "/campaigns/999"), (.delete, "/campaigns/999"), (.get, "/campaigns/999/codes"),
            (.get, "/campaigns/999/codes.csv"), (.get, "/campaigns/999/stats"),
        ] {
            let answer = try service.call(method, path)
            #expect(answer.status.code == 404, "\(method) \(path)")
            #expect(answer.errorCode == "not_found")
        }
        let missingRename = try service.call(.patch, "/campaigns/999", json: CampaignUpdate(name: "x"))
        #expect(missingRename.status.code == 404)
        let missingSwitch = try service.call(
            .post, "/campaigns/999/codes/activation", json: CodeActivationRequest(all: true, active: false))
        #expect(missingSwitch.status.code == 404)
        #expect(try service.call(.get, "/campaigns/abc").errorCode == "invalid_parameter")
    }

    @Test func theStorefrontAndCustomers_MayNotCallAnyCampaignRoute() throws {
        let service = try CampaignTestService()
        defer { service.stop() }
        let campaign = try service.createReady(CampaignTestService.input(count: 5))
        let id = campaign.id
        let calls: [(HTTPMethod, String, String?)] = [
            (.post, "/campaigns", String(decoding: try JSONCoding.encode(CampaignTestService.input()), as: UTF8.self)),
            (.post, "/campaigns/preview", #"{"mask":"A<NUM:1>","count":1}"#), (.get, "/campaigns", nil),
            (.get, "/campaigns/\(id)", nil), (.patch, "/campaigns/\(id)", #"{"name":"x"}"#),
            (.delete, "/campaigns/\(id)", nil), (.get, "/campaigns/\(id)/codes", nil),
            (.get, "/campaigns/\(id)/codes.csv", nil), (.get, "/campaigns/\(id)/stats", nil),
            (.post, "/campaigns/\(id)/codes/activation", #"{"all":true,"active":false}"#),
        ]
        for principal in [CampaignTestService.storefront, CampaignTestService.customer] {
            for (method, path, body) in calls {
                let answer = try service.call(method, path, as: principal, text: body)
                #expect(answer.status.code == 403, "\(principal) \(method) \(path): \(answer.text)")
            }
        }
        #expect(try service.campaign(id).status == .ready)
        #expect(try service.storedCodes(id).count == 5)
    }
}
