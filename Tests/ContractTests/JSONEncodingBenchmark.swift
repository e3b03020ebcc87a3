import Contract
import Foundation
import Glibc
import Testing

/// Cost of one `JSONCoding.encode` against Foundation's `JSONEncoder` with the same settings,
/// for the answers the services send most; runs only with ZAPLECZE_BENCH_JSON=1 (see
/// scripts/bench-json) and prints nanoseconds of the thread's CPU time per call, the best of
/// several rounds (CPU time rather than wall time, so that other work on a shared machine
/// disturbs the figures less).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["ZAPLECZE_BENCH_JSON"] == "1"), .serialized)
struct JSONEncodingBenchmark {
    private static let placedAt = Date(timeIntervalSince1970: 1_795_428_000.123)

    /// A balance read: `GET /v1/customers/{customerId}`.
    private static let customerPoints = CustomerPoints(
        customerId: "customer-000042", points: 12_345, pendingPoints: 250, coefficient: Coefficient("1.5") ?? .one,
        expiringPoints: [
            ExpiringPoints(points: 1_000, expiresAt: Date(timeIntervalSince1970: 1_798_761_600)),
            ExpiringPoints(points: 2_500, expiresAt: Date(timeIntervalSince1970: 1_830_297_600)),
        ],
        exchangeOrderCount: 3, newsletterSignedUp: true)

    /// An order as the storefront sends it, with three lines.
    private static let orderDocument = OrderDocument(
        customerId: "customer-000042",
        buyer: Buyer(
            login: "jana", name: "Jana Nováková", street: "Hlavná 12", postcode: "811 01", city: "Bratislava",
            email: "jana@example.sk", phone: "+421 900 123 456"),
        currency: "EUR",
        lines: (1...3).map {
            OrderLine(
                productId: ProductId("product-\($0)")!, name: "Product \($0) – \"special\"",
                category: $0 == 2 ? nil : "garden",
                quantity: Int64($0), unitNet: 1_000 * Int64($0), unitGross: 1_230 * Int64($0))
        },
        shipping: ShippingCost(net: 300, gross: 369), totalNet: 6_300, totalGross: 7_749, discountCode: "WELCOME10",
        status: .paid, placedAt: placedAt)

    /// A page of twenty history entries.
    private static let historyPage = Page(items: (1...20).map(historyEntry), nextCursor: "20")

    private static func historyEntry(_ number: Int) -> HistoryEntry {
        let id = Int64(number)
        let createdAt: Date = placedAt.addingTimeInterval(Double(number) * 60)
        let expiresAt: Date? = number % 2 == 0 ? placedAt.addingTimeInterval(86_400 * 365) : nil
        let cause = HistoryCause(rule: RuleReference(id: 7, name: "Orders earn"), orderNumber: "2026-\(number)")
        return HistoryEntry(
            id: id, customerId: "customer-000042", kind: .earned, points: 100, pendingPoints: 0, balanceAfter: 100 * id,
            pendingAfter: 0, createdAt: createdAt, expiresAt: expiresAt, cause: cause)
    }

    @Test func nanosecondsPerEncode() throws {
        let foundation = JSONCoding.encoder()
        var lines = ["value               foundation ns   ours ns   speed-up", String(repeating: "-", count: 56)]
        func row<T: Encodable>(_ name: String, _ value: T, iterations: Int) throws {
            #expect(try JSONCoding.encode(value) == Array(foundation.encode(value)))
            let theirs = try nanoseconds(iterations) { try Array(foundation.encode(value)).count }
            let ours = try nanoseconds(iterations) { try JSONCoding.encode(value).count }
            lines.append(line(name, theirs, ours))
        }
        try row("CustomerPoints", Self.customerPoints, iterations: 20_000)
        try row("OrderDocument", Self.orderDocument, iterations: 10_000)
        try row("Page<History> x20", Self.historyPage, iterations: 1_000)

        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
        let dates = (0..<1_000).map { Self.placedAt.addingTimeInterval(Double($0) * 3_600.5) }
        let theirs = try nanoseconds(dates.count) {
            var total = 0; for date in dates { total += style.format(date).utf8.count }; return total
        }
        let ours = try nanoseconds(dates.count) {
            var total = 0; for date in dates { total += RFC3339.format(date).utf8.count }; return total
        }
        lines.append(line("RFC3339.format", theirs / Double(dates.count), ours / Double(dates.count)))
        print(lines.joined(separator: "\n"))
    }

    /// What the syntax and duplicate-key pass adds to decoding a body of about 1 KiB: an order of
    /// five lines, decoded by Foundation's decoder alone and by `JSONCoding.decode`.
    @Test func nanosecondsPerDecodeOfAKibibyteBody() throws {
        var order = Self.orderDocument
        order.lines = (1...5).map {
            OrderLine(
                productId: ProductId("product-\($0)")!, name: "Product \($0) – \"special\"", category: "garden",
                quantity: Int64($0), unitNet: 1_000 * Int64($0), unitGross: 1_230 * Int64($0))
        }
        let body = try JSONCoding.encode(order)
        let foundation = JSONCoding.decoder()
        // Lines, not the whole order: placedAt goes through milliseconds and back.
        #expect(try JSONCoding.decode(OrderDocument.self, from: body).lines == order.lines)
        let theirs = try nanoseconds(10_000) { try foundation.decode(OrderDocument.self, from: Data(body)).lines.count }
        let ours = try nanoseconds(10_000) { try JSONCoding.decode(OrderDocument.self, from: body).lines.count }
        print(
            "decode of a \(body.count)-byte order: Foundation alone \(Int(theirs)) ns, with the pre-scan \(Int(ours)) ns "
                + "(+\(Int(ours - theirs)) ns, \(Int((ours / theirs - 1) * 100))%)")
    }

    /// Nanoseconds of CPU time per call of `body`, the best of seven runs of `iterations` calls.
    private func nanoseconds(_ iterations: Int, _ body: () throws -> Int) throws -> Double {
        var fastest = Double.infinity
        var total = 0
        for _ in 0..<7 {
            let start = threadCPUNanoseconds()
            for _ in 0..<iterations { total &+= try body() }
            fastest = min(fastest, Double(threadCPUNanoseconds() - start) / Double(iterations))
        }
        // Using the result keeps the measured work from being optimised away.
        #expect(total > 0)
        return fastest
    }

    /// CPU time the calling thread has used (clock_gettime(2), CLOCK_THREAD_CPUTIME_ID).
    private func threadCPUNanoseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    private func line(_ name: String, _ theirs: Double, _ ours: Double) -> String {
        let columns = [
            pad(name, 18), pad(String(Int(theirs.rounded())), 15, right: true),
            pad(String(Int(ours.rounded())), 10, right: true),
            pad(String(format: "%.1fx", theirs / ours), 11, right: true),
        ]
        return columns.joined()
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }
}
