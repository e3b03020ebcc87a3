import Contract

/// Who calls the helpdesk, as its rules see them: the shop's back office sees and does
/// everything; the storefront writes and reads for the customers; a customer only their own
/// threads. Neither of the latter two sees notes or the status history.
struct HelpdeskCaller: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case staff
        case storefront
        /// A customer token's customer (one without sees nothing).
        case customer(CustomerId?)
    }

    var kind: Kind
    /// The name histories record (`admin:<label>`, `storefront:<label>`, `customer:<id>`).
    var actor: String

    var isStaff: Bool { kind == .staff }

    /// Whether the caller may see `thread` at all.
    func maySee(_ thread: ThreadRecord) -> Bool {
        if case .customer(let id) = kind { return id != nil && thread.customerId == id }
        return true
    }
}
