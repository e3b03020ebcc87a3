import FoundationEssentials

/// A product's rating summary over its published reviews only, kept by the database in the same
/// transaction as every change to a review, so it always agrees with the public listing.
public struct RatingSummary: Codable, Sendable, Hashable {
    public var productId: ProductId
    /// Published reviews.
    public var count: Int64
    /// The sum of their ratings: `ratingSum / count` is the exact average.
    public var ratingSum: Int64
    /// `ratingSum / count` rounded half up to two decimals; null while there are none.
    public var average: Double?
    /// How many published reviews gave each rating.
    public var histogram: RatingHistogram

    /// Creates a summary from its counts; the average is derived.
    public init(productId: ProductId, histogram: RatingHistogram) {
        self.productId = productId
        self.histogram = histogram
        count = histogram.count
        ratingSum = histogram.ratingSum
        average = histogram.roundedAverage
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(productId, forKey: .productId)
        try container.encode(count, forKey: .count)
        try container.encode(ratingSum, forKey: .ratingSum)
        // `average` is always present, null without reviews, as the schema requires.
        try container.encode(average, forKey: .average)
        try container.encode(histogram, forKey: .histogram)
    }

    private enum CodingKeys: String, CodingKey { case productId, count, ratingSum, average, histogram }
}

/// Published reviews per rating, keyed "1" to "5".
public struct RatingHistogram: Codable, Sendable, Hashable {
    public var one: Int64
    public var two: Int64
    public var three: Int64
    public var four: Int64
    public var five: Int64

    enum CodingKeys: String, CodingKey {
        case one = "1"
        case two = "2"
        case three = "3"
        case four = "4"
        case five = "5"
    }

    /// Creates a histogram from the counts of ratings 1 to 5.
    public init(one: Int64 = 0, two: Int64 = 0, three: Int64 = 0, four: Int64 = 0, five: Int64 = 0) {
        self.one = one
        self.two = two
        self.three = three
        self.four = four
        self.five = five
    }

    /// The counts of ratings 1 to 5, in order.
    public var counts: [Int64] { [one, two, three, four, five] }

    public var count: Int64 { counts.reduce(0, +) }

    public var ratingSum: Int64 {
        counts.enumerated().reduce(0) { sum, entry in sum + Int64(entry.offset + 1) * entry.element }
    }

    /// The average rounded half up to two decimals, computed in integers so that it is exact
    /// (4.335 gives 4.34, never 4.33 through a binary fraction); nil without reviews.
    public var roundedAverage: Double? {
        guard count > 0 else { return nil }
        let hundredths = (ratingSum * 200 + count) / (2 * count)
        return Double(hundredths) / 100
    }
}
