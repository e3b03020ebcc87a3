import Contract
import Foundation
import HTTP
import Testing

@testable import LoyaltyCore

/// A bulk file is applied in one transaction, which holds up every other write of the service
/// while it runs; its size is capped so that the wait stays short.
struct BulkAdjustmentSizeTests {
    private func file(rows: Int, header: Bool) -> [UInt8] {
        var text = header ? "customerId,points,reason\r\n" : ""
        for index in 0..<rows { text += "c\(index % 500),1,Spring gift\r\n" }
        return Array(text.utf8)
    }

    private func upload(_ service: LoyaltyTestService, _ body: [UInt8]) throws -> Answer {
        try service.send(
            .post, "/v1/adjustments/bulk", body: body, headers: ["Content-Type": "text/csv; charset=utf-8"])
    }

    @Test func aFileOfMoreThanTheLimit_IsRefusedNamingTheLimit_AndNothingIsApplied() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }

        let answer = try upload(service, file(rows: BulkAdjustmentFile.maximumRows + 1, header: true))

        #expect(BulkAdjustmentFile.maximumRows == 10_000)
        #expect(answer.status == 422)
        #expect(answer.error?.code == "too_many_rows")
        #expect(answer.error?.details?["limit"] == .number(10_000))
        #expect(try service.balance("c0").points == 0)
    }

    @Test func aFileOfExactlyTheLimit_IsApplied_HeaderRowNotCounted() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }

        let answer = try upload(service, file(rows: BulkAdjustmentFile.maximumRows, header: true))

        #expect(answer.status == 200, "\(answer.text.prefix(300))")
        #expect(try answer.decode(BulkAdjustmentResult.self).rows == 10_000)
        #expect(try service.balance("c0").points == 20)
    }
}
