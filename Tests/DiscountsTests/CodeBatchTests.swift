import Testing

@testable import DiscountsCore

/// A batch of codes in one buffer: sorted as SQLite's BINARY collation sorts, repeats dropped.
struct CodeBatchTests {
    private func batch(_ codes: [String]) -> CodeBatch {
        var batch = CodeBatch(capacity: codes.count)
        for code in codes { batch.append { $0.append(contentsOf: code.utf8) } }
        return batch
    }

    @Test func codes_SortByBytes_ShorterFirstOnATie() {
        let codes = batch(["B2", "A10", "A1", "A_", "A-", "B", "A1"])
        let order = codes.sortedUniqueOrder()
        #expect(order.map(codes.code) == ["A-", "A1", "A10", "A_", "B", "B2"])
    }

    @Test func theJSONArray_ListsTheCodesInTheGivenOrder() {
        let codes = batch(["X2", "X1"])
        #expect(codes.jsonArray(codes.sortedUniqueOrder()) == #"["X1","X2"]"#)
        #expect(codes.jsonArray([]) == "[]")
    }
}
