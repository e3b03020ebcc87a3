import Contract
import FoundationEssentials
import ServiceKit
import Store

/// The SQL of the privacy contract's erasure in the helpdesk (`HelpdeskPrivacy`).
enum HelpdeskPrivacyRepository {
    /// What an erased person's own words become.
    static let erasedText = "[usunięto]"

    /// Anonymizes the person's threads (those with their customer id): each thread's customer id
    /// becomes the pseudonym, its address the empty text (no address: nothing is mailed to it and
    /// no search by address finds it) and its subject `erasedText`; the body of every customer's
    /// message in them becomes `erasedText`; `customer:<id>` becomes `customer:<pseudonym>` as a
    /// message's author and a status change's actor. Operators' replies and notes, statuses and
    /// times stay, so the response-time figures do not change. Returns the rows changed.
    static func erase(_ erasure: SubjectErasure, in connection: Connection) throws -> Int64 {
        let person = erasure.customerId.text
        let (actor, pseudonymActor) = erasure.actors
        // Messages and status changes first: they are found through their threads' customer id.
        return try PrivacyEndpoints.changes(
            [
                (
                    """
                    UPDATE messages SET body = CASE WHEN from_role = 'customer' THEN ?3 ELSE body END,
                        author = CASE WHEN author = ?1 THEN ?2 ELSE author END
                    WHERE thread_id IN (SELECT id FROM threads WHERE customer_id = ?4)
                        AND (from_role = 'customer' OR author = ?1)
                    """, [actor, pseudonymActor, erasedText, person]
                ),
                (
                    """
                    UPDATE status_changes SET actor = ?2
                    WHERE actor = ?1 AND thread_id IN (SELECT id FROM threads WHERE customer_id = ?3)
                    """, [actor, pseudonymActor, person]
                ),
                (
                    """
                    UPDATE threads SET customer_id = ?1, email = '', email_key = '', subject = ?3, subject_key = ?4
                    WHERE customer_id = ?2
                    """, [erasure.pseudonym, person, erasedText, ThreadRecord.key(erasedText)]
                ),
            ], in: connection)
    }
}
