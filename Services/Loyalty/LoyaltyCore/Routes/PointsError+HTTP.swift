import HTTP

/// A calculation or a balance out of range: 422 `points_out_of_range`, worded by the error.
extension PointsError: HTTPResponseError {
    public var status: HTTPStatus { .unprocessableContent }
    public var code: String { "points_out_of_range" }
    public var message: String { description }
}
