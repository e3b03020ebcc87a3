import Dispatch
import Foundation
import JSON
import TestValues
import Testing

/// `JSONCoding.encode` keeps buffers, nodes and encoders per thread between calls: an encoding
/// inside another, encodings on many threads at once, one after a failure and a small one after
/// a huge one must all come out as if each were the first.
struct JSONByteEncoderReuseTests {
    /// Encodes JSON of its own inside `encode(to:)`, as a value embedding a cached document would.
    private struct Embedding: Encodable {
        let inner: Conditions

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: AnyKey.self)
            let text = String(decoding: try JSONCoding.encode(inner), as: UTF8.self)
            try container.encode(text, forKey: AnyKey("embedded"))
            try container.encode(inner, forKey: AnyKey("inner"))
        }
    }

    private func sample(_ seed: UInt64) -> Acceptance {
        var values = SampleValues(seed: seed)
        return Acceptance(
            orderNumber: values.string(), sequence: values.int64(), changed: values.bool(),
            deliveries: (0..<3).map { _ in
                Acceptance.Delivery(
                    receiver: values.string(), service: values.string(), eventId: values.string(),
                    sequence: values.int64(), state: "pending", attempts: values.int(), createdAt: values.date(),
                    lastError: values.optional { $0.string() })
            })
    }

    @Test func encodingInsideAnEncoding_UsesItsOwnState() {
        let inner = Conditions(minOrderValue: 5, validFrom: Date(timeIntervalSince1970: 0), productIds: ["a", "b/c"])
        expectSameJSON(Embedding(inner: inner))
        expectSameJSON([Embedding(inner: inner), Embedding(inner: Conditions())])
    }

    @Test func encodingsOnManyThreads_DoNotDisturbEachOther() throws {
        let expected = try (0..<16).map { Array(try JSONCoding.encoder().encode(sample(UInt64($0)))) }
        let mismatches = Mismatches()
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for round in 0..<200 {
                let index = (thread * 7 + round) % expected.count
                if (try? JSONCoding.encode(sample(UInt64(index)))) != expected[index] { mismatches.add() }
            }
        }
        #expect(mismatches.count == 0)
    }

    @Test func anEncodingAfterAFailure_StartsClean() throws {
        let failing = Listing(items: [.number(1), .object(["x": .number(.nan)])], nextCursor: "c")
        #expect(throws: EncodingError.self) { try JSONCoding.encode(failing) }
        #expect(throws: EncodingError.self) { try JSONCoding.encode(TwoSingleValues()) }
        for seed: UInt64 in 0..<5 { expectSameJSON(sample(seed)) }
    }

    @Test func aSmallEncodingAfterAHugeOne_IsUnaffected() {
        let huge = (0..<5_000).map { Reference(id: Int64($0), name: String(repeating: "n", count: 100)) }
        expectSameJSON(huge)
        expectJSON(Reference(id: 1, name: "x"), #"{"id":1,"name":"x"}"#)
        expectSameJSON(sample(1))
    }

    @Test func decimalsEqualInValueButWrittenDifferently_KeepTheirOwnText() throws {
        let decimals = [
            Decimal(sign: .plus, exponent: -2, significand: 150), Decimal(sign: .plus, exponent: -1, significand: 15),
            try #require(Decimal(string: "1.50")), Decimal(15) / 10, Decimal(150) / 100,
            Decimal(sign: .minus, exponent: 0, significand: 0),
        ]
        for decimal in decimals {
            expectSameJSON(decimal)
        }
        expectSameJSON(decimals)
        expectSameJSON(decimals.reversed() as [Decimal])
    }

    /// A thread-safe counter of failed comparisons.
    private final class Mismatches: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        var count: Int { lock.withLock { value } }

        func add() { lock.withLock { value += 1 } }
    }
}
