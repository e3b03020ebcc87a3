/// The conditions of a `WHERE` clause gathered with their values, for a query whose filters are
/// each optional: every condition is added with exactly the values its `?` take, so the clause
/// and its bindings cannot fall out of step.
///
/// ```swift
/// var conditions = SQLConditions("r.product_id = ?", productId)
/// conditions.add("r.rating = ?", ifPresent: rating)
/// if let from { conditions.add("r.created_at >= ?", from) }
/// try connection.query(
///     "SELECT … FROM reviews r \(conditions.whereClause) ORDER BY r.id DESC LIMIT ?",
///     bindings: conditions.bindings + [limit])
/// ```
public struct SQLConditions {
    public private(set) var clauses: [String] = []
    public private(set) var bindings: [any SQLBindable] = []

    /// No conditions yet.
    public init() {}

    /// Starts with `clause` and its values.
    public init(_ clause: String, _ values: any SQLBindable...) {
        add(clause, values)
    }

    /// Adds `clause`, whose `?` take `values` in order.
    public mutating func add(_ clause: String, _ values: any SQLBindable...) {
        add(clause, values)
    }

    /// Adds `clause` with its one `?` bound to `value`, when there is a value.
    public mutating func add<Value: SQLBindable>(_ clause: String, ifPresent value: Value?) {
        if let value { add(clause, [value]) }
    }

    /// The conditions joined by AND, to follow `WHERE`; `1` when there are none.
    public var joined: String { clauses.isEmpty ? "1" : clauses.joined(separator: " AND ") }

    /// `WHERE` and the conditions, or nothing when there are none.
    public var whereClause: String { clauses.isEmpty ? "" : "WHERE " + joined }

    private mutating func add(_ clause: String, _ values: [any SQLBindable]) {
        precondition(
            clause.filter { $0 == "?" }.count == values.count, "\(clause) takes as many values as it has placeholders")
        clauses.append(clause)
        bindings += values
    }
}
