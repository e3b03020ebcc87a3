import Foundation
import Primitives
import Store
import TestSupport
import Testing

@testable import DiscountsCore

/// Writing a campaign's codes in batches: exact counts, codes unique across the shop, resuming
/// after an interruption, and failing cleanly when a mask runs out.
struct CodeGeneratorTests {
    /// A migrated database in a temporary directory, removed after `body`.
    private func withDatabase(_ body: (Database) throws -> Void) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try Database(path: directory.file("discounts.sqlite"))
        defer { database.close() }
        try database.migrate(DiscountsMigrations.all)
        try body(database)
    }

    /// Inserts a `generating` campaign for `count` codes from `mask`; returns its id.
    private func campaign(_ database: Database, count: Int64, mask: String? = nil) throws -> Int64 {
        let parsed = try mask.map { try CodeMask.parse($0) }
        var keys: [UInt8]?
        if case .keyed(_, let permutation) = CodeSource.new(mask: parsed) {
            keys = GenerationState.bytes(permutation.roundKeys)
        }
        return try database.write { connection in
            try connection.run(
                """
                INSERT INTO campaigns (name, kind, code_count, discount_type, discount_value, currency, mask,
                    status, permutation_keys, created_at)
                VALUES ('test', 'singleUse', ?, 'percent', 10, 'PLN', ?, 'generating', ?, 0)
                """, count, mask, keys)
            return connection.lastInsertRowID
        }
    }

    private func codes(_ database: Database, campaign: Int64) throws -> [String] {
        try database.read { connection in
            try connection.query("SELECT code FROM codes WHERE campaign_id = ? ORDER BY code", campaign)
                .map { try $0.get("code", as: String.self) }
        }
    }

    private func status(_ database: Database, campaign: Int64) throws -> (String, Int64, String?) {
        try database.read { connection in
            let row = try #require(
                try connection.queryOne("SELECT status, generated, failure FROM campaigns WHERE id = ?", campaign))
            return (try row.get("status"), try row.get("generated"), try row.get("failure"))
        }
    }

    @Test func randomCodes_AreWrittenToTheExactCount_InBatches() throws {
        try withDatabase { database in
            let id = try campaign(database, count: 2_500)
            var reports: [Int64] = []
            let outcome = try CodeGenerator(database: database, chunkSize: 1_000).run(
                campaignId: id, progress: { reports.append($0) })
            #expect(outcome == .ready)
            #expect(reports == [1_000, 2_000, 2_500])
            let written = try codes(database, campaign: id)
            #expect(written.count == 2_500)
            #expect(written.allSatisfy { $0.utf8.count == 12 })
            #expect(try status(database, campaign: id).0 == "ready")
        }
    }

    @Test func aSequenceMask_GivesItsNumbersInOrder() throws {
        try withDatabase { database in
            let id = try campaign(database, count: 100, mask: "A<NUM:1000>")
            #expect(try CodeGenerator(database: database).run(campaignId: id) == .ready)
            #expect(try codes(database, campaign: id) == (1000...1099).map { "A\($0)" })
        }
    }

    @Test func codesTakenByAnotherCampaign_AreSkipped_AndMadeUpFor() throws {
        try withDatabase { database in
            let first = try campaign(database, count: 10, mask: "A<NUM:1005>")
            #expect(try CodeGenerator(database: database).run(campaignId: first) == .ready)
            let second = try campaign(database, count: 100, mask: "A<NUM:1000>")
            #expect(try CodeGenerator(database: database).run(campaignId: second) == .ready)
            let written = try codes(database, campaign: second)
            #expect(written.count == 100)
            #expect(!written.contains("A1005"))
            #expect(written.contains("A1109"))
        }
    }

    @Test func aRandomMask_FillsItsWholeSpace_WithoutRepeats() throws {
        try withDatabase { database in
            let id = try campaign(database, count: 900, mask: "X<RAND:100:999>")
            #expect(try CodeGenerator(database: database, chunkSize: 128).run(campaignId: id) == .ready)
            #expect(try codes(database, campaign: id) == (100...999).map { "X\($0)" })
        }
    }

    @Test func aMaskThatRunsOut_FailsWithTheNumberItCouldWrite() throws {
        try withDatabase { database in
            let taken = try campaign(database, count: 5, mask: "Y<RAND:0:9>")
            #expect(try CodeGenerator(database: database).run(campaignId: taken) == .ready)
            let id = try campaign(database, count: 8, mask: "Y<RAND:0:9>")
            let outcome = try CodeGenerator(database: database).run(campaignId: id)
            let reason = "The mask's codes ran out: 5 of 8 codes are new to the shop."
            #expect(outcome == .failed(reason))
            let (state, generated, failure) = try status(database, campaign: id)
            #expect(state == "failed")
            #expect(generated == 5)
            #expect(failure == reason)
        }
    }

    @Test func aStoppedRun_ResumesWhereItsLastBatchEnded() throws {
        try withDatabase { database in
            let id = try campaign(database, count: 1_000, mask: "Q<RAND:0:99999>")
            var batches = 0
            let generator = CodeGenerator(database: database, chunkSize: 300)
            let first = try generator.run(campaignId: id, shouldStop: { batches == 2 }) { _ in batches += 1 }
            #expect(first == .stopped)
            #expect(try status(database, campaign: id).1 == 600)
            #expect(try generator.run(campaignId: id) == .ready)
            let written = try codes(database, campaign: id)
            #expect(written.count == 1_000)
            #expect(Set(written).count == 1_000)
        }
    }

    @Test func twoRunsOfOneCampaign_NeverWriteMoreThanItsCount() throws {
        try withDatabase { database in
            let id = try campaign(database, count: 5_000)
            let generator = CodeGenerator(database: database, chunkSize: 250)
            let outcomes = Locked<[CodeGenerator.Outcome]>([])
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                let outcome = (try? generator.run(campaignId: id)) ?? .abandoned
                outcomes.withLock { $0.append(outcome) }
            }
            #expect(outcomes.current.contains(.ready))
            #expect(try codes(database, campaign: id).count == 5_000)
        }
    }

    @Test func aCampaignDeletedMeanwhile_IsAbandoned() throws {
        try withDatabase { database in
            let id = try campaign(database, count: 1_000)
            let generator = CodeGenerator(database: database, chunkSize: 100)
            let outcome = try generator.run(
                campaignId: id,
                progress: { generated in
                    guard generated == 200 else { return }
                    _ = try? database.write { try $0.run("UPDATE campaigns SET status = 'failed' WHERE id = ?", id) }
                })
            #expect(outcome == .abandoned)
            #expect(try codes(database, campaign: id).count == 200)
        }
    }
}
