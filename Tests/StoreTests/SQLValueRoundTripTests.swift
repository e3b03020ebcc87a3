import Foundation
import Store
import Testing

@Suite struct SQLValueRoundTripTests {
    /// Writes `value` into an untyped column and reads it back as the same type.
    private func roundTrip<T: SQLBindable & SQLReadable>(_ value: T, in database: Database) throws -> T {
        try database.write { connection in
            try connection.run("DELETE FROM slot")
            try connection.run("INSERT INTO slot(v) VALUES (?)", value)
        }
        return try database.read { connection in
            guard let row = try connection.queryOne("SELECT v FROM slot") else { throw PlannedFailure(tag: 0) }
            return try row.get("v", as: T.self)
        }
    }

    private func withSlot(_ body: (Database) throws -> Void) throws {
        try withTemporaryDatabase { database in
            try database.migrate([Migration("001_slot", "CREATE TABLE slot(v)")])
            try body(database)
        }
    }

    @Test func integers_RoundTrip_IncludingExtremes() throws {
        try withSlot { database throws in
            for value in [Int64.min, -1, 0, 1, Int64.max] { #expect(try roundTrip(value, in: database) == value) }
            #expect(try roundTrip(Int.max, in: database) == Int.max)
            #expect(try roundTrip(Int32.min, in: database) == Int32.min)
            #expect(try roundTrip(Int32.max, in: database) == Int32.max)
        }
    }

    @Test func doublesAndBools_RoundTrip() throws {
        try withSlot { database throws in
            for value in [0.0, -1.5, 3.141592653589793, Double.greatestFiniteMagnitude, -0.000_001] {
                #expect(try roundTrip(value, in: database) == value)
            }
            #expect(try roundTrip(true, in: database) == true)
            #expect(try roundTrip(false, in: database) == false)
        }
    }

    @Test func text_RoundTrips_UnicodeEmptyAndEmbeddedNUL() throws {
        try withSlot { database throws in
            for value in ["", "zażółć gęślą jaźń", "🛒📦 naïve café", "a\u{0}b", String(repeating: "ą", count: 100_000)] {
                #expect(try roundTrip(value, in: database) == value)
            }
        }
    }

    @Test func blobs_RoundTrip_AsBytesAndData_IncludingEmpty() throws {
        try withSlot { database in
            let bytes: [UInt8] = [0, 1, 2, 0xFF, 0]
            #expect(try roundTrip(bytes, in: database) == bytes)
            #expect(try roundTrip([UInt8](), in: database) == [])
            #expect(try roundTrip(Data(bytes), in: database) == Data(bytes))
            #expect(try roundTrip(Data(), in: database) == Data())
            let stored = try database.read { try $0.scalar("SELECT typeof(v) FROM slot", as: String.self) }
            #expect(stored == "blob")
        }
    }

    @Test func dates_AreStoredAsIntegerMilliseconds_AndRoundTrip() throws {
        try withSlot { database in
            let date = Date(timeIntervalSince1970: 1_700_000_000.123)
            #expect(try roundTrip(date, in: database) == date)
            let before1970 = Date(timeIntervalSince1970: -86_400.5)
            #expect(try roundTrip(before1970, in: database) == before1970)
            let stored = try database.read { try $0.scalar("SELECT v FROM slot", as: SQLValue.self) }
            #expect(stored == .integer(-86_400_500))
        }
    }

    @Test func optionals_StoreNULL_AndReadBackNil() throws {
        try withSlot { database in
            #expect(try roundTrip(String?.none, in: database) == nil)
            #expect(try roundTrip(Date?.none, in: database) == nil)
            #expect(try roundTrip(Int64?.some(42), in: database) == 42)
            #expect(try roundTrip(SQLValue.null, in: database) == .null)
            let stored = try database.read { try $0.scalar("SELECT typeof(v) FROM slot", as: String.self) }
            #expect(stored == "null")
        }
    }

    @Test func readingNULL_AsNonOptional_ThrowsNamingTheColumn() throws {
        try withSlot { database in
            _ = try roundTrip(String?.none, in: database)
            let error = try #require(throws: SQLiteError.self) {
                try database.read { connection in
                    _ = try connection.queryOne("SELECT v AS nickname FROM slot")?.get("nickname", as: String.self)
                }
            }
            #expect(error.description.contains("nickname"))
            #expect(error.description.contains("NULL"))
        }
    }

    @Test func readingWrongType_ThrowsNamingColumn_WithoutRevealingTheValue() throws {
        try withSlot { database in
            _ = try roundTrip("secret-value", in: database)
            let error = try #require(throws: SQLiteError.self) {
                try database.read { connection in
                    _ = try connection.queryOne("SELECT v FROM slot")?.get(0, as: Int64.self)
                }
            }
            #expect(error.description.contains("\"v\""))
            #expect(!error.description.contains("secret-value"))
        }
    }

    @Test func readingOutOfRangeInteger_AsInt32_ThrowsInsteadOfTrapping() throws {
        try withSlot { database in
            _ = try roundTrip(Int64(Int32.max) + 1, in: database)
            #expect(throws: SQLiteError.self) {
                try database.read { connection in _ = try connection.scalar("SELECT v FROM slot", as: Int32.self) }
            }
        }
    }

    @Test func rowSubscripts_ReturnNULL_ForUnknownColumnsAndIndexes() throws {
        try withTemporaryDatabase { database in
            let row = try database.read { try $0.queryOne("SELECT 1 AS one, 'x' AS Two") }
            let found = try #require(row)
            #expect(found["one"] == .integer(1))
            #expect(found["two"] == .text("x"))
            #expect(found["missing"] == .null)
            #expect(found[5] == .null)
            #expect(found[-1] == .null)
            #expect(throws: SQLiteError.self) { try found.get("missing", as: Int.self) }
        }
    }
}
