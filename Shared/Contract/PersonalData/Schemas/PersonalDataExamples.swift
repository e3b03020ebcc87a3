import FoundationEssentials

/// Values the registry's examples share, so they fit together.
public enum PersonalDataExamples {
    public static let customerId = CustomerId(stringLiteral: Examples.customerId)
    public static let orderNumber = OrderNumber(stringLiteral: Examples.orderNumber)
    public static let registeredAt = Date(timeIntervalSince1970: 1_767_225_600)
    public static let buyer = Buyer(
        login: "zofia.zolw", name: "Zofia Żółwińska", street: "Źródlana 5/12", postcode: "31-052", city: "Kraków",
        email: "zofia@example.pl", phone: "+48 600 100 200")
    public static let customer = CustomerRecordInput(
        login: buyer.login, registeredAt: registeredAt, name: buyer.name, street: buyer.street,
        postcode: buyer.postcode, city: buyer.city, phone: buyer.phone, email: buyer.email)
}
