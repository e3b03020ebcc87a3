import FoundationEssentials
import Store

/// Writes a campaign's codes in chunks of `chunkSize`, each chunk its own write transaction, so
/// other writes (validations, redemptions) run between chunks instead of waiting seconds.
///
/// Candidates are drawn a round at a time and sorted, and each chunk goes in through one
/// `INSERT OR IGNORE … SELECT FROM json_each(?)`: one statement and one binding per chunk, and
/// the unique index written in key order, a contiguous stretch of it per chunk. A candidate that
/// already exists anywhere in the shop is ignored by the index and made up for by later ones.
///
/// Each chunk commits with the campaign's `generated`; the round's last chunk also moves
/// `next_index` past the round. A restart therefore repeats at most the unfinished round: the
/// same candidates for a `<RAND>` mask (its permutation is saved), whose codes already written
/// are ignored as the campaign's own; fresh ones for random codes. A `<NUM>` mask's round is one
/// chunk, since its codes come out nearly sorted anyway and re-drawing their `<RAND>` parts
/// would give a number two codes.
struct CodeGenerator {
    let database: Database
    /// Codes per write transaction: about 50–90 ms of writing on this kind of machine.
    var chunkSize: Int64 = 50_000
    /// Candidates drawn and sorted at once (about 20 MB for a million 12-character codes).
    var roundSize: Int64 = 1_000_000

    /// How a run ended.
    enum Outcome: Equatable {
        /// Every code is written; the campaign is `ready`.
        case ready
        /// The source ran out of candidates first; the campaign is `failed` with the reason.
        case failed(String)
        /// `shouldStop` said so between chunks; the campaign stays `generating`.
        case stopped
        /// The campaign is gone, or is no longer `generating`, or another run moved it on.
        case abandoned
    }

    /// Generates until the campaign is ready or failed, checking `shouldStop` between chunks and
    /// reporting the codes written so far to `progress`.
    func run(
        campaignId: Int64, shouldStop: () -> Bool = { false }, progress: (Int64) -> Void = { _ in }
    ) throws -> Outcome {
        guard var state = try database.read({ try GenerationState.load(campaignId, in: $0) }) else {
            return .abandoned
        }
        let source = try state.source()
        let round: Int64
        if case .sequence = source { round = chunkSize } else { round = roundSize }
        while state.generated < state.count {
            let available = source.indexCount - state.nextIndex
            guard available > 0 else {
                let reason =
                    "The mask's codes ran out: \(state.generated) of \(state.count) codes are new to the shop."
                return try fail(campaignId, expected: state, reason: reason)
            }
            let take = min(round, state.count - state.generated, available)
            let batch = source.candidates(state.nextIndex..<(state.nextIndex + take))
            let order = batch.sortedUniqueOrder()
            let roundEnd = state.nextIndex + take
            var start = 0
            repeat {
                if shouldStop() { return .stopped }
                let end = min(start + Int(chunkSize), order.count)
                let json = batch.jsonArray(Array(order[start..<end]))
                let expected = state
                let isLast = end == order.count
                let next = try database.write { connection -> GenerationState? in
                    guard let current = try GenerationState.load(campaignId, in: connection),
                        current.isGenerating, current.generated == expected.generated,
                        current.nextIndex == expected.nextIndex
                    else { return nil }
                    try connection.run(
                        "INSERT OR IGNORE INTO codes (campaign_id, code) SELECT ?, value FROM json_each(?)",
                        campaignId, json)
                    var next = current
                    next.generated += Int64(connection.changes)
                    if isLast || next.generated == next.count { next.nextIndex = roundEnd }
                    try connection.run(
                        "UPDATE campaigns SET generated = ?, next_index = ?, status = ? WHERE id = ?",
                        next.generated, next.nextIndex, next.generated == next.count ? "ready" : "generating",
                        campaignId)
                    return next
                }
                guard let next else { return .abandoned }
                state = next
                progress(state.generated)
                start = end
            } while start < order.count && state.generated < state.count
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
}
