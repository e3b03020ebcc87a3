import Store
import Testing

@Suite struct SavepointTests {
    private func tags(in database: Database) throws -> [String] {
        try database.read { connection in
            try connection.query("SELECT tag FROM notes ORDER BY tag").map { try $0.get("tag", as: String.self) }
        }
    }

    private func withNotes(groupCommit: Bool, _ body: (Database) throws -> Void) throws {
        try withTemporaryDatabase(options: options(groupCommit: groupCommit)) { database in
            try database.migrate([Migration("001_notes", "CREATE TABLE notes(tag TEXT NOT NULL)")])
            try body(database)
        }
    }

    @Test(arguments: [true, false])
    func innerSavepointRollback_KeepsOuterWork(groupCommit: Bool) throws {
        try withNotes(groupCommit: groupCommit) { database in
            try database.write { connection in
                try connection.run("INSERT INTO notes(tag) VALUES (?)", "outer")
                try connection.savepoint {
                    try connection.run("INSERT INTO notes(tag) VALUES (?)", "middle")
                    do {
                        try connection.savepoint {
                            try connection.run("INSERT INTO notes(tag) VALUES (?)", "inner")
                            throw PlannedFailure(tag: 1)
                        }
                    } catch let failure as PlannedFailure {
                        #expect(failure.tag == 1)
                    }
                }
            }
            #expect(try tags(in: database) == ["middle", "outer"])
        }
    }

    @Test(arguments: [true, false])
    func outerSavepointRollback_UndoesNestedReleasedWork(groupCommit: Bool) throws {
        try withNotes(groupCommit: groupCommit) { database in
            try database.write { connection in
                try connection.run("INSERT INTO notes(tag) VALUES (?)", "kept")
                _ = try? connection.savepoint {
                    try connection.savepoint { try connection.run("INSERT INTO notes(tag) VALUES (?)", "released") }
                    throw PlannedFailure(tag: 2)
                }
            }
            #expect(try tags(in: database) == ["kept"])
        }
    }

    @Test(arguments: [true, false])
    func throwingWrite_RollsBackEverything_AndRethrows(groupCommit: Bool) throws {
        try withNotes(groupCommit: groupCommit) { database throws in
            #expect(throws: PlannedFailure(tag: 3)) {
                try database.write { connection in
                    try connection.run("INSERT INTO notes(tag) VALUES (?)", "lost")
                    throw PlannedFailure(tag: 3)
                }
            }
            #expect(try tags(in: database) == [])
            #expect(database.statistics.failedWrites == 1)
        }
    }

    @Test func savepoint_ReturnsTheBodysValue() throws {
        try withNotes(groupCommit: true) { database in
            let count = try database.write { connection in
                try connection.savepoint {
                    try connection.run("INSERT INTO notes(tag) VALUES (?)", "a")
                    return connection.changes
                }
            }
            #expect(count == 1)
        }
    }
}
