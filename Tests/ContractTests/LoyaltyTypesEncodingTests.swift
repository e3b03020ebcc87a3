import Contract
import Foundation
import TestValues
import Testing

/// `JSONCoding.encode` writes every loyalty wire type byte for byte as Foundation's
/// `JSONCoding.encoder()` does, over many seeded mixes of field values.
struct LoyaltyTypesEncodingTests {
    private static let seeds: Range<UInt64> = 0..<60

    private func each(_ body: (inout SampleValues) -> Void) {
        for seed in Self.seeds {
            var values = SampleValues(seed: seed)
            body(&values)
        }
    }

    private func award(_ values: inout SampleValues) -> Award {
        values.bool()
            ? .fixed(points: values.int64())
            : .proportional(
                ProportionalAward(
                    points: values.int64(), per: values.int64(), basis: values.pick(ValueBasis.self),
                    rounding: values.pick(PointsRounding.self), roundTo: values.pick(RoundingStep.self)))
    }

    private func conditions(_ values: inout SampleValues) -> RuleConditions {
        RuleConditions(
            minOrderValue: values.optional { $0.int64() }, validFrom: values.optional { $0.date() },
            validTo: values.optional { $0.date() }, productIds: values.optional { $0.array { $0.string() } },
            categories: values.optional { $0.array { $0.string() } })
    }

    private func historyEntry(_ values: inout SampleValues) -> HistoryEntry {
        let cause = HistoryCause(
            rule: values.optional { RuleReference(id: $0.int64(), name: $0.string()) },
            orderNumber: values.optional { $0.string() }, reviewId: values.optional { $0.string() },
            exchangeOrderId: values.optional { $0.int64() }, debitId: values.optional { $0.string() },
            actor: values.optional { $0.string() }, reason: values.optional { $0.string() })
        return HistoryEntry(
            id: values.int64(), customerId: values.string(), kind: values.pick(HistoryKind.self),
            points: values.int64(),
            pendingPoints: values.int64(), balanceAfter: values.int64(), pendingAfter: values.int64(),
            createdAt: values.date(), expiresAt: values.optional { $0.date() }, cause: cause)
    }

    @Test func customerPoints_MatchesFoundation() {
        each { values in
            expectSameJSON(
                CustomerPoints(
                    customerId: values.string(), points: values.int64(), pendingPoints: values.int64(),
                    coefficient: values.coefficient(),
                    expiringPoints: values.array { ExpiringPoints(points: $0.int64(), expiresAt: $0.date()) },
                    exchangeOrderCount: values.int64(), newsletterSignedUp: values.bool()))
        }
    }

    @Test func pointsRequestsAndResults_MatchFoundation() {
        each { values in
            expectSameJSON(CoefficientUpdate(coefficient: values.coefficient()))
            expectSameJSON(PointsAdjustmentRequest(points: values.int64(), reason: values.string()))
            expectSameJSON(
                PointsAdjustmentResult(
                    customerId: values.string(), points: values.int64(), pendingPoints: values.int64(),
                    entry: historyEntry(&values)))
            expectSameJSON(
                BulkAdjustmentResult(
                    rows: values.int(), customers: values.int(), pointsAdded: values.int64(),
                    pointsRemoved: values.int64()))
        }
    }

    @Test func historyTypes_MatchFoundation() {
        each { values in
            expectSameJSON(historyEntry(&values))
            expectSameJSON(values.array { historyEntry(&$0) })
            expectSameJSON(Page(items: values.array { historyEntry(&$0) }, nextCursor: values.optional { $0.string() }))
        }
    }

    @Test func exchangeOrders_MatchFoundation() {
        each { values in
            let items = values.array {
                ExchangeOrderItem(
                    productId: $0.string(), name: $0.string(), category: $0.optional { $0.string() },
                    quantity: $0.int64(), unitPoints: $0.int64(), points: $0.int64())
            }
            expectSameJSON(
                ExchangeOrder(
                    id: values.int64(), customerId: values.string(), items: items, points: values.int64(),
                    status: values.pick(ExchangeOrderStatus.self), exchanged: values.optional { $0.bool() },
                    note: values.optional { $0.string() }, createdAt: values.date(),
                    exchangedAt: values.optional { $0.date() },
                    rejectedAt: values.optional { $0.date() }, rejectionReason: values.optional { $0.string() },
                    placedBy: values.optional { $0.string() }))
            expectSameJSON(
                ExchangeOrderRequest(
                    items: values.array {
                        ExchangeOrderItemRequest(productId: $0.string(), quantity: $0.int64())
                    }))
            expectSameJSON(ExchangedUpdate(exchanged: values.bool()))
            expectSameJSON(ExchangeRejectionRequest(reason: values.optional { $0.string() }))
        }
    }

