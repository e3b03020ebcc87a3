import Contract
import Store

/// The per-product counts the triggers keep.
enum RatingSummaryRepository {
    /// The product's published reviews per rating; all zero for a product without any.
    static func histogram(_ productId: ProductId, in connection: Connection) throws -> RatingHistogram {
        guard
            let row = try connection.queryOne(
                "SELECT r1, r2, r3, r4, r5 FROM rating_summaries WHERE product_id = ?", productId.text)
        else { return RatingHistogram() }
        return RatingHistogram(
            one: try row.get("r1"), two: try row.get("r2"), three: try row.get("r3"), four: try row.get("r4"),
            five: try row.get("r5"))
    }
}
