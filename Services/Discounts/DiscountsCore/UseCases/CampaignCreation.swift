import Contract
import FoundationEssentials
import HTTP
import ServiceKit
import Store

/// Creating a campaign: its input checked, its mask parsed and measured against the shop's
/// codes, and its row written as `generating` for the background job. Nothing is written when
/// any check fails.
enum CampaignCreation {
    /// The campaign, created; throws `ValidationFailure`, `CodeMaskError` or `MaskTooSmall`.
    static func create(_ input: CampaignInput, database: Database, now: Date) throws -> CampaignRecord {
        try ValidationFailure.check(input.validate())
        let mask = try input.mask.map { text throws(CodeMaskError) in try CodeMask.parse(text) }
        if let mask {
            let availability = try database.read { connection in
                try MaskAvailability.of(mask, count: input.count, exact: false, in: connection)
            }
            guard availability.available >= input.count else {
                throw MaskTooSmall(available: availability.available, requested: input.count)
            }
        }
        var keys: [UInt8]?
        if case .keyed(_, let permutation) = CodeSource.new(mask: mask) {
            keys = GenerationState.bytes(permutation.roundKeys)
        }
        let name = input.name.trimmed()
        return try database.write { connection in
            let id = try CampaignRepository.insert(input, name: name, permutationKeys: keys, at: now, in: connection)
            guard let record = try CampaignRepository.find(id, in: connection) else {
                throw HTTPError(.internalServerError, code: "internal_error", message: "The campaign was not written.")
            }
            return record
        }
    }

    /// What `POST /campaigns/preview` shows: the first codes of the mask (random parts drawn for
    /// the preview), what it can give, and whether `count` fit.
    static func preview(_ request: MaskPreviewRequest, database: Database) throws -> MaskPreview {
        try ValidationFailure.check(request.validate())
        let mask = try CodeMask.parse(request.mask)
        let availability = try database.read { connection in
            try MaskAvailability.of(mask, count: request.count, exact: true, in: connection)
        }
        let shown = min(Int64(MaskPreviewRequest.shownCodes), request.count, availability.capacity)
        let batch = CodeSource.new(mask: mask).candidates(0..<max(shown, 0))
        return MaskPreview(
            codes: (0..<batch.count).map(batch.code), keySpace: availability.capacity,
            available: availability.available, enough: availability.available >= request.count)
    }
}
