import Contract
import FoundationEssentials
import Store

/// The SQL of the `campaigns` table for the admin's screens. A campaign marked deleted
/// (`deleted_at`) is invisible here: only the background job still sees it, to remove its codes.
enum CampaignRepository {
    /// Inserts a `generating` campaign; returns its id. `permutationKeys` are the round keys of a
    /// `<RAND>`-only mask's key permutation (see `CodeSource`).
    static func insert(
        _ input: CampaignInput, name: String, permutationKeys: [UInt8]?, at now: Date, in connection: Connection
    ) throws -> Int64 {
        try connection.run(
            """
            INSERT INTO campaigns (name, name_key, kind, code_count, valid_from, valid_to, discount_type,
                discount_value, min_order_value, points_price, currency, mask, status, permutation_keys, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'generating', ?, ?)
            """, name, CampaignRecord.nameKey(name), input.kind.rawValue, input.count, input.validFrom, input.validTo,
            input.discount.type.rawValue, input.discount.value, input.minOrderValue, input.pointsPrice,
            input.currency, input.mask, permutationKeys, now)
        return connection.lastInsertRowID
    }

    /// The campaign, unless there is none or it was deleted.
    static func find(_ id: Int64, in connection: Connection) throws -> CampaignRecord? {
        try connection.queryOne(
            "SELECT \(CampaignRecord.columns) FROM campaigns WHERE id = ? AND deleted_at IS NULL", id
        ).map(CampaignRecord.init(row:))
    }

    /// What the campaign search asks for.
    struct Search {
        /// Any part of the name, any letter case.
        var name: String?
        var time: CampaignTime = .all
        /// The id of the last campaign of the previous page (newest first).
        var beforeId: Int64?
        var limit: Int
    }

    /// Campaigns matching `search`, newest first (ids grow with creation).
    static func search(_ search: Search, now: Date, in connection: Connection) throws -> [CampaignRecord] {
        var conditions = SQLConditions("deleted_at IS NULL")
        switch search.time {
        case .all:
            conditions.add("archived_at IS NULL")
        case .archived:
            conditions.add("archived_at IS NOT NULL")
        case .current:
            conditions.add(
                "archived_at IS NULL AND (valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to >= ?)",
                now, now)
        case .historical:
            conditions.add("archived_at IS NULL AND valid_to < ?", now)
        }
        if let name = search.name, !name.isEmpty {
            // `\` escapes LIKE's own wildcards, so "50%_off" finds that text and nothing else.
            conditions.add("name_key LIKE ? ESCAPE '\\'", "%" + likeEscaped(CampaignRecord.nameKey(name)) + "%")
        }
        conditions.add("id < ?", ifPresent: search.beforeId)
        return try connection.query(
            """
            SELECT \(CampaignRecord.columns) FROM campaigns
            \(conditions.whereClause) ORDER BY id DESC LIMIT ?
            """, bindings: conditions.bindings + [search.limit]
        ).map(CampaignRecord.init(row:))
    }

    /// `text` with LIKE's wildcards `%`, `_` and the escape `\` itself escaped by `\`.
    static func likeEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// Renames the campaign; false when there is none.
    static func rename(_ id: Int64, to name: String, in connection: Connection) throws -> Bool {
        try connection.run(
            "UPDATE campaigns SET name = ?, name_key = ? WHERE id = ? AND deleted_at IS NULL", name,
            CampaignRecord.nameKey(name), id)
        return connection.changes == 1
    }

    /// Whether any order ever used one of the campaign's codes (released redemptions count:
    /// they are history too).
    static func hasRedemptions(_ id: Int64, in connection: Connection) throws -> Bool {
        try connection.queryOne("SELECT 1 FROM redemptions WHERE campaign_id = ? LIMIT 1", id) != nil
    }

    /// Archives the campaign: its codes stop working, its rows stay. Its status leaves `ready`
    /// too, so whatever asks whether its codes can be used (`status = 'ready'`) refuses them
    /// whether or not it reads `archived_at`; a generation still running stops at its next chunk
    /// (it finds the campaign no longer `generating`).
    static func archive(_ id: Int64, at now: Date, in connection: Connection) throws {
        try connection.run(
            """
            UPDATE campaigns SET archived_at = coalesce(archived_at, ?), status = 'failed',
                failure = CASE status WHEN 'generating' THEN 'Archived while its codes were generated.'
                    ELSE failure END
            WHERE id = ?
            """, now, id)
    }

    /// Marks the campaign deleted: gone for every reader, its codes left to the background job.
    /// As with `archive`, its status leaves `ready` (its codes stop working at once, before they
    /// are removed) and a generation still running stops at its next chunk.
    static func markDeleted(_ id: Int64, at now: Date, in connection: Connection) throws {
        try connection.run(
            "UPDATE campaigns SET deleted_at = ?, status = 'failed', failure = 'Deleted.' WHERE id = ?", now, id)
    }

    /// The oldest campaign still `generating`, for the background job.
    static func nextGenerating(in connection: Connection) throws -> Int64? {
        try connection.scalar(
            "SELECT id FROM campaigns WHERE status = 'generating' AND deleted_at IS NULL ORDER BY id LIMIT 1",
            bindings: [], as: Int64.self)
    }

    /// A campaign marked deleted whose rows are still there, for the background job.
    static func nextDeleted(in connection: Connection) throws -> Int64? {
        try connection.scalar(
            "SELECT id FROM campaigns WHERE deleted_at IS NOT NULL ORDER BY id LIMIT 1", bindings: [], as: Int64.self)
    }
}
