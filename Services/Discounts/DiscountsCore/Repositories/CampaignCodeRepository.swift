import Contract
import FoundationEssentials
import Store

/// The SQL of a campaign's codes for the admin: listed and exported in code order through
/// `codes_by_campaign (campaign_id, code)`, each with its latest live redemption; switched on and
/// off; removed in chunks; and counted by a mask's shape.
enum CampaignCodeRepository {
    /// The filters of the codes list.
    struct Filter {
        var used: Bool?
        var active: Bool?
        var customerId: String?
        /// Normalised already (`DiscountCode.normalise`).
        var prefix: String?
    }

    /// Up to `limit` codes of the campaign after `afterCode`, in code order.
    static func page(
        campaignId: Int64, filter: Filter = Filter(), afterCode: String?, limit: Int, in connection: Connection
    ) throws -> [CampaignCode] {
        var conditions = SQLConditions("c.campaign_id = ?", campaignId)
        conditions.add("c.code > ?", ifPresent: afterCode)
        if let prefix = filter.prefix, !prefix.isEmpty {
            // Codes are ASCII below 0x7F, so every code starting with the prefix sorts in
            // [prefix, prefix + U+007F): a range of the index, not a scan.
            conditions.add("c.code >= ? AND c.code < ?", prefix, prefix + "\u{7F}")
        }
        if let used = filter.used { conditions.add(used ? "c.use_count > 0" : "c.use_count = 0") }
        conditions.add("c.active = ?", ifPresent: filter.active)
        conditions.add("c.customer_id = ?", ifPresent: filter.customerId)
        // The latest live redemption is the one with the highest id among the code's unreleased
        // ones (`redemptions_by_code` gives them in id order).
        return try connection.query(
            """
            SELECT c.code, c.active, c.customer_id, c.use_count, r.order_number, r.created_at
            FROM codes c INDEXED BY codes_by_campaign
            LEFT JOIN redemptions r ON r.id = (
                SELECT max(id) FROM redemptions WHERE code_id = c.id AND released_at IS NULL)
            \(conditions.whereClause) ORDER BY c.code LIMIT ?
            """, bindings: conditions.bindings + [limit]
        ).map { row in
            CampaignCode(
                code: try DiscountCode(validating: try row.get("code")), active: try row.get("active"),
                customerId: try row.get("customer_id", as: String?.self).map { try CustomerId(validating: $0) },
                orderNumber: try row.get("order_number", as: String?.self).map { try OrderNumber(validating: $0) },
                usedAt: try row.get("created_at"), uses: try row.get("use_count"))
        }
    }

    /// The listed codes that are not the campaign's.
    static func missing(_ codes: [String], campaignId: Int64, in connection: Connection) throws -> [String] {
        let found = Set(
            try connection.query(
                "SELECT code FROM codes WHERE campaign_id = ? AND code IN (SELECT value FROM json_each(?))",
                campaignId, try jsonArray(codes)
            ).map { try $0.get("code", as: String.self) })
        return codes.filter { !found.contains($0) }
    }

    /// Switches the listed codes of the campaign; returns how many changed.
    static func setActive(_ active: Bool, codes: [String], campaignId: Int64, in connection: Connection) throws
        -> Int64
    {
        try connection.run(
            """
            UPDATE codes SET active = ?
            WHERE campaign_id = ? AND code IN (SELECT value FROM json_each(?)) AND active != ?
            """, active, campaignId, try jsonArray(codes), active)
        return Int64(connection.changes)
    }

    /// `codes` as one JSON array, bound once for `json_each` instead of a statement per code.
    private static func jsonArray(_ codes: [String]) throws -> String {
        String(decoding: try JSONCoding.encode(codes), as: UTF8.self)
    }

    /// Switches the campaign's codes after `afterCode` (nil: from the first), at most `chunk` of
    /// them; returns how many changed and the last code the chunk covered (nil: it reached the end).
    static func setActive(
        _ active: Bool, campaignId: Int64, afterCode: String?, chunk: Int, in connection: Connection
    ) throws -> (changed: Int64, lastCode: String?) {
        let after = afterCode ?? ""
        let last = try connection.scalar(
            "SELECT code FROM codes WHERE campaign_id = ? AND code > ? ORDER BY code LIMIT 1 OFFSET ?", campaignId,
            after, chunk - 1, as: String.self)
        if let last {
            try connection.run(
                "UPDATE codes SET active = ? WHERE campaign_id = ? AND code > ? AND code <= ? AND active != ?", active,
                campaignId, after, last, active)
        } else {
            try connection.run(
                "UPDATE codes SET active = ? WHERE campaign_id = ? AND code > ? AND active != ?", active, campaignId,
                after, active)
        }
        return (Int64(connection.changes), last)
    }

    /// Removes up to `chunk` of the campaign's codes (with any redemption that slipped in after
    /// the campaign was deleted); returns how many went.
    static func purge(campaignId: Int64, chunk: Int, in connection: Connection) throws -> Int {
        let chosen = "SELECT id FROM codes WHERE campaign_id = ? LIMIT ?"
        try connection.run("DELETE FROM redemptions WHERE code_id IN (\(chosen))", campaignId, chunk)
        try connection.run("DELETE FROM codes WHERE id IN (\(chosen))", campaignId, chunk)
        return connection.changes
    }

    /// How many of the shop's codes have the mask's shape: an upper bound of its codes taken.
    static func countMatching(_ mask: CodeMask, in connection: Connection) throws -> Int64 {
        let prefix = mask.literalPrefix
        guard !prefix.isEmpty else {
            return try connection.scalar(
                "SELECT count(*) FROM codes WHERE code GLOB ?", mask.shapePattern, as: Int64.self) ?? 0
        }
        return try connection.scalar(
            "SELECT count(*) FROM codes WHERE code >= ? AND code < ? AND code GLOB ?", prefix, prefix + "\u{7F}",
            mask.shapePattern, as: Int64.self) ?? 0
    }

    /// More than the number of codes in the shop, read in constant time: the largest rowid.
    static func codesUpperBound(in connection: Connection) throws -> Int64 {
        try connection.scalar("SELECT max(id) FROM codes", bindings: [], as: Int64.self) ?? 0
    }
}
