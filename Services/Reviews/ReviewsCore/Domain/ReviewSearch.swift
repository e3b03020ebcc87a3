import Contract
import FoundationEssentials

/// The admin's search of reviews: every filter optional, newest first.
struct ReviewSearch: Sendable {
    /// Any part of the comment, in any letter case.
    var text: String?
    var from: Date?
    var to: Date?
    var rating: Int?
    var productId: ProductId?
    var customerId: CustomerId?
    var moderated: Bool?
    var active: Bool?
    /// Only reviews older than this id (the page's cursor).
    var beforeId: Int64?
    var limit: Int
}

/// A product's public listing: its order, an optional rating, and where the page starts.
struct PublicListing: Sendable {
    /// The last review of the previous page: its rating (for the rating orders) and id.
    struct Position: Sendable, Equatable {
        var rating: Int
        var id: Int64

        /// `rating:id`, the cursor's key.
        var key: String { "\(rating):\(id)" }

        /// The position a cursor's key holds, or nil.
        init?(key: String) {
            let parts = key.split(separator: ":")
            guard parts.count == 2, let rating = Int(parts[0]), (1...5).contains(rating), let id = Int64(parts[1]),
                id >= 0
            else { return nil }
            self.init(rating: rating, id: id)
        }

        init(rating: Int, id: Int64) {
            self.rating = rating
            self.id = id
        }
    }

    var productId: ProductId
    var sort: ReviewSort
    var rating: Int?
    var after: Position?
    var limit: Int
}
