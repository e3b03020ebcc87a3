import Contract
import Foundation
import Testing

@testable import LoyaltyCore

/// The single exact rounding behind every award, checked against a plain reference.
struct ExactQuotientTests {
    /// Rounds a × c / d the obvious way; only valid while a × c fits Int128.
    private func reference(_ a: Int128, _ c: Int128, _ d: Int128, _ rounding: PointsRounding, _ step: Int64) -> Int128 {
        let numerator = a * c
        let denominator = d * Int128(step)
        var units = numerator / denominator
        let remainder = numerator % denominator
        switch rounding {
        case .down: break
        case .up: if remainder > 0 { units += 1 }
        case .nearest: if remainder * 2 >= denominator { units += 1 }
        }
        return units * Int128(step)
    }

    @Test func agreesWithTheReference_OnManyPseudoRandomInputs() throws {
        // A fixed-seed linear congruential generator: the same inputs on every run.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: UInt64) -> Int128 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int128((state >> 11) % bound)
        }
        for _ in 0..<5_000 {
            let a = next(10_000_000_000)
            let c = next(10_000_000) + 1
            let d = next(50_000_000) + 1
            for rounding in PointsRounding.allCases {
                for step in RoundingStep.allCases {
                    let expected = reference(a, c, d, rounding, step.rawValue)
                    let actual = try ExactQuotient.round(a, times: c, over: d, rounding: rounding, step: step.rawValue)
                    #expect(Int128(actual) == expected, "a=\(a) c=\(c) d=\(d) \(rounding) \(step)")
                }
            }
        }
    }

    @Test func refusesNegativeOperandsAndNonPositiveDivisors() {
        #expect(throws: PointsError.self) { try ExactQuotient.round(-1, times: 1, over: 1, rounding: .down) }
        #expect(throws: PointsError.self) { try ExactQuotient.round(1, times: -1, over: 1, rounding: .down) }
        #expect(throws: PointsError.self) { try ExactQuotient.round(1, times: 1, over: 0, rounding: .down) }
        #expect(throws: PointsError.self) { try ExactQuotient.round(1, times: 1, over: 1, rounding: .down, step: 0) }
    }

    @Test func largestProductOfTwoInt64s_DividesWithoutTrapping() throws {
        let a = Int128(Int64.max) * Int128(Int64.max)
        #expect(try ExactQuotient.round(a, times: 1, over: Int128(Int64.max), rounding: .down) == .max)
        #expect(throws: PointsError.overflow) { try ExactQuotient.round(a, times: 1, over: 1, rounding: .down) }
        #expect(throws: PointsError.overflow) { try ExactQuotient.round(a, times: 10_000_000, over: 1, rounding: .up) }
    }
}
