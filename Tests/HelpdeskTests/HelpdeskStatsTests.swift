import Contract
import Foundation
import HTTP
import TestSupport
import Testing

@testable import HelpdeskCore

/// The figures: first response and resolution over the threads opened in the period (whole
/// seconds, the mean rounded down, the median the lower middle), and the open threads per status.
/// Threads are played on the manual clock from plans whose delays the figures must give back.
@Suite struct HelpdeskStatsTests {
    typealias Service = HelpdeskTestService

    /// One thread's life: opened `open` ms after the start, each later step so many ms after the
    /// one before it (a forwarding 1 ms after the reply); a step left out does not happen (a
    /// reopening needs a closing, a second closing a reopening).
    struct Plan {
        var open: Int64
        var note: Int64? = nil
        var reply: Int64? = nil
        var forward: ThreadStatus? = nil
        var close: Int64? = nil
        var reopen: Int64? = nil
        var reclose: Int64? = nil

        /// The steps at their times since the start, with what each does.
        var steps: [(at: Int64, step: Step)] {
            var steps: [(Int64, Step)] = [(open, .open)]
            var at = open
            for (delay, step) in [
                (note, Step.note), (reply, .reply), (close, .close), (reopen, .reopen), (reclose, .close),
            ] {
                guard let delay else { continue }
                at += delay
                steps.append((at, step))
                if step == .reply, let forward { steps.append((at + 1, .forward(forward))) }
            }
            return steps
        }

        /// From opening to the first reply.
        var firstResponse: Int64? { reply.map { (note ?? 0) + $0 } }

        /// From opening to the last closing, if the thread ends closed.
        var resolution: Int64? {
            guard let close else { return nil }
            let closed = (note ?? 0) + (reply ?? 0) + close
            guard let reopen else { return closed }
            return reclose.map { closed + reopen + $0 }
        }

        /// The status it ends with.
        var status: ThreadStatus {
            if reclose != nil { return .closed }
            if reopen != nil { return .customerReplied }
            if close != nil { return .closed }
            return forward ?? (reply != nil ? .operatorReplied : .reported)
        }
    }

    enum Step: Equatable {
        case open, note, reply, forward(ThreadStatus), close, reopen
    }

    /// Plays `plans` in time order from the clock's start; returns the threads' opening dates.
    @discardableResult
    static func play(_ plans: [Plan], on service: Service) throws -> [Date] {
        let start = service.clock.date
        var ids: [Int: Int64] = [:]
        var elapsed: Int64 = 0
        let steps = plans.enumerated().flatMap { index, plan in plan.steps.map { (index, $0.at, $0.step) } }
        for (index, at, step) in steps.sorted(by: { ($0.1, $0.0) < ($1.1, $1.0) }) {
            service.clock.advance(by: .milliseconds(at - elapsed))
            elapsed = at
            switch step {
            case .open: ids[index] = try service.opened(Service.opening(customer: "c-1")).thread.id
            case .note: try service.note(ids[index]!)
            case .reply: try service.reply(ids[index]!)
            case .forward(let status): try service.setStatus(status, of: ids[index]!)
            case .close: try service.setStatus(.closed, of: ids[index]!)
            case .reopen: try service.reply(ids[index]!, "Jednak nie.", as: Service.customer("c-1"))
            }
        }
        return plans.map { start.addingTimeInterval(Double($0.open) / 1000) }
    }

    /// Count, mean rounded down and lower median of `durations` (ms), in whole seconds.
    static func figures(_ durations: [Int64]) -> DurationFigures {
        guard !durations.isEmpty else { return DurationFigures(count: 0, averageSeconds: nil, medianSeconds: nil) }
        let sorted = durations.sorted()
        let count = Int64(durations.count)
        return DurationFigures(
            count: count, averageSeconds: durations.reduce(0, +) / count / 1000,
            medianSeconds: sorted[(sorted.count - 1) / 2] / 1000)
    }

    static func stats(_ service: Service, _ query: String = "") throws -> HelpdeskStats {
        try service.get("/stats" + query)
    }

    @Test func knownDelays_GiveTheirCountMeanAndLowerMedian() throws {
        let service = try Service()
        defer { service.stop() }
        let plans = [
            Plan(open: 0, reply: 100_500, close: 299_500),
            Plan(open: 1_000, note: 5_000, reply: 245_200, forward: .forwardedSales, close: 3_350_799),
            Plan(open: 2_000, reply: 61_900, close: 10_000, reopen: 5_000),
            Plan(open: 3_000, reply: 30_000),
            Plan(open: 4_000, note: 7_000),
            Plan(open: 5_000, close: 86_400_000),
            Plan(open: 6_000, reply: 1_000, close: 1_000, reopen: 1_000, reclose: 2_000),
        ]
        try Self.play(plans, on: service)
        let stats = try Self.stats(service)
        #expect(stats.threads == 7)
        // First responses 100.5 s, 250.2 s, 61.9 s, 30 s and 1 s: mean 88.72 s, lower middle 61.9 s.
        #expect(stats.firstResponse == DurationFigures(count: 5, averageSeconds: 88, medianSeconds: 61))
        // Closed now: after 400 s, 3,600.999 s, 86,400 s and 5 s; the reopened one is not.
        #expect(stats.resolution == DurationFigures(count: 4, averageSeconds: 22_601, medianSeconds: 400))
        var open = Dictionary(
            uniqueKeysWithValues: ThreadStatus.allCases.filter { $0 != .closed }.map { ($0.rawValue, Int64(0)) })
        open["customerReplied"] = 1
        open["operatorReplied"] = 1
        open["reported"] = 1
        #expect(stats.openByStatus == open)
        #expect(stats.from == nil && stats.to == nil)
        #expect(plans.compactMap(\.firstResponse) == [100_500, 250_200, 61_900, 30_000, 1_000])
        #expect(plans.compactMap(\.resolution) == [400_000, 3_600_999, 86_400_000, 5_000])
    }

