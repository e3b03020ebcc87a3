import Foundation
import Store
import Testing

/// Uses every Connection entry point the way service code will, including type inference.
@Suite struct ConnectionAPITests {
    private func withItems(_ body: (Database) throws -> Void) throws {
        try withTemporaryDatabase { database in
            try database.migrate([
                Migration("001_items", "CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT NOT NULL, note TEXT)")
            ])
            try body(database)
        }
    }

    @Test func arrayAndVariadicBindings_WorkAlike() throws {
        try withItems { database in
            let note: String? = nil
            let ids = try database.write { connection -> [Int64] in
                try connection.run("INSERT INTO items(name, note) VALUES (?, ?)", "first", note)
                let first = connection.lastInsertRowID
                try connection.run("INSERT INTO items(name, note) VALUES (?, ?)", bindings: ["second", "with note"])
                #expect(connection.changes == 1)
                return [first, connection.lastInsertRowID]
            }
            #expect(ids == [1, 2])
            try database.read { connection in
                let named: String? = try connection.scalar("SELECT name FROM items WHERE id = ?", ids[1])
                #expect(named == "second")
                let counted = try connection.scalar(
                    "SELECT count(*) FROM items WHERE id > ?", bindings: [0], as: Int.self)
                #expect(counted == 2)
                let missing = try connection.queryOne("SELECT name FROM items WHERE id = ?", bindings: [99])
                #expect(missing == nil)
                let rows = try connection.query(
                    "SELECT id, note FROM items WHERE id IN (?, ?) ORDER BY id", bindings: ids)
                let notes: [String?] = try rows.map { try $0.get("note") }
                #expect(notes == [nil, "with note"])
            }
        }
    }

    @Test func forEachRow_StreamsRows_AndStopsOnAThrow() throws {
        try withItems { database in
            try database.write { connection in
                for index in 0..<10 { try connection.run("INSERT INTO items(name) VALUES (?)", "item \(index)") }
            }
            let seen = try database.read { connection -> Int in
                var seen = 0
                do {
                    try connection.forEachRow("SELECT id FROM items ORDER BY id", bindings: []) { row in
                        let id: Int64 = try row.get(0)
                        seen += 1
                        if id == 4 { throw PlannedFailure(tag: 4) }
                    }
                } catch is PlannedFailure {}
                // The statement was reset: the same SQL runs again from the start.
                #expect(try connection.query("SELECT id FROM items ORDER BY id").count == 10)
                return seen
            }
            #expect(seen == 4)
        }
    }

    @Test func scalar_IsNil_ForNoRowAndForNULL() throws {
        try withItems { database in
            try database.read { connection throws in
                #expect(try connection.scalar("SELECT max(id) FROM items", as: Int64.self) == nil)
                #expect(try connection.scalar("SELECT id FROM items", as: Int64.self) == nil)
            }
        }
    }

    @Test func statistics_CountReadsWritesAndTime() throws {
        try withItems { database in
            try database.write { try $0.run("INSERT INTO items(name) VALUES (?)", "x") }
            _ = try? database.read { _ in throw PlannedFailure(tag: 0) }
            _ = try database.read { try $0.query("SELECT * FROM items") }
            let statistics = database.statistics
            #expect(statistics.writes == 1)
            #expect(statistics.commits == 1)
            #expect(statistics.reads == 2)
            #expect(statistics.failedReads == 1)
            #expect(statistics.readSeconds > 0)
            #expect(statistics.writeSeconds > 0)
            #expect(statistics.queuedWrites == 0)
        }
    }
}
