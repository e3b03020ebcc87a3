/// Why the rewards catalogue or the earning rules refuse a request. Plain domain values: the
/// routes map them to HTTP (`CatalogueRefusal+HTTP.swift`).
enum CatalogueRefusal: Error, Equatable, Sendable {
    /// No reward for this product (or none the caller may see).
    case noReward(String)
    /// The product is in the catalogue already (create it once, change it with PUT).
    case rewardExists(String)
    /// No earning rule has this id.
    case noRule(Int64)
}
