import FoundationEssentials
import Store

/// Writes a campaign's codes in batches of `batchSize`, each batch its own write transaction, so
/// other writes (validations, redemptions) run between batches instead of waiting seconds.
///
/// A batch's candidates are sorted and go in through one `INSERT OR IGNORE … SELECT FROM
/// json_each(?)`: one statement and one binding per batch, and index writes in key order. A
/// candidate that already exists anywhere in the shop is ignored by the UNIQUE index and made up
/// for by later candidates. The batch commits together with the campaign's `generated` and
/// `next_index`, so a restart resumes exactly where the last batch ended.
struct CodeGenerator {
    let database: Database
    /// Candidates per batch: about 50–90 ms of writing on this kind of machine.
    var batchSize: Int64 = 50_000

    /// How a run ended.
    enum Outcome: Equatable {
        /// Every code is written; the campaign is `ready`.
        case ready
        /// The source ran out of candidates first; the campaign is `failed` with the reason.
        case failed(String)
        /// `shouldStop` said so between batches; the campaign stays `generating`.
        case stopped
        /// The campaign is gone, or is no longer `generating`, or another run moved it on.
        case abandoned
    }

    /// Generates until the campaign is ready or failed, checking `shouldStop` between batches and
    /// reporting the codes written so far to `progress`.
    func run(
        campaignId: Int64, shouldStop: () -> Bool = { false }, progress: (Int64) -> Void = { _ in }
    ) throws -> Outcome {
        guard var state = try database.read({ try GenerationState.load(campaignId, in: $0) }) else {
            return .abandoned
        }
        let source = try state.source()
        while state.generated < state.count {
            if shouldStop() { return .stopped }
            let missing = state.count - state.generated
            let available = source.indexCount - state.nextIndex
            guard available > 0 else {
                let reason =
                    "The mask's codes ran out: \(state.generated) of \(state.count) codes are new to the shop."
                return try fail(campaignId, expected: state, reason: reason)
            }
            let take = min(batchSize, missing, available)
            let json = Self.jsonArray(source.candidates(state.nextIndex..<(state.nextIndex + take)))
            let before = state
            let after = try database.write { connection -> GenerationState? in
                guard let current = try GenerationState.load(campaignId, in: connection),
                    current.isGenerating, current.generated == before.generated,
                    current.nextIndex == before.nextIndex
                else { return nil }
                try connection.run(
                    "INSERT OR IGNORE INTO codes (campaign_id, code) SELECT ?, value FROM json_each(?)",
                    campaignId, json)
                var next = current
                next.generated += Int64(connection.changes)
                next.nextIndex += take
                try connection.run(
                    "UPDATE campaigns SET generated = ?, next_index = ?, status = ? WHERE id = ?",
                    next.generated, next.nextIndex, next.generated == next.count ? "ready" : "generating",
                    campaignId)
                return next
            }
            guard let after else { return .abandoned }
            state = after
            progress(state.generated)
        }
        return .ready
    }

    private func fail(_ campaignId: Int64, expected: GenerationState, reason: String) throws -> Outcome {
        let failed = try database.write { connection -> Bool in
            try connection.run(
                "UPDATE campaigns SET status = 'failed', failure = ? WHERE id = ? AND status = 'generating' AND generated = ?",
                reason, campaignId, expected.generated)
            return connection.changes == 1
        }
        return failed ? .failed(reason) : .abandoned
    }

    /// `["CODE1","CODE2",…]`: codes hold only A–Z, 0–9, `-` and `_`, so nothing needs escaping.
    static func jsonArray(_ codes: [[UInt8]]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        bytes.reserveCapacity(codes.count * (codes.first?.count ?? 12) + codes.count * 3 + 2)
        for (position, code) in codes.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: code)
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }
}
