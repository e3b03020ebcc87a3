import Contract
import Foundation
import HTTP
import Store
import TestSupport
import Testing

@testable import DiscountsCore

/// The background generation across a restart of the service: stopped between chunks, it is
/// picked up again at start and ends with exactly the count of distinct codes, never marked
/// ready before its last code.
struct GenerationRestartTests {
    /// Starts a generation paced slowly enough to be caught midway, stops the service while it
    /// runs, and starts it again on the same database.
    private func interruptAndResume(mask: String?, count: Int64) throws {
        let directory = try TemporaryDirectory(prefix: "discounts-restart")
        defer { directory.remove() }
        let path = directory.file("discounts.sqlite")
        let slow = GenerationSettings(chunkSize: 500, roundSize: 2_000, pause: .milliseconds(20))
        let first = try CampaignTestService(generation: slow, databasePath: path)
        let answer = try first.call(.post, "/campaigns", json: CampaignTestService.input(count: count, mask: mask))
        try #require(answer.status.code == 202, "\(answer.text)")
        let id = try answer.decode(Campaign.self).id
        var progress: [Double] = []
        try eventually(interval: .milliseconds(5)) {
            let campaign = try first.campaign(id)
            if progress.last != campaign.progress { progress.append(campaign.progress) }
            return campaign.generated >= 2_500
        }
        first.stop(keepDatabase: true)

        let stopped = try readState(path, id)
        #expect(stopped.status == "generating")
        #expect(stopped.generated >= 2_500 && stopped.generated < count)
        #expect(progress.count >= 3, "progress seen: \(progress)")
        #expect(progress == progress.sorted() && progress.allSatisfy { (0...1).contains($0) })

        let second = try CampaignTestService(generation: GenerationSettings(chunkSize: 500), databasePath: path)
        defer { second.stop() }
        let resumed = try second.waitUntilSettled(id)
        #expect(resumed.status == .ready)
        #expect(resumed.generated == count)
        let codes = try second.storedCodes(id)
        #expect(codes.count == Int(count))
        #expect(Set(codes).count == Int(count))
    }

    /// The campaign's row as the stopped service left it, read without starting the service.
    private func readState(_ path: String, _ id: Int64) throws -> (status: String, generated: Int64) {
        let database = try Database(path: path)
        defer { database.close() }
        return try database.read { connection in
            let row = try #require(try connection.queryOne("SELECT status, generated FROM campaigns WHERE id = ?", id))
            return (try row.get("status", as: String.self), try row.get("generated", as: Int64.self))
        }
    }

    @Test func randomCodes_ResumeAfterARestart_ToExactlyTheirCount() throws {
        try interruptAndResume(mask: nil, count: 8_000)
    }

    @Test func aRandomMask_ResumesAfterARestart_WithItsSavedPermutation() throws {
        try interruptAndResume(mask: "R<RAND:0:9999>", count: 8_000)
    }

    @Test func aSequenceMask_ResumesAfterARestart() throws {
        try interruptAndResume(mask: "Q<NUM:1>", count: 8_000)
    }
}
