import Contract
import FoundationEssentials
import Store

/// A code as checkout sees it: its row, its campaign's terms and its state.
struct CheckoutCode: Sendable, Equatable {
    let id: Int64
    /// As stored: upper case.
    let code: String
    let campaignId: Int64
    let terms: CodeEligibility.Terms
    let state: CodeEligibility.CodeState

    /// Whether the code serves one order at a time (single-use and assigned codes): the
    /// `exclusive` flag of its redemptions, which the partial unique index reads.
    var isExclusive: Bool { terms.kind != .multiUse }
}

/// Reads codes with their campaign's terms for validation and redemption.
enum CheckoutCodeRepository {
    /// The code stored as `normalised` (upper case), or nil when the shop has no such code (a
    /// deleted campaign's codes are gone at once, while the job removes their rows).
    static func find(_ normalised: String, in connection: Connection) throws -> CheckoutCode? {
        guard
            let row = try connection.queryOne(
                """
                SELECT c.id, c.code, c.campaign_id, c.active, c.customer_id, c.use_count,
                    k.kind, k.valid_from, k.valid_to, k.discount_type, k.discount_value, k.min_order_value,
                    k.currency, k.status, k.archived_at
                FROM codes c JOIN campaigns k ON k.id = c.campaign_id
                WHERE c.code = ? AND k.deleted_at IS NULL
                """, normalised)
        else { return nil }
        let kindText: String = try row.get("kind")
        let status: String = try row.get("status")
        let archivedAt: Date? = try row.get("archived_at")
        let terms = CodeEligibility.Terms(
            kind: CampaignKind(rawValue: kindText) ?? .singleUse,
            validFrom: try row.get("valid_from"), validTo: try row.get("valid_to"),
            rule: try rule(type: try row.get("discount_type"), value: try row.get("discount_value")),
            minOrderValue: try row.get("min_order_value"), currency: try row.get("currency"),
            // An archived campaign's codes stop working; its history stays.
            isReady: status == CampaignStatus.ready.rawValue && archivedAt == nil)
        let state = CodeEligibility.CodeState(
            active: try row.get("active", as: Int64.self) == 1, customerId: try row.get("customer_id"),
            uses: try row.get("use_count"))
        return CheckoutCode(
            id: try row.get("id"), code: try row.get("code"), campaignId: try row.get("campaign_id"), terms: terms,
            state: state)
    }

    /// The rule of a campaign row's `discount_type` and `discount_value`.
    static func rule(type: String, value: Int64?) throws -> DiscountRule {
        switch (CampaignDiscount.Kind(rawValue: type), value) {
        case (.percent, let value?): return .percent(value)
        case (.amount, let value?): return .amount(value)
        case (.freeShipping, _): return .freeShipping
        default: throw CampaignRowError("campaign discount \(type) has no usable value")
        }
    }

    /// Counts one more live redemption of the code; the campaign's used count grows when this is
    /// the code's first (0 → 1).
    static func countUse(_ code: CheckoutCode, in connection: Connection) throws {
        try connection.run("UPDATE codes SET use_count = use_count + 1 WHERE id = ?", code.id)
        if code.state.uses == 0 {
            try connection.run("UPDATE campaigns SET used_count = used_count + 1 WHERE id = ?", code.campaignId)
        }
    }

    /// Counts one live redemption less; the campaign's used count shrinks when it was the code's
    /// last (1 → 0).
    static func countRelease(codeId: Int64, campaignId: Int64, in connection: Connection) throws {
        try connection.run("UPDATE codes SET use_count = use_count - 1 WHERE id = ? AND use_count > 0", codeId)
        let left = try connection.scalar("SELECT use_count FROM codes WHERE id = ?", codeId, as: Int64.self)
        if left == 0 {
            try connection.run(
                "UPDATE campaigns SET used_count = used_count - 1 WHERE id = ? AND used_count > 0", campaignId)
        }
    }
}
