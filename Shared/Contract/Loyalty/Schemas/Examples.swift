import FoundationEssentials

/// Values the contract types' examples share, so the examples fit together (the reward an
/// exchange order names is the reward of the catalogue's example).
public enum Examples {
    public static let customerId = "c-1001"
    public static let productId = "sku-42"
    public static let orderNumber = "SO-2026-0042"
    /// A valid value of each path parameter, for the document.
    public static let pathParameters: [String: String] = [
        "customerId": customerId, "productId": productId, "orderNumber": orderNumber, "id": "1", "debitId": "d-1",
        "eventId": "loyalty:\(orderNumber):1",
    ]
    /// 2026-11-23T10:00:00Z.
    public static let instant = Date(timeIntervalSince1970: 1_795_428_000)
    /// A year after `instant`.
    public static let expiry = Date(timeIntervalSince1970: 1_826_964_000)
}
