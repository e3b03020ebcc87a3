import Contract
import HTTP

/// A refused debit: 404 for an unknown id, 409 `debit_id_reused` for an id used before for
/// another customer or amount.
extension PointDebitRefusal: HTTPResponseError {
    var status: HTTPStatus {
        if case .notFound = self { return .notFound }
        return .conflict
    }

    var code: String {
        switch self {
        case .notFound: "not_found"
        case .idReused: "debit_id_reused"
        }
    }

    var message: String {
        switch self {
        case .notFound(let debitId): "No debit \(debitId)."
        case .idReused(let debitId): "Debit \(debitId) was recorded for another customer or amount."
        }
    }
}
