import Contract
import FoundationEssentials
import Glibc
import Store

/// The rewards catalogue.
enum RewardRepository {
    /// The reward for `productId`, or nil.
    static func find(_ productId: String, in connection: Connection) throws -> RewardRecord? {
        try connection.queryOne("SELECT * FROM rewards WHERE product_id = ?", productId).map(record(from:))
    }

    /// The rewards for the given products, by product id.
    static func find(_ productIds: [String], in connection: Connection) throws -> [String: RewardRecord] {
        guard !productIds.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: productIds.count).joined(separator: ", ")
        let records = try connection.query(
            "SELECT * FROM rewards WHERE product_id IN (\(marks))", bindings: productIds
        ).map(record(from:))
        return Dictionary(records.map { ($0.productId, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Rewards by product id after `afterProductId`, optionally only active ones or one category.
    static func list(
        afterProductId: String?, active: Bool?, category: String?, limit: Int, in connection: Connection
    ) throws -> [RewardRecord] {
        var sql = "SELECT * FROM rewards WHERE product_id > ?"
        var bindings: [any SQLBindable] = [afterProductId ?? ""]
        if let active {
            sql += " AND active = ?"
            bindings.append(active)
        }
        if let category {
            sql += " AND category = ?"
            bindings.append(category)
        }
        sql += " ORDER BY product_id LIMIT ?"
        bindings.append(limit)
        return try connection.query(sql, bindings: bindings).map(record(from:))
    }

    /// Inserts or replaces a reward; true when it was new. `createdAt` survives a replace.
    @discardableResult
    static func upsert(_ input: RewardInput, productId: String, at now: Date, in connection: Connection) throws -> Bool
    {
        let existed = try connection.queryOne("SELECT 1 FROM rewards WHERE product_id = ?", productId) != nil
        try connection.run(
            """
            INSERT INTO rewards (product_id, name, category, money_price, currency, manual_points, active, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(product_id) DO UPDATE SET name = excluded.name, category = excluded.category,
                money_price = excluded.money_price, currency = excluded.currency,
                manual_points = excluded.manual_points, active = excluded.active, updated_at = excluded.updated_at
            """,
            productId, input.name, input.category, input.moneyPrice, input.currency, input.pointsPrice,
            input.active ?? true, now, now
        )
        return !existed
    }

    /// Removes a reward; false when there was none. Exchange orders keep their own copy.
    static func delete(_ productId: String, in connection: Connection) throws -> Bool {
        try connection.run("DELETE FROM rewards WHERE product_id = ?", productId)
        return connection.changes == 1
    }

    private static func record(from row: Row) throws -> RewardRecord {
        RewardRecord(
            productId: try row.get("product_id"), name: try row.get("name"), category: try row.get("category"),
            moneyPrice: try row.get("money_price"), currency: try row.get("currency"),
            manualPoints: try row.get("manual_points"), active: try row.get("active"),
            createdAt: try row.get("created_at"), updatedAt: try row.get("updated_at")
        )
    }
}
