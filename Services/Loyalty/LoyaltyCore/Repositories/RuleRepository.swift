import Contract
import FoundationEssentials
import Glibc
import Store

/// Earning rules, stored as their JSON wire form beside the columns that select them.
enum RuleRepository {
    /// Filters of the rule list.
    struct Filter {
        var action: LoyaltyAction?
        var active: Bool?
    }

    /// The rule with `id`, or nil.
    static func find(_ id: Int64, in connection: Connection) throws -> LoyaltyRule? {
        guard let row = try connection.queryOne("SELECT id, definition FROM rules WHERE id = ?", id) else { return nil }
        return try rule(from: row)
    }

    /// Rules by id ascending after `afterId`, at most `limit`.
    static func list(_ filter: Filter, afterId: Int64?, limit: Int, in connection: Connection) throws -> [LoyaltyRule] {
        var sql = "SELECT id, definition FROM rules WHERE id > ?"
        var bindings: [any SQLBindable] = [afterId ?? 0]
        if let action = filter.action {
            sql += " AND action = ?"
            bindings.append(action.rawValue)
        }
        if let active = filter.active {
            sql += " AND active = ?"
            bindings.append(active)
        }
        sql += " ORDER BY id LIMIT ?"
        bindings.append(limit)
        return try connection.query(sql, bindings: bindings).map(rule(from:))
    }

    /// The active rules of the given actions, by id.
    static func active(_ actions: [LoyaltyAction], in connection: Connection) throws -> [LoyaltyRule] {
        let marks = Array(repeating: "?", count: actions.count).joined(separator: ", ")
        return try connection.query(
            "SELECT id, definition FROM rules WHERE active = 1 AND action IN (\(marks)) ORDER BY id",
            bindings: actions.map(\.rawValue)
        ).map(rule(from:))
    }

    /// Stores a new rule and returns it with its id.
    static func insert(_ rule: LoyaltyRule, at now: Date, in connection: Connection) throws -> LoyaltyRule {
        var stored = rule
        stored.id = nil
        try connection.run(
            "INSERT INTO rules (action, active, definition, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
            rule.action.rawValue, rule.active, try json(stored), now, now
        )
        stored.id = connection.lastInsertRowID
        return stored
    }

    /// Replaces rule `id`; false when there is no such rule.
    static func update(_ id: Int64, with rule: LoyaltyRule, at now: Date, in connection: Connection) throws -> Bool {
        var stored = rule
        stored.id = nil
        try connection.run(
            "UPDATE rules SET action = ?, active = ?, definition = ?, updated_at = ? WHERE id = ?",
            rule.action.rawValue, rule.active, try json(stored), now, id
        )
        return connection.changes == 1
    }

    /// Deletes rule `id`; false when there is no such rule. Orders already seen keep their awards.
    static func delete(_ id: Int64, in connection: Connection) throws -> Bool {
        try connection.run("DELETE FROM rules WHERE id = ?", id)
        return connection.changes == 1
    }

    private static func json(_ rule: LoyaltyRule) throws -> String {
        String(decoding: try JSONCoding.encode(rule), as: UTF8.self)
    }

    private static func rule(from row: Row) throws -> LoyaltyRule {
        var rule = try JSONCoding.decode(LoyaltyRule.self, from: Array(try row.get("definition", as: String.self).utf8))
        rule.id = try row.get("id")
        return rule
    }
}
