import Primitives

/// What an order must be to be accepted: the one set of rules the gateway applies before it
/// stores an order and loyalty applies to the events it receives, so that the gateway never
/// accepts an order a receiver would refuse for good.
///
/// Amounts are bounded so that no sum over an order can overflow: a line is at most
/// `maxQuantity` × `maxUnitAmount` = 10¹⁵ minor units, an order at most `maxLines` of them.
/// A line's unit prices may be negative — a coupon or a rebate is a line with a negative price
/// (its code, if any, in `discountCode`) — but its net and gross have the same sign, and the
/// order's totals, shipping and refunds are never negative.
///
/// **Totals agree with the lines.** `totalNet` must be Σ quantity × unitNet + shipping.net, and
/// `totalGross` the same in gross, each within `roundingTolerance(lines:)`: one minor unit per
/// line and one for shipping, for a storefront that rounds each line's total rather than its
/// unit price. A discount the storefront gives on the whole order is sent as a negative line.
public enum OrderRules {
    /// Most lines an order may have.
    public static let maxLines = 1_000
    /// Most units of one line.
    public static let maxQuantity: Int64 = 1_000_000
    /// Largest absolute unit price, in minor units (10¹⁰: 100 million in a currency's major unit).
    public static let maxUnitAmount: Int64 = 10_000_000_000
    /// Largest total, shipping cost or refund, in minor units (10¹⁵).
    public static let maxAmount: Int64 = 1_000_000_000_000_000
    /// Longest text field (names, addresses, e-mail), in UTF-8 bytes.
    public static let maxTextBytes = 256
    /// The longest postcode, in UTF-8 bytes.
    public static let maxPostcodeBytes = 32
    /// The longest phone number, in UTF-8 bytes.
    public static let maxPhoneBytes = 64

    /// How far a total may be from what its lines and shipping add up to, in minor units.
    public static func roundingTolerance(lines: Int) -> Int64 { Int64(lines) + 1 }

    /// The problems of the parts every receiver of an order sees; `fail` collects them.
    static func contentProblems(
        currency: String, lines: [OrderLine], shipping: ShippingCost, totalNet: Int64, totalGross: Int64,
        refundedNet: Int64?, refundedGross: Int64?, into problems: inout [ValidationProblem]
    ) {
        func fail(_ field: String, _ message: String) {
            problems.append(ValidationProblem(field: field, message: message))
        }
        func amount(_ value: Int64?, _ field: String) {
            guard let value else { return }
            if value < 0 {
                fail(field, "\(field) must not be negative.")
            } else if value > maxAmount {
                fail(field, "\(field) must be at most \(maxAmount).")
            }
        }
        if !Currency.isKnown(currency) {
            fail("currency", "currency must be an ISO 4217 code such as PLN, CZK or EUR.")
        }
        if lines.isEmpty {
            fail("lines", "An order needs at least one line.")
        } else if lines.count > maxLines {
            fail("lines", "An order may have at most \(maxLines) lines.")
        }
        var sumNet: Int64 = 0
        var sumGross: Int64 = 0
        var linesAddUp = lines.count <= maxLines
        for (index, line) in lines.prefix(maxLines).enumerated() {
            let prefix = "lines[\(index)]"
            text(line.name, "\(prefix).name", required: true, into: &problems)
            text(line.category, "\(prefix).category", required: false, into: &problems)
            var valid = true
            if !(1...maxQuantity).contains(line.quantity) {
                fail("\(prefix).quantity", "\(prefix).quantity must be 1–\(maxQuantity).")
                valid = false
            }
            for (value, field) in [(line.unitNet, "unitNet"), (line.unitGross, "unitGross")]
            where !(-maxUnitAmount...maxUnitAmount).contains(value) {
                fail("\(prefix).\(field)", "\(prefix).\(field) must be between -\(maxUnitAmount) and \(maxUnitAmount).")
                valid = false
            }
            if (line.unitNet < 0 && line.unitGross > 0) || (line.unitNet > 0 && line.unitGross < 0) {
                fail("\(prefix).unitGross", "\(prefix).unitNet and unitGross must have the same sign.")
            }
            // Within the bounds each product is at most 10¹⁵ and the sum of 1,000 of them 10¹⁸.
            if valid {
                sumNet += line.quantity * line.unitNet
                sumGross += line.quantity * line.unitGross
            } else {
                linesAddUp = false
            }
        }
        amount(shipping.net, "shipping.net")
        amount(shipping.gross, "shipping.gross")
        amount(totalNet, "totalNet")
        amount(totalGross, "totalGross")
        amount(refundedNet, "refundedNet")
        amount(refundedGross, "refundedGross")
        if let refunded = refundedNet, refunded > totalNet {
            fail("refundedNet", "refundedNet must not exceed totalNet.")
        }
        if let refunded = refundedGross, refunded > totalGross {
            fail("refundedGross", "refundedGross must not exceed totalGross.")
        }
        let shippingValid = (0...maxAmount).contains(shipping.net) && (0...maxAmount).contains(shipping.gross)
        guard linesAddUp, shippingValid, !lines.isEmpty else { return }
        let tolerance = roundingTolerance(lines: lines.count)
        for (total, sum, field) in [
            (totalNet, sumNet + shipping.net, "totalNet"), (totalGross, sumGross + shipping.gross, "totalGross"),
        ] where (total - sum).magnitude > tolerance.magnitude {
            fail(
                field,
                "\(field) is \(total) but the lines and shipping add up to \(sum) (±\(tolerance) for rounding); "
                    + "send an order-wide discount as a line with a negative price.")
        }
    }

    /// A text field: when present (or required), not blank and at most `max` bytes.
    static func text(
        _ value: String?, _ field: String, required: Bool, max: Int = maxTextBytes,
        into problems: inout [ValidationProblem]
    ) {
        guard let value else {
            if required { problems.append(ValidationProblem(field: field, message: "\(field) is required.")) }
            return
        }
        if value.trimmed().isEmpty {
            problems.append(ValidationProblem(field: field, message: "\(field) must not be empty."))
        } else if value.utf8.count > max {
            problems.append(ValidationProblem(field: field, message: "\(field) must be at most \(max) bytes."))
        }
    }
}
