import FoundationEssentials

// Every limit below is the constant `OrderRules` validates with, so the document and the
// gateway's check cannot disagree.

extension Buyer: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "login": Schema.text(maxLength: OrderRules.maxTextBytes),
                "name": Schema.text(maxLength: OrderRules.maxTextBytes),
                "street": Schema.text(maxLength: OrderRules.maxTextBytes),
                "postcode": Schema.text(maxLength: OrderRules.maxPostcodeBytes),
                "city": Schema.text(maxLength: OrderRules.maxTextBytes),
                "email": .object(["type": .string("string"), "format": .string("email")]),
                "phone": Schema.text(maxLength: OrderRules.maxPhoneBytes),
            ], required: ["name", "street", "postcode", "city", "email", "phone"],
            description: "Personal data: only the personal-data registry keeps it.")
    }
    public static var example: Buyer {
        Buyer(
            login: "jnowak", name: "Jan Nowak", street: "Polna 1", postcode: "00-001", city: "Warszawa",
            email: "jan@example.pl", phone: "+48 600 000 000")
    }
}

extension ShippingCost: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(["net": Schema.orderAmount, "gross": Schema.orderAmount], required: ["net", "gross"])
    }
    public static var example: ShippingCost { ShippingCost(net: 1_000, gross: 1_230) }
}

extension OrderLine: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "productId": TextRules.identifierSchema(ProductIdKind.self),
                "name": Schema.text(maxLength: OrderRules.maxTextBytes),
                "category": Schema.text(maxLength: OrderRules.maxTextBytes),
                "quantity": .object([
                    "type": .string("integer"), "minimum": .number(1),
                    "maximum": .number(Double(OrderRules.maxQuantity)),
                ]),
                "unitNet": Schema.unitPrice, "unitGross": Schema.unitPrice,
            ], required: ["productId", "name", "quantity", "unitNet", "unitGross"])
    }
    public static var example: OrderLine {
        OrderLine(
            productId: ProductId(stringLiteral: Examples.productId), name: "Mug", category: "kitchen", quantity: 2,
            unitNet: 10_000, unitGross: 12_300)
    }
}

extension OrderDocument: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "customerId": TextRules.identifierSchema(CustomerIdKind.self),
                "buyer": Buyer.reference,
                "currency": .object([
                    "type": .string("string"), "pattern": .string("^[A-Z]{3}$"),
                    "description": .string("ISO 4217 code."),
                ]),
                "lines": .object([
                    "type": .string("array"), "items": OrderLine.reference, "minItems": .number(1),
                    "maxItems": .number(Double(OrderRules.maxLines)),
                ]),
                "shipping": ShippingCost.reference,
                "totalNet": Schema.orderTotal, "totalGross": Schema.orderTotal,
                "discountCode": TextRules.identifierSchema(DiscountCodeKind.self),
                "status": OrderStatus.reference,
                "placedAt": Schema.dateTime,
                "refundedNet": Schema.orderRefund, "refundedGross": Schema.orderRefund,
            ], required: ["buyer", "currency", "lines", "shipping", "totalNet", "totalGross", "status", "placedAt"],
            description: "The whole order, sent again after every change.")
    }
    public static var referencedTypes: [any SchemaDescribing.Type] {
        [Buyer.self, OrderLine.self, ShippingCost.self, OrderStatus.self]
    }
    /// A paid order of two mugs with shipping, a discount code and part of it refunded: every
    /// field set, and the totals add up as `OrderRules` requires.
    public static var example: OrderDocument {
        OrderDocument(
            customerId: CustomerId(stringLiteral: Examples.customerId), buyer: .example, currency: "PLN",
            lines: [.example], shipping: .example, totalNet: 21_000, totalGross: 25_830,
            discountCode: DiscountCode(stringLiteral: "SPRING-10"), status: .paid, placedAt: Examples.instant,
            refundedNet: 10_000, refundedGross: 12_300)
    }
}

extension Schema {
    /// An order's shipping cost in minor units: 0 to `OrderRules.maxAmount`.
    static let orderAmount: JSONValue = .object([
        "type": .string("integer"), "format": .string("int64"), "minimum": .number(0),
        "maximum": .number(Double(OrderRules.maxAmount)),
        "description": .string("Minor units (grosze, haléře, cents)."),
    ])

    /// An order's total in minor units. Its bound is stated in words, not as `maximum`: a total
    /// must equal its lines plus shipping, so no total is valid on its own, the bound included.
    static let orderTotal = bounded(
        "Minor units: the lines (quantity × unit price) plus shipping, within one minor unit per line and one for "
            + "shipping; at most \(OrderRules.maxAmount).")

    /// What was refunded of an order, bounded by its total (so, as the total, not by `maximum`).
    static let orderRefund = bounded("Minor units refunded so far; at most the total (totalNet, totalGross).")

    /// A non-negative amount whose upper bound depends on other fields, as `description` says.
    private static func bounded(_ description: String) -> JSONValue {
        .object([
            "type": .string("integer"), "format": .string("int64"), "minimum": .number(0),
            "description": .string(description),
        ])
    }

    /// A unit price in minor units; negative for a discount line, at most `OrderRules.maxUnitAmount`
    /// either way.
    static let unitPrice: JSONValue = .object([
        "type": .string("integer"), "format": .string("int64"),
        "minimum": .number(Double(-OrderRules.maxUnitAmount)), "maximum": .number(Double(OrderRules.maxUnitAmount)),
        "description": .string("Minor units; negative for a discount line (a coupon, a rebate)."),
    ])
}
