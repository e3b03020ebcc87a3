import Contract
import FoundationEssentials

/// A stored thread.
struct ThreadRecord: Sendable, Equatable {
    var id: Int64
    var orderNumber: OrderNumber
    var customerId: CustomerId?
    var email: String
    var subject: String
    var status: ThreadStatus
    var createdAt: Date
    var updatedAt: Date
    var firstResponseAt: Date?
    var closedAt: Date?

    var summary: ThreadSummary {
        ThreadSummary(
            id: id, orderNumber: orderNumber, customerId: customerId, email: email, subject: subject, status: status,
            createdAt: createdAt, updatedAt: updatedAt, firstResponseAt: firstResponseAt, closedAt: closedAt)
    }

    /// A text as the search compares it: lower case in every script.
    static func key(_ text: String) -> String { text.lowercased() }
}
