/// Why a helpdesk request is refused, beyond a malformed body.
enum HelpdeskRefusal: Error, Equatable {
    /// No thread has this id, or it is not the calling customer's.
    case noThread(Int64)
    case noStandardReply(Int64)
    /// A note from a caller who is not the shop's back office.
    case noteNotAllowed
    /// A standard reply picked by a caller who is not the shop's back office.
    case standardRepliesAreStaffs
}
