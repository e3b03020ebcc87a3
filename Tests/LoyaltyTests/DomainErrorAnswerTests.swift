import HTTP
import Testing

@testable import LoyaltyCore

/// The domain's errors are plain values; the routes' conformances give each the answer clients
/// branch on. These pin the answers, so that moving an error's HTTP mapping changes no status,
/// code or wording.
struct DomainErrorAnswerTests {
    @Test func aFileThatIsNotUTF8CSV_IsA400InvalidCSV_NamingWhy() throws {
        let notText = try #require(throws: BulkFileUnreadable.self) { try BulkAdjustmentFile.parse([0xFF, 0xFE]) }
        #expect(notText == .notUTF8)
        #expect(notText.status == .badRequest && notText.code == "invalid_csv")
        #expect(notText.message == "The file must be UTF-8 text.")

        let broken = try #require(throws: BulkFileUnreadable.self) {
            try BulkAdjustmentFile.parse(Array("customerId,points,reason\nc1,5,\"open".utf8))
        }
        guard case .invalidCSV = broken else { Issue.record("expected invalidCSV, got \(broken)"); return }
        #expect(broken.status == .badRequest && broken.code == "invalid_csv")
        #expect(broken.message.hasPrefix("The file is not valid CSV: "))
    }

    @Test func aFileWithTooManyRows_IsA422_CarryingTheLimit() {
        let error = BulkFileUnreadable.tooManyRows(limit: BulkAdjustmentFile.maximumRows)
        #expect(error.status == .unprocessableContent && error.code == "too_many_rows")
        #expect(error.details == ["limit": .int(Int64(BulkAdjustmentFile.maximumRows))])
        #expect(error.message.contains("several files of at most \(BulkAdjustmentFile.maximumRows) rows"))
    }

    @Test func aBalancePastInt64Max_IsRefusedAsA422PointsOutOfRange() throws {
        let error = try #require(throws: PointsError.self) { try Ledger.add(.max, 1) }
        #expect(error == .balanceOutOfRange)
        #expect(error.status == .unprocessableContent && error.code == "points_out_of_range")
        #expect(error.message == "The balance would be out of range.")
        #expect(try Ledger.add(.max - 1, 1) == .max)
    }

    @Test func aShortBalance_IsA409_WithTheFiguresAndTheBulkRow() {
        let error = InsufficientPoints(balance: 5, requested: 9, row: 3, customerId: "c1")
        #expect(error.status == .conflict && error.code == "insufficient_points")
        #expect(error.message == "Line 3: The balance of 5 points does not cover 9.")
        #expect(
            error.details == ["balance": .int(5), "requested": .int(9), "row": .int(3), "customerId": .string("c1")])
    }
}
