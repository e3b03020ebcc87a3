/// A row the same transaction has just written cannot be read back: the database broke its
/// promise. Thrown by repositories that read a row back after inserting it (to answer it as
/// stored, times in whole milliseconds), where a missing row can only be a fault.
public struct RowVanished: Error, CustomStringConvertible {
    public let table: String
    public let id: Int64

    /// The row `id` of `table`.
    public init(table: String, id: Int64) {
        self.table = table
        self.id = id
    }

    public var description: String { "Row \(id) of \(table), written in this transaction, cannot be read back." }
}
