import Store
import Testing

@Suite struct SQLiteErrorTests {
    private let schema = Migration(
        "001_customers",
        """
        CREATE TABLE customers(id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE);
        CREATE TABLE codes(code TEXT PRIMARY KEY NOT NULL);
        """)

    private func insertCustomer(_ email: String, into database: Database) throws {
        try database.write { try $0.run("INSERT INTO customers(email) VALUES (?)", email) }
    }

    @Test func uniqueViolation_IsCaught_ByThePattern() throws {
        try withTemporaryDatabase { database in
            try database.migrate([schema])
            try insertCustomer("ala@example.com", into: database)
            var caught = false
            do {
                try insertCustomer("ala@example.com", into: database)
            } catch SQLiteError.constraintUnique {
                caught = true
            }
            #expect(caught)
        }
    }

    @Test func uniqueViolation_IsCaught_WithIsUniqueViolation() throws {
        try withTemporaryDatabase { database in
            try database.migrate([schema])
            try insertCustomer("ola@example.com", into: database)
            var caught: SQLiteError?
            do {
                try insertCustomer("ola@example.com", into: database)
            } catch let error as SQLiteError where error.isUniqueViolation {
                caught = error
            }
            #expect(caught?.isConstraintViolation == true)
            #expect(caught?.isBusy == false)
        }
    }

    @Test func duplicatePrimaryKey_CountsAsUniqueViolation() throws {
        try withTemporaryDatabase { database in
            try database.migrate([schema])
            try database.write { try $0.run("INSERT INTO codes(code) VALUES (?)", "SPRING24") }
            let error = try #require(throws: SQLiteError.self) {
                try database.write { try $0.run("INSERT INTO codes(code) VALUES (?)", "SPRING24") }
            }
            #expect(error.isUniqueViolation)
            #expect(SQLiteError.constraintPrimaryKey ~= error)
        }
    }

    @Test func notNullViolation_IsAConstraintViolation_ButNotUnique() throws {
        try withTemporaryDatabase { database in
            try database.migrate([schema])
            let error = try #require(throws: SQLiteError.self) {
                try database.write { try $0.run("INSERT INTO customers(email) VALUES (?)", String?.none) }
            }
            #expect(error.isConstraintViolation)
            #expect(!error.isUniqueViolation)
            switch error {
            case SQLiteError.constraintNotNull: break
            default: Issue.record("expected a NOT NULL violation, got \(error)")
            }
        }
    }

    @Test func description_ContainsTheSQL_ButNotTheBoundValues() throws {
        try withTemporaryDatabase { database in
            try database.migrate([schema])
            try insertCustomer("very-private@example.com", into: database)
            let error = try #require(throws: SQLiteError.self) {
                try insertCustomer("very-private@example.com", into: database)
            }
            #expect(error.description.contains("INSERT INTO customers(email) VALUES (?)"))
            #expect(error.description.contains("UNIQUE"))
            #expect(!error.description.contains("very-private"))
            #expect(!"\(error)".contains("very-private"))
        }
    }

    @Test func wrongNumberOfBindings_Throws() throws {
        try withTemporaryDatabase { database in
            try database.migrate([schema])
            #expect(throws: SQLiteError.self) {
                try database.write { try $0.run("INSERT INTO customers(email) VALUES (?)", "a@b.c", "extra") }
            }
            #expect(throws: SQLiteError.self) {
                try database.write { try $0.run("INSERT INTO customers(email) VALUES (?)") }
            }
        }
    }

    @Test func runWithTwoStatements_IsRefused_ButExecuteRunsScripts() throws {
        try withTemporaryDatabase { database in
            let error = try #require(throws: SQLiteError.self) {
                try database.write { try $0.run("CREATE TABLE a(x); CREATE TABLE b(x)") }
            }
            #expect(SQLiteError.misuse ~= error)
            try database.write { connection in
                try connection.run("CREATE TABLE c(x); -- a trailing comment is fine")
                try connection.execute("CREATE TABLE d(x); CREATE TABLE e(x);")
            }
            let tables = try database.read {
                try $0.scalar("SELECT count(*) FROM sqlite_schema WHERE name IN ('a','b','c','d','e')", as: Int.self)
            }
            #expect(tables == 3)
        }
    }

    @Test func syntaxError_ReportsSQLiteMessageAndSQL() throws {
        try withTemporaryDatabase { database in
            let error = try #require(throws: SQLiteError.self) {
                try database.read { _ = try $0.query("SELEC 1") }
            }
            #expect(error.resultCode == 1)
            #expect(error.sql == "SELEC 1")
            #expect(error.message.contains("syntax error"))
        }
    }
}
