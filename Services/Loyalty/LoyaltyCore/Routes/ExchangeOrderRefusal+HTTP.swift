import Contract
import HTTP

/// A refused move on an exchange order: 404 for an unknown id, 409 naming the state that refuses.
extension ExchangeOrderRefusal: HTTPResponseError {
    var status: HTTPStatus {
        if case .notFound = self { return .notFound }
        return .conflict
    }

    var code: String {
        switch self {
        case .notFound: "not_found"
        case .markingRejected: "exchange_order_rejected"
        case .alreadyRejected: "already_rejected"
        case .alreadyExchanged: "already_exchanged"
        }
    }

    var message: String {
        switch self {
        case .notFound(let id): "No exchange order \(id)."
        case .markingRejected(let id): "Exchange order \(id) was rejected and cannot be marked."
        case .alreadyRejected(let id): "Exchange order \(id) was rejected already."
        case .alreadyExchanged(let id): "Exchange order \(id) is marked exchanged; clear the mark before rejecting it."
        }
    }
}
