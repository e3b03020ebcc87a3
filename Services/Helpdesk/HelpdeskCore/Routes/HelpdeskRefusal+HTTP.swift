import HTTP

/// 404 for a thread the caller cannot see or a standard reply that does not exist; 403 for a note
/// or a standard reply from a caller who is not the shop's back office.
extension HelpdeskRefusal: HTTPResponseError {
    public var status: HTTPStatus {
        switch self {
        case .noThread, .noStandardReply: return .notFound
        case .noteNotAllowed, .standardRepliesAreStaffs: return .forbidden
        }
    }

    public var code: String {
        switch self {
        case .noThread: return "not_found"
        case .noStandardReply: return "standard_reply_not_found"
        case .noteNotAllowed, .standardRepliesAreStaffs: return "forbidden"
        }
    }

    public var message: String {
        switch self {
        case .noThread(let id): return "No thread \(id)."
        case .noStandardReply(let id): return "No standard reply \(id)."
        case .noteNotAllowed: return "Only the shop's back office writes notes."
        case .standardRepliesAreStaffs: return "Only the shop's back office sends standard replies."
        }
    }
}