    @Test func activityAndOrderPoints_MatchFoundation() {
        each { values in
            expectSameJSON(
                ReviewPublishedEvent(reviewId: values.string(), customerId: values.string(), productId: values.string())
            )
            expectSameJSON(
                ActivityAward(
                    customerId: values.string(), awarded: values.int64(), firstTime: values.bool(),
                    points: values.int64()))
            expectSameJSON(
                OrderPoints(
                    orderNumber: values.string(), customerId: values.optional { $0.string() },
                    status: values.pick(OrderStatus.self),
                    lastSequence: values.int64(), outcome: values.optional { $0.pick(OrderEventOutcome.self) },
                    awards: values.array {
                        OrderAward(
                            rule: RuleReference(id: $0.int64(), name: $0.string()), points: $0.int64(),
                            trigger: $0.pick(OrderStatus.self), state: $0.pick(OrderAwardState.self),
                            reversed: $0.int64())
                    }))
        }
    }

    @Test func programAndRules_MatchFoundation() {
        each { values in
            expectSameJSON(
                LoyaltyProgram(
                    deductOnCancel: values.bool(), coefficientApplies: values.pick(CoefficientTarget.self),
                    earnEligibility: values.pick(EarnEligibility.self), earnCategory: values.optional { $0.string() },
                    earnProductIds: values.array { $0.string() },
                    rewardEligibility: values.pick(RewardEligibility.self),
                    rewardCategory: values.optional { $0.string() }, rewardProductIds: values.array { $0.string() },
                    pointsPerCurrencyUnit: values.exactDecimal(), expiryMonths: values.optional { $0.int() }))
            expectSameJSON(
                LoyaltyRule(
                    id: values.optional { $0.int64() }, name: values.string(), active: values.bool(),
                    action: values.pick(LoyaltyAction.self), status: values.optional { $0.pick(OrderStatus.self) },
                    conditions: conditions(&values), award: award(&values)))
            expectSameJSON(award(&values))
            expectSameJSON(conditions(&values))
            expectSameJSON(values.array { LoyaltyValidationProblem(field: $0.string(), message: $0.string()) })
        }
    }

    @Test func debitsAndRewards_MatchFoundation() {
        each { values in
            expectSameJSON(
                PointDebitRequest(
                    debitId: values.string(), customerId: values.string(), points: values.int64(),
                    reason: values.string()))
            expectSameJSON(
                PointDebit(
                    debitId: values.string(), customerId: values.string(), points: values.int64(),
                    reason: values.string(),
                    balanceAfter: values.int64(), createdAt: values.date(), compensatedAt: values.optional { $0.date() }
                ))
            expectSameJSON(
                RewardInput(
                    productId: values.optional { $0.string() }, name: values.string(),
                    category: values.optional { $0.string() },
                    moneyPrice: values.optional { $0.int64() }, currency: values.optional { $0.string() },
                    pointsPrice: values.optional { $0.int64() }, active: values.optional { $0.bool() }))
            expectSameJSON(
                Reward(
                    productId: values.string(), name: values.string(), category: values.optional { $0.string() },
                    moneyPrice: values.optional { $0.int64() }, currency: values.optional { $0.string() },
                    pointsPrice: values.int64(), pointsPriceSetByHand: values.bool(), active: values.bool(),
                    eligible: values.bool(),
                    createdAt: values.date(),
                    updatedAt: values.date()))
        }
    }

    @Test func decimalsAndEnums_MatchFoundation() {
        each { values in
            expectSameJSON(values.exactDecimal())
            expectSameJSON(values.coefficient())
        }
        for scaled: Int64 in [0, 1, -1, 5, 10_000, 15_000, -25_000, 123_456_789, Int64.max, Int64.min] {
            expectSameJSON(ExactDecimal(scaled: scaled))
        }
        for value in ValueBasis.allCases { expectSameJSON(value) }
        for value in PointsRounding.allCases { expectSameJSON(value) }
        for value in RoundingStep.allCases { expectSameJSON(value) }
        for value in HistoryKind.allCases { expectSameJSON([value]) }
        for value in LoyaltyAction.allCases { expectSameJSON(["action": value]) }
    }
}
