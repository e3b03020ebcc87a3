import FoundationEssentials

extension RatingSummary: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "productId": Schema.string,
                "count": Schema.integer(minimum: 0, description: "Published reviews."),
                "ratingSum": Schema.integer(minimum: 0, description: "The sum of their ratings."),
                "average": Schema.nullable(
                    Schema.described(
                        Schema.number, "ratingSum / count rounded half up to two decimals; null without reviews.")),
                "histogram": RatingHistogram.reference,
            ], required: ["productId", "count", "ratingSum", "average", "histogram"])
    }
    public static var referencedTypes: [any SchemaDescribing.Type] { [RatingHistogram.self] }
    public static var example: RatingSummary {
        RatingSummary(
            productId: ReviewsExamples.productId,
            histogram: RatingHistogram(one: 1, two: 0, three: 2, four: 5, five: 12))
    }
}

extension RatingHistogram: SchemaDescribing {
    public static var schema: JSONValue {
        let count = Schema.integer(minimum: 0)
        return Schema.object(
            ["1": count, "2": count, "3": count, "4": count, "5": count], required: ["1", "2", "3", "4", "5"],
            description: "Published reviews per rating.")
    }
    public static var example: RatingHistogram { RatingHistogram(one: 1, two: 0, three: 2, four: 5, five: 12) }
}
