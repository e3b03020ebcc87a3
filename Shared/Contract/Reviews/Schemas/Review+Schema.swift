import FoundationEssentials

/// The fields a review has as posted, with the limits its checks read.
enum ReviewSchema {
    static let comment = TextRules.textSchema(
        maxLength: ReviewRules.maximumCommentLength,
        description:
            "Any language; line breaks and tabs but no other control characters. A posted comment holds at most "
            + "\(ReviewRules.maximumLinks) links (http://, https://, www.).")
    static let rating = Schema.integer(
        minimum: Int64(ReviewRules.ratings.lowerBound), maximum: Int64(ReviewRules.ratings.upperBound))
    static let authorName = Schema.described(
        TextRules.textSchema(maxLength: ReviewRules.maximumAuthorNameLength), "One line, as shown beside the review.")
    static let productName = Schema.described(
        TextRules.textSchema(maxLength: TextRules.maximumNameLength), "One line, as the shop names the product.")
}

extension ReviewSubmission: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "productId": TextRules.identifierSchema(ProductIdKind.self), "productName": ReviewSchema.productName,
                "rating": ReviewSchema.rating, "comment": ReviewSchema.comment, "authorName": ReviewSchema.authorName,
                "customerId": TextRules.identifierSchema(CustomerIdKind.self),
            ], required: ["productId", "productName", "rating", "comment", "authorName"])
    }
    public static var example: ReviewSubmission {
        ReviewSubmission(
            productId: ReviewsExamples.productId, productName: ReviewsExamples.productName, rating: 5,
            comment: ReviewsExamples.comment, authorName: ReviewsExamples.authorName,
            customerId: ReviewsExamples.customerId)
    }
}

extension ReviewChange: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            ["comment": ReviewSchema.comment, "rating": ReviewSchema.rating, "active": Schema.boolean],
            description: "At least one of the fields.")
    }
    public static var example: ReviewChange {
        ReviewChange(comment: ReviewsExamples.comment, rating: 4, active: true)
    }
}

extension Review: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "id": Schema.integer, "productId": Schema.string, "productName": Schema.string,
                "rating": ReviewSchema.rating, "comment": Schema.string, "authorName": Schema.string,
                "customerId": Schema.string,
                "verifiedPurchase": Schema.described(
                    Schema.boolean, "The author bought the product: a paid or fulfilled order of theirs holds it."),
                "moderated": Schema.described(Schema.boolean, "The admin activated or edited it at least once."),
                "active": Schema.boolean,
                "published": Schema.described(Schema.boolean, "Moderated and active: public in the shop."),
                "createdAt": Schema.dateTime, "updatedAt": Schema.dateTime,
            ],
            required: [
                "id", "productId", "productName", "rating", "comment", "authorName", "verifiedPurchase", "moderated",
                "active", "published", "createdAt", "updatedAt",
            ])
    }
    public static var example: Review {
        Review(
            id: ReviewsExamples.reviewId, productId: ReviewsExamples.productId,
            productName: ReviewsExamples.productName, rating: 5, comment: ReviewsExamples.comment,
            authorName: ReviewsExamples.authorName, customerId: ReviewsExamples.customerId, verifiedPurchase: true,
            moderated: true, active: true, createdAt: Examples.instant, updatedAt: Examples.instant)
    }
}

extension PublicReview: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "id": Schema.integer, "productId": Schema.string, "rating": ReviewSchema.rating,
                "comment": Schema.string, "authorName": Schema.string, "verifiedPurchase": Schema.boolean,
                "createdAt": Schema.dateTime,
            ], required: ["id", "productId", "rating", "comment", "authorName", "verifiedPurchase", "createdAt"])
    }
    public static var example: PublicReview {
        PublicReview(
            id: ReviewsExamples.reviewId, productId: ReviewsExamples.productId, rating: 5,
            comment: ReviewsExamples.comment, authorName: ReviewsExamples.authorName, verifiedPurchase: true,
            createdAt: Examples.instant)
    }
}
