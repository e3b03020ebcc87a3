import Contract
import HTTP

/// A body that breaks rules is a 422 naming the first field in `details.field`, the listed ones
/// in `details.fields` with their problems, and how many more there are in `details.unlisted`.
extension ValidationFailure: HTTPResponseError {
    public var status: HTTPStatus { .unprocessableContent }

    public var details: [String: ErrorDetail] {
        var details: [String: ErrorDetail] = [
            "field": .string(problems.first?.field ?? ""),
            "fields": .strings(listed.map(\.field)),
            "problems": .strings(listed.map(\.description)),
        ]
        if unlisted > 0 { details["unlisted"] = .int(Int64(unlisted)) }
        return details
    }
}
