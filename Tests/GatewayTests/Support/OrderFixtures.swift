import Contract
import Foundation

extension OrderDocument {
    /// A valid order with defaults; change what a test is about.
    static func make(
        customerId: CustomerId? = "c-1", status: OrderStatus = .created, quantity: Int64 = 2, currency: String = "PLN",
        totalGross: Int64? = nil
    ) -> OrderDocument {
        OrderDocument(
            customerId: customerId,
            buyer: Buyer(
                name: "Jan Nowak", street: "Polna 1", postcode: "00-001", city: "Warszawa", email: "jan@example.pl",
                phone: "+48 600 000 000"),
            currency: currency,
            lines: [
                OrderLine(
                    productId: "p-1", name: "Kubek", category: "kitchen", quantity: quantity, unitNet: 10_000,
                    unitGross: 12_300)
            ],
            shipping: ShippingCost(net: 0, gross: 0),
            totalNet: quantity.multipliedReportingOverflow(by: 10_000).partialValue,
            totalGross: totalGross ?? quantity.multipliedReportingOverflow(by: 12_300).partialValue, status: status,
            placedAt: Date(timeIntervalSince1970: 1_800_000_000)
        )
    }

    /// The document as JSON text, for editing fields a typed value cannot hold.
    var jsonText: String {
        (try? String(decoding: JSONCoding.encode(self), as: UTF8.self)) ?? "{}"
    }
}
