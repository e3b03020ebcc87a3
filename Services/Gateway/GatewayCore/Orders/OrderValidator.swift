import Contract
import FoundationEssentials
import Glibc
import HTTP

/// The checks an order passes before the gateway stores and fans it out. Every problem names
/// the field (`buyer.email`, `lines[2].quantity`) in the 422 answer's `details.field`.
public enum OrderValidator {
    /// Longest order number, in characters.
    public static let maxOrderNumberLength = 64
    /// Most lines an order may have.
    public static let maxLines = 1_000
    /// Longest text field (names, addresses), in UTF-8 bytes.
    public static let maxTextBytes = 256
    /// Longest identifier (customer, product), in characters: what the services accept.
    public static let maxIdentifierLength = 200

    /// One broken rule.
    public struct Problem: Sendable, Equatable {
        public var field: String
        public var message: String
    }

    /// The ECMA-262 pattern of an order number, for the document; `isValidOrderNumber` checks it.
    public static let orderNumberPattern = "^[A-Za-z0-9._/-]+$"

    /// Whether `number` is 1–64 characters of `A–Z a–z 0–9 . _ / -`.
    public static func isValidOrderNumber(_ number: String) -> Bool {
        let bytes = number.utf8
        guard (1...maxOrderNumberLength).contains(bytes.count) else { return false }
        return bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "/"), UInt8(ascii: "-"):
                return true
            default:
                return false
            }
        }
    }

    /// Every problem of the order, in field order; empty when it is acceptable.
    public static func problems(orderNumber: String, order: OrderDocument) -> [Problem] {
        var problems: [Problem] = []
        func fail(_ field: String, _ message: String) { problems.append(Problem(field: field, message: message)) }
        func text(_ value: String?, _ field: String, required: Bool, max: Int = maxTextBytes) {
            guard let value else {
                if required { fail(field, "\(field) is required.") }
                return
            }
            if value.trimmed().isEmpty {
                fail(field, "\(field) must not be empty.")
            } else if value.utf8.count > max {
                fail(field, "\(field) must be at most \(max) bytes.")
            }
        }
        func identifier(_ value: String?, _ field: String, required: Bool) {
            guard let value else {
                if required { fail(field, "\(field) is required.") }
                return
            }
            if value.isEmpty || value.count > maxIdentifierLength {
                fail(field, "\(field) must be 1–\(maxIdentifierLength) characters.")
            } else if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                fail(field, "\(field) must not contain control characters.")
            }
        }
        func amount(_ value: Int64?, _ field: String) {
            if let value, value < 0 { fail(field, "\(field) must not be negative.") }
        }

        if !isValidOrderNumber(orderNumber) {
            fail(
                "orderNumber",
                "The order number must be 1–\(maxOrderNumberLength) characters of A–Z, a–z, 0–9, '.', '_', '/', '-'.")
        }
        identifier(order.customerId, "customerId", required: false)
        text(order.buyer.login, "buyer.login", required: false)
        text(order.buyer.name, "buyer.name", required: true)
        text(order.buyer.street, "buyer.street", required: true)
        text(order.buyer.postcode, "buyer.postcode", required: true, max: 32)
        text(order.buyer.city, "buyer.city", required: true)
        text(order.buyer.email, "buyer.email", required: true)
        if !order.buyer.email.isEmpty && !order.buyer.email.contains("@") {
            fail("buyer.email", "buyer.email must be an e-mail address.")
        }
        text(order.buyer.phone, "buyer.phone", required: true, max: 64)
        if !Currency.isKnown(order.currency) {
            fail("currency", "currency must be an ISO 4217 code such as PLN, CZK or EUR.")
        }
        if order.lines.isEmpty {
            fail("lines", "An order needs at least one line.")
        } else if order.lines.count > maxLines {
            fail("lines", "An order may have at most \(maxLines) lines.")
        }
        for (index, line) in order.lines.prefix(maxLines).enumerated() {
            let prefix = "lines[\(index)]"
            identifier(line.productId, "\(prefix).productId", required: true)
            text(line.name, "\(prefix).name", required: true)
            text(line.category, "\(prefix).category", required: false)
            if line.quantity <= 0 { fail("\(prefix).quantity", "\(prefix).quantity must be at least 1.") }
            amount(line.unitNet, "\(prefix).unitNet")
            amount(line.unitGross, "\(prefix).unitGross")
        }
        amount(order.shipping.net, "shipping.net")
        amount(order.shipping.gross, "shipping.gross")
        amount(order.totalNet, "totalNet")
        amount(order.totalGross, "totalGross")
        amount(order.refundedNet, "refundedNet")
        amount(order.refundedGross, "refundedGross")
        if let refunded = order.refundedNet, refunded > order.totalNet {
            fail("refundedNet", "refundedNet must not exceed totalNet.")
        }
        if let refunded = order.refundedGross, refunded > order.totalGross {
            fail("refundedGross", "refundedGross must not exceed totalGross.")
        }
        text(order.discountCode, "discountCode", required: false, max: 64)
        return problems
    }

    /// Throws the 422 for the order's problems, if it has any.
    public static func validate(orderNumber: String, order: OrderDocument) throws(HTTPError) {
        let found = problems(orderNumber: orderNumber, order: order)
        guard let first = found.first else { return }
        throw HTTPError.unprocessable(
            first.message, code: "invalid_order",
            details: [
                "field": .string(first.field),
                "fields": .strings(found.map(\.field)),
            ])
    }
}