    @Test func randomPlans_AgreeWithABruteForceCount_OverAnyPeriod() throws {
        let service = try Service()
        defer { service.stop() }
        var random = SeededGenerator(seed: 3)
        func delay(_ range: ClosedRange<Int64>, _ chance: Int = 2) -> Int64? {
            Int.random(in: 0..<chance, using: &random) == 0 ? nil : Int64.random(in: range, using: &random)
        }
        var plans: [Plan] = []
        for index in 0..<40 {
            var plan = Plan(open: Int64(index) * 60_000)
            plan.note = Bool.random(using: &random) ? Int64.random(in: 1...9_999, using: &random) : nil
            plan.reply = delay(1...7_200_000, 4)
            if plan.reply != nil, Int.random(in: 0..<4, using: &random) == 0 {
                plan.forward = [.forwardedMarketing, .forwardedSales, .forwardedPayments, .forwardedManager]
                    .randomElement(using: &random)
            }
            plan.close = delay(2...90_000_000)
            plan.reopen = plan.close == nil ? nil : delay(1...600_000, 3)
            plan.reclose = plan.reopen == nil ? nil : delay(1...600_000)
            plans.append(plan)
        }
        let opened = try Self.play(plans, on: service)
        var open = Dictionary(
            uniqueKeysWithValues: ThreadStatus.allCases.filter { $0 != .closed }.map { ($0.rawValue, Int64(0)) })
        for plan in plans where plan.status != .closed { open[plan.status.rawValue, default: 0] += 1 }
        #expect(Set(plans.map(\.status)).count >= 5, "the plans spread over statuses")

        let periods: [(Int?, Int?)] = [(nil, nil), (0, 39), (5, 20), (nil, 10), (30, nil), (17, 17), (20, 5)]
        for (from, to) in periods {
            let chosen = plans.indices.filter { index in
                (from.map { index >= $0 } ?? true) && (to.map { index <= $0 } ?? true)
            }
            var query: [String] = []
            if let from { query.append("from=" + Service.encoded(RFC3339.format(opened[from]))) }
            if let to { query.append("to=" + Service.encoded(RFC3339.format(opened[to]))) }
            let stats = try Self.stats(service, query.isEmpty ? "" : "?" + query.joined(separator: "&"))
            let label = "from \(from.map(String.init) ?? "-") to \(to.map(String.init) ?? "-")"
            #expect(stats.threads == Int64(chosen.count), "\(label)")
            #expect(stats.firstResponse == Self.figures(chosen.compactMap { plans[$0].firstResponse }), "\(label)")
            #expect(stats.resolution == Self.figures(chosen.compactMap { plans[$0].resolution }), "\(label)")
            #expect(stats.openByStatus == open, "\(label): open threads are counted whenever opened")
            #expect(stats.from == from.map { opened[$0] } && stats.to == to.map { opened[$0] }, "\(label)")
        }
    }

    @Test func anEmptyHelpdesk_CountsZero_AndLeavesTheMeanAndMedianOut() throws {
        let service = try Service()
        defer { service.stop() }
        let answer = try service.call(.get, "/stats")
        let stats: HelpdeskStats = try service.decoded(answer)
        let none = DurationFigures(count: 0, averageSeconds: nil, medianSeconds: nil)
        #expect(stats.threads == 0 && stats.firstResponse == none && stats.resolution == none)
        #expect(stats.openByStatus.count == ThreadStatus.allCases.count - 1)
        #expect(stats.openByStatus.values.allSatisfy { $0 == 0 } && stats.openByStatus["closed"] == nil)

        // Without durations the mean and median are left out of the JSON (not written as null).
        // The schema agrees: DurationFigures requires only `count`, and an optional property is
        // documented as its type or null, so a client must take absent and null alike.
        let json = try JSONCoding.decode(JSONValue.self, from: answer.body)
        guard case .object(let fields) = json, case .object(let first)? = fields["firstResponse"],
            case .object(let resolution)? = fields["resolution"]
        else {
            Issue.record("not the stats object: \(answer.text)")
            return
        }
        #expect(first == ["count": .number(0)] && resolution == ["count": .number(0)], "\(answer.text)")
        let check = JSONSchemaCheck(
            components: SchemaConformance.components(of: SchemaConformance.types(of: HelpdeskRoutes.all)))
        #expect(check.problems(json, HelpdeskStats.reference) == [])
        #expect(check.problems(.object(["count": .number(0)]), DurationFigures.reference) == [])
        let withNulls: JSONValue = .object(["count": .number(0), "averageSeconds": .null, "medianSeconds": .null])
        #expect(check.problems(withNulls, DurationFigures.reference) == [], "the document allows null as well")
        #expect(
            !check.problems(.object(["averageSeconds": .number(1)]), DurationFigures.reference).isEmpty,
            "count is required")
    }

    @Test func aBadPeriod_Is400NamingIt_AndOnlyTheAdminReadsTheFigures() throws {
        let service = try Service()
        defer { service.stop() }
        for (parameter, value) in [("from", "wczoraj"), ("to", "2027-02-30T00:00:00Z"), ("from", "2027-01-15")] {
            let answer = try service.call(.get, "/stats?\(parameter)=" + Service.encoded(value))
            #expect(answer.status == .badRequest, "\(parameter)=\(value)")
            #expect(answer.errorParameter == parameter)
        }
        for caller in [Service.storefront, Service.customer("c-1")] {
            #expect(try service.call(.get, "/stats", as: caller).status == .forbidden, "\(caller)")
        }
    }
}
