import Foundation
import Store
import Testing

@Suite struct SQLConditionsTests {
    @Test func theFiltersGiven_AreJoinedWithTheirValuesInOrder_AndTheMissingOnesLeftOut() throws {
        try withTemporaryDatabase { database in
            try database.write { connection in
                try connection.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, kind TEXT, size INTEGER)")
                for (id, kind, size) in [(1, "a", 5), (2, "a", 9), (3, "b", 9), (4, "a", 12)] {
                    try connection.run("INSERT INTO items VALUES (?, ?, ?)", id, kind, size)
                }
            }
            func ids(kind: String?, minimum: Int?, range: ClosedRange<Int>?) throws -> [Int64] {
                var conditions = SQLConditions()
                conditions.add("kind = ?", ifPresent: kind)
                conditions.add("size >= ?", ifPresent: minimum)
                if let range { conditions.add("size BETWEEN ? AND ?", range.lowerBound, range.upperBound) }
                return try database.read { connection in
                    try connection.query(
                        "SELECT id FROM items \(conditions.whereClause) ORDER BY id LIMIT ?",
                        bindings: conditions.bindings + [10]
                    ).map { try $0.get("id") }
                }
            }
            #expect(try ids(kind: nil, minimum: nil, range: nil) == [1, 2, 3, 4])
            #expect(try ids(kind: "a", minimum: nil, range: nil) == [1, 2, 4])
            #expect(try ids(kind: "a", minimum: 9, range: nil) == [2, 4])
            #expect(try ids(kind: nil, minimum: nil, range: 6...10) == [2, 3])
            #expect(try ids(kind: "a", minimum: 6, range: 6...10) == [2])
        }
    }

    @Test func noConditions_GiveNoWhereClause_AndAnAlwaysTrueJoin() {
        let conditions = SQLConditions()
        #expect(conditions.whereClause == "")
        #expect(conditions.joined == "1")
        #expect(SQLConditions("a = ?", 1).whereClause == "WHERE a = ?")
    }
}
