import Contract
import Foundation
import TestValues
import Testing

/// `JSONCoding.encode` writes the order and gateway wire types byte for byte as Foundation's
/// `JSONCoding.encoder()` does, over many seeded mixes of field values.
struct OrderAndGatewayTypesEncodingTests {
    private static let seeds: Range<UInt64> = 1000..<1060

    private func each(_ body: (inout SampleValues) -> Void) {
        for seed in Self.seeds {
            var values = SampleValues(seed: seed)
            body(&values)
        }
    }

    private func order(_ values: inout SampleValues) -> OrderDocument {
        OrderDocument(
            customerId: values.optional { $0.identifier() },
            buyer: Buyer(
                login: values.optional { $0.string() }, name: values.string(), street: values.string(),
                postcode: values.string(), city: values.string(), email: values.string(), phone: values.string()),
            currency: values.string(),
            lines: values.array {
                OrderLine(
                    productId: $0.identifier(), name: $0.string(), category: $0.optional { $0.string() },
                    quantity: $0.int64(), unitNet: $0.int64(), unitGross: $0.int64())
            },
            shipping: ShippingCost(net: values.int64(), gross: values.int64()), totalNet: values.int64(),
            totalGross: values.int64(), discountCode: values.optional { $0.identifier() },
            status: values.pick(OrderStatus.self),
            placedAt: values.date(), refundedNet: values.optional { $0.int64() },
            refundedGross: values.optional { $0.int64() })
    }

    private func delivery(_ values: inout SampleValues) -> OrderDelivery {
        OrderDelivery(
            receiver: values.string(), service: values.string(), eventId: values.string(), sequence: values.int64(),
            state: values.string(), attempts: values.int(), createdAt: values.date(),
            deliveredAt: values.optional { $0.date() }, nextAttemptAt: values.optional { $0.date() },
            lastError: values.optional { $0.string() })
    }

    @Test func orderDocumentAndEvent_MatchFoundation() {
        each { values in
            let document = order(&values)
            expectSameJSON(document)
            expectSameJSON(
                OrderEvent(
                    eventId: values.string(), orderNumber: values.identifier(), sequence: values.int64(),
                    order: document))
            expectSameJSON(document.buyer)
            expectSameJSON(document.shipping)
            expectSameJSON(document.lines)
        }
        for status in OrderStatus.allCases { expectSameJSON(status) }
    }

    @Test func customerTokens_MatchFoundation() {
        each { values in
            expectSameJSON(
                CustomerTokenRequest(customerId: values.identifier(), ttlSeconds: values.optional { $0.int64() }))
            expectSameJSON(CustomerToken(token: values.string(), expiresAt: values.date()))
        }
    }

    @Test func deliveries_MatchFoundation() {
        each { values in
            expectSameJSON(delivery(&values))
            expectSameJSON(
                OrderAcceptance(
                    orderNumber: values.string(), sequence: values.int64(), changed: values.bool(),
                    deliveries: values.array { delivery(&$0) }))
            expectSameJSON(
                OrderDeliveries(
                    orderNumber: values.string(), sequence: values.int64(), updatedAt: values.date(),
                    receivers: values.array {
                        OrderDeliveries.Receiver(
                            receiver: $0.string(), service: $0.string(), deliveredSequence: $0.optional { $0.int64() },
                            delivered: $0.int(), pending: $0.int(), failed: $0.int(), events: $0.array { delivery(&$0) }
                        )
                    }))
        }
    }
}
