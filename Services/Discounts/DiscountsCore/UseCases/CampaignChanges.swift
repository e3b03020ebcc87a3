import Contract
import FoundationEssentials
import Store

/// The admin's changes to a campaign after it was created: its name, its deletion (or archiving,
/// once its codes were used) and switching its codes on or off.
enum CampaignChanges {
    /// What a delete did.
    enum Deletion {
        /// Gone for every reader; the background job removes its codes in chunks.
        case deleted
        /// Kept with its codes, redemptions and statistics; its codes no longer work.
        case archived
    }

    /// The renamed campaign, or nil when there is none.
    static func rename(_ id: Int64, to name: String, in connection: Connection) throws -> CampaignRecord? {
        guard try CampaignRepository.rename(id, to: name.trimmed(), in: connection) else { return nil }
        return try CampaignRepository.find(id, in: connection)
    }

    /// Deletes a campaign none of whose codes was ever redeemed, archives one with redemptions
    /// (released ones too: they are history); nil when there is no such campaign. A generation
    /// still running stops at its next chunk either way.
    static func delete(_ id: Int64, at now: Date, in connection: Connection) throws -> Deletion? {
        guard let record = try CampaignRepository.find(id, in: connection) else { return nil }
        if record.archivedAt != nil { return .archived }
        if try CampaignRepository.hasRedemptions(id, in: connection) {
            try CampaignRepository.archive(id, at: now, in: connection)
            return .archived
        }
        try CampaignRepository.markDeleted(id, at: now, in: connection)
        return .deleted
    }

    /// Switches the listed codes (in any letter case) in one transaction, or with `all` every code
    /// of the campaign, `chunk` codes per transaction so the writer is never held for long.
    static func activate(
        _ input: CodeActivationRequest, campaignId id: Int64, chunk: Int, database: Database
    ) throws -> CodeActivationResult {
        guard let listed = input.codes else {
            var changed: Int64 = 0
            var after: String?
            repeat {
                let step = try database.write { connection in
                    try CampaignCodeRepository.setActive(
                        input.active, campaignId: id, afterCode: after, chunk: chunk, in: connection)
                }
                changed += step.changed
                after = step.lastCode
            } while after != nil
            return CodeActivationResult(changed: changed, notFound: [])
        }
        // Codes are stored upper-case; a customer's or admin's lower-case copy names the same code.
        let codes = listed.map(\.normalised)
        let (changed, missing) = try database.write { connection in
            (
                try CampaignCodeRepository.setActive(input.active, codes: codes, campaignId: id, in: connection),
                try CampaignCodeRepository.missing(codes, campaignId: id, in: connection)
            )
        }
        return CodeActivationResult(
            changed: changed, notFound: listed.filter { missing.contains($0.normalised) })
    }
}
