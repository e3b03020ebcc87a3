import Contract
import FoundationEssentials
import ServiceKit
import Store

/// The helpdesk's side of the privacy contract (`PrivacyEndpoints`): the person's threads as they
/// would see them, and their erasure under the pseudonym.
enum HelpdeskPrivacy {
    /// The person's threads (`ThreadDetail`), newest first, each with its messages as the customer
    /// sees them: without the operators' internal notes and the status history.
    static func subject(_ customerId: CustomerId, in connection: Connection) throws -> [String: JSONValue] {
        let threads = try PrivacyEndpoints.all(
            { before, limit in
                try ThreadRepository.search(
                    ThreadRepository.Search(customerId: customerId, beforeId: before, limit: limit), in: connection)
            }, position: \.id)
        let details = try threads.map { thread in
            ThreadDetail(
                thread: thread.summary,
                messages: try MessageRepository.messages(of: thread.id, notes: false, in: connection),
                statusChanges: [])
        }
        var holds: [String: JSONValue] = [:]
        holds["threads"] = try PrivacyEndpoints.records(details)
        return holds
    }

    /// Anonymizes the person's threads (`HelpdeskPrivacyRepository.erase`).
    static func erase(_ erasure: SubjectErasure, in connection: Connection) throws -> Int64 {
        try HelpdeskPrivacyRepository.erase(erasure, in: connection)
    }
}
