import FoundationEssentials

/// `POST /v1/threads`: a customer writes to the shop about one of their orders.
public struct ThreadOpening: Codable, Sendable, Hashable {
    public var orderNumber: OrderNumber
    public var customerId: CustomerId?
    /// Where the shop's answers are announced.
    public var email: String
    public var subject: String
    public var message: String

    /// Creates an opening.
    public init(
        orderNumber: OrderNumber, customerId: CustomerId? = nil, email: String, subject: String, message: String
    ) {
        self.orderNumber = orderNumber
        self.customerId = customerId
        self.email = email
        self.subject = subject
        self.message = message
    }
}

/// A thread as the lists show it: what the source's search results show, with the response times.
public struct ThreadSummary: Codable, Sendable, Hashable {
    public var id: Int64
    public var orderNumber: OrderNumber
    public var customerId: CustomerId?
    public var email: String
    public var subject: String
    public var status: ThreadStatus
    public var createdAt: Date
    /// The last message or status change.
    public var updatedAt: Date
    /// The first operator reply (notes do not count).
    public var firstResponseAt: Date?
    /// When the thread was last closed; null while it is open.
    public var closedAt: Date?

    /// Creates a summary.
    public init(
        id: Int64, orderNumber: OrderNumber, customerId: CustomerId?, email: String, subject: String,
        status: ThreadStatus, createdAt: Date, updatedAt: Date, firstResponseAt: Date?, closedAt: Date?
    ) {
        self.id = id
        self.orderNumber = orderNumber
        self.customerId = customerId
        self.email = email
        self.subject = subject
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.firstResponseAt = firstResponseAt
        self.closedAt = closedAt
    }
}

/// A thread with its messages and status changes, oldest first. A customer and the storefront
/// see no notes and no status history.
public struct ThreadDetail: Codable, Sendable, Hashable {
    public var thread: ThreadSummary
    public var messages: [ThreadMessage]
    public var statusChanges: [StatusChangeRecord]

    /// Creates a detail.
    public init(thread: ThreadSummary, messages: [ThreadMessage], statusChanges: [StatusChangeRecord]) {
        self.thread = thread
        self.messages = messages
        self.statusChanges = statusChanges
    }
}

/// Who wrote a message.
public enum MessageAuthorRole: String, Codable, Sendable, CaseIterable {
    case customer
    case `operator`
}

/// One message of a thread.
public struct ThreadMessage: Codable, Sendable, Hashable {
    public var id: Int64
    public var from: MessageAuthorRole
    /// The caller as histories name it (`admin:<key label>`, `customer:<id>`, `storefront:<label>`).
    public var author: String
    public var body: String
    /// An internal note: only the admin sees it, the customer is never told.
    public var note: Bool
    /// The standard reply the operator picked, if any.
    public var standardReplyId: Int64?
    public var createdAt: Date

    /// Creates a message.
    public init(
        id: Int64, from: MessageAuthorRole, author: String, body: String, note: Bool, standardReplyId: Int64?,
        createdAt: Date
    ) {
        self.id = id
        self.from = from
        self.author = author
        self.body = body
        self.note = note
        self.standardReplyId = standardReplyId
        self.createdAt = createdAt
    }
}

/// One change of a thread's status: from what, to what, by whom, when.
public struct StatusChangeRecord: Codable, Sendable, Hashable {
    public var from: ThreadStatus?
    public var to: ThreadStatus
    public var actor: String
    public var at: Date

    /// Creates a record.
    public init(from: ThreadStatus?, to: ThreadStatus, actor: String, at: Date) {
        self.from = from
        self.to = to
        self.actor = actor
        self.at = at
    }
}

/// What a message is: a reply (the customer's message, or the operator's answer, which is
/// e-mailed) or the operator's internal note.
public enum MessageKind: String, Codable, Sendable, CaseIterable {
    case reply
    case note
}

/// `POST /v1/threads/{id}/messages`: a message typed (`body`), a standard reply picked
/// (`standardReplyId`: its text with the placeholders filled in), or both: the text of a picked
/// reply as the operator edited it, the reply it came from kept with the message.
public struct MessageRequest: Codable, Sendable, Hashable {
    public var body: String?
    public var standardReplyId: Int64?
    /// `reply` when left out.
    public var kind: MessageKind?

    /// Creates a request.
    public init(body: String? = nil, standardReplyId: Int64? = nil, kind: MessageKind? = nil) {
        self.body = body
        self.standardReplyId = standardReplyId
        self.kind = kind
    }
}

/// `PUT /v1/threads/{id}/status`.
public struct StatusUpdate: Codable, Sendable, Hashable {
    public var status: ThreadStatus

    /// Creates an update.
    public init(status: ThreadStatus) { self.status = status }
}
