import Contract
import Foundation
import HTTP
import Testing

@testable import LoyaltyCore

/// Bulk adjustments from a CSV file: all or nothing.
struct BulkAdjustmentTests {
    private func upload(_ service: LoyaltyTestService, _ csv: String, key: String? = nil) throws -> Answer {
        var headers: HTTPHeaders = ["Content-Type": "text/csv; charset=utf-8"]
        if let key { headers.add(name: "Idempotency-Key", value: key) }
        return try service.send(.post, "/v1/adjustments/bulk", body: Array(csv.utf8), headers: headers)
    }

    @Test func aGoodFile_IsAppliedInOrder() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }

        let withHeader = try upload(
            service,
            "customerId,points,reason\r\nc1,100,Spring gift\r\nc2,40,\"Gift, with comma\"\r\nc1,-30,Correction\r\n")
        let second = try upload(service, "CUSTOMERID, Points ,reason\nc2,5,Bonus\n")

        #expect(withHeader.status == 200)
        #expect(
            try withHeader.decode(BulkAdjustmentResult.self)
                == BulkAdjustmentResult(rows: 3, customers: 2, pointsAdded: 140, pointsRemoved: 30))
        #expect(second.status == 200)
        #expect(try service.balance("c1").points == 70)
        #expect(try service.balance("c2").points == 45)
        #expect(try service.history("c2").last?.cause.reason == "Gift, with comma")
        try service.expectLedgerConsistent("c1")
    }

    @Test func aFileWithoutItsHeaderRow_IsRefused_NotTakenAsData() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }

        let answer = try upload(service, "c1,100,Gift\nc2,40,Gift\n")

        #expect(answer.status == 422)
        #expect(answer.error?.code == "invalid_rows")
        #expect(answer.error?.details?["rows"] == .array([.string("1")]))
        #expect(try service.balance("c1").points == 0)
    }

    @Test func badRows_RefuseTheWholeFile_ListingEveryRow() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }

        let answer = try upload(
            service, "customerId,points,reason\nc1,100,Gift\nc2,zero,Gift\nc3,0,Gift\n,5,Gift\nc4,5\n")

        #expect(answer.status == 422)
        #expect(answer.error?.code == "invalid_rows")
        #expect(answer.error?.details?["rows"] == .array(["3", "4", "5", "6"].map(JSONValue.string)))
        #expect(try service.balance("c1").points == 0)
    }

    @Test func aRowThatWouldGoBelowZero_RefusesTheWholeFile() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.adjust("c2", 10)

        let answer = try upload(service, "customerId,points,reason\nc1,100,Gift\nc2,-5,Fix\nc2,-6,Fix again\n")

        #expect(answer.status == 409)
        #expect(answer.error?.code == "insufficient_points")
        #expect(answer.error?.details?["row"] == .number(4))
        #expect(answer.error?.details?["customerId"] == .string("c2"))
        #expect(try service.balance("c1").points == 0)
        #expect(try service.balance("c2").points == 10)
        try service.expectLedgerConsistent("c2")
    }

    @Test func aRetriedUpload_WithTheSameKey_IsAppliedOnce() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        let csv = "customerId,points,reason\nc1,100,Gift\n"

        let first = try upload(service, csv, key: "bulk-1")
        let repeated = try upload(service, csv, key: "bulk-1")

        #expect(first.status == 200)
        #expect(repeated.body == first.body)
        #expect(try service.balance("c1").points == 100)
    }

    @Test func aJSONBody_IsNotAFile() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        let answer = try service.send(.post, "/v1/adjustments/bulk", text: #"{"rows": []}"#)
        #expect(answer.status == 415)
    }
}
