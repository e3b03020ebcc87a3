import FoundationEssentials
import Glibc

/// One line of a sales order: a product, how many, and its unit prices in minor units.
public struct OrderLine: Codable, Sendable, Hashable {
    /// The storefront's product id.
    public var productId: ProductId
    /// The product name as sold.
    public var name: String
    /// The product's category ("special department"), when it has one.
    public var category: String?
    /// How many units were bought.
    public var quantity: Int64
    /// Price of one unit without VAT, in minor units.
    public var unitNet: Int64
    /// Price of one unit with VAT, in minor units.
    public var unitGross: Int64

    /// Creates an order line.
    public init(
        productId: ProductId,
        name: String,
        category: String? = nil,
        quantity: Int64,
        unitNet: Int64,
        unitGross: Int64
    ) {
        self.productId = productId
        self.name = name
        self.category = category
        self.quantity = quantity
        self.unitNet = unitNet
        self.unitGross = unitGross
    }
}
