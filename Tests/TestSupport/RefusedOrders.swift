import Contract

/// Orders no receiver accepts, each with the field its refusal names: the gateway must refuse
/// every one of them itself, before storing it, rather than queue an event loyalty refuses for
/// good. Each case changes one thing of a valid order.
public enum RefusedOrders {
    /// One broken order: what to change and the field that must be named.
    public struct Case: Sendable, CustomStringConvertible {
        public let field: String
        public let change: @Sendable (inout OrderDocument) -> Void
        public var description: String { field }
    }

    static func refused(_ field: String, _ change: @escaping @Sendable (inout OrderDocument) -> Void) -> Case {
        Case(field: field, change: change)
    }

    /// Every case; the valid order they start from has at least one line.
    public static let cases: [Case] = [
        refused("lines[0].quantity") { $0.lines[0].quantity = .max },
        refused("lines[0].quantity") { $0.lines[0].quantity = 0 },
        refused("lines[0].quantity") { $0.lines[0].quantity = OrderRules.maxQuantity + 1 },
        refused("lines[0].unitNet") { $0.lines[0].unitNet = .max },
        refused("lines[0].unitGross") { $0.lines[0].unitGross = .min },
        refused("lines[0].unitGross") {
            $0.lines[0].unitNet = -100
            $0.lines[0].unitGross = 100
        },
        refused("lines[0].name") { $0.lines[0].name = " " },
        refused("lines") { $0.lines = [] },
        refused("lines") { $0.lines = Array(repeating: $0.lines[0], count: OrderRules.maxLines + 1) },
        refused("currency") { $0.currency = "ABC" },
        refused("totalGross") { $0.totalGross = 9_000_000_000_000_000_000 },
        refused("totalGross") { $0.totalGross += 1_000 },
        refused("totalNet") { $0.totalNet -= 1_000 },
        refused("totalNet") { $0.totalNet = -1 },
        refused("shipping.gross") { $0.shipping.gross = -1 },
        refused("refundedNet") { $0.refundedNet = $0.totalNet + 1 },
        refused("refundedGross") { $0.refundedGross = -1 },
    ]
}
