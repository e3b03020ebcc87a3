import Contract
import FoundationEssentials

/// The source's rules of a thread's status: an operator's reply sets "operator replied", a
/// customer's reply "customer replied" (also on a closed thread, which it reopens), a note changes
/// nothing, and the operator may set any status. Closing records when; leaving closed clears it.
enum ThreadWorkflow {
    /// Who adds a message, and what kind.
    enum Message: Equatable {
        case customer
        case operatorReply
        case operatorNote
    }

    /// The thread after `message` at `now`.
    static func after(_ message: Message, on thread: ThreadRecord, at now: Date) -> ThreadRecord {
        var next = thread
        next.updatedAt = now
        switch message {
        case .customer:
            next = setting(.customerReplied, on: next, at: now)
        case .operatorReply:
            next = setting(.operatorReplied, on: next, at: now)
            if next.firstResponseAt == nil { next.firstResponseAt = now }
        case .operatorNote:
            break
        }
        return next
    }

    /// The thread with `status` set at `now`.
    static func setting(_ status: ThreadStatus, on thread: ThreadRecord, at now: Date) -> ThreadRecord {
        var next = thread
        guard status != thread.status else { return next }
        next.status = status
        next.updatedAt = now
        next.closedAt = status == .closed ? now : nil
        return next
    }

    /// A standard reply's text for `thread`: each placeholder replaced by the thread's value.
    static func filled(_ text: String, for thread: ThreadRecord) -> String {
        var result = text
        for placeholder in StandardReplyPlaceholder.allCases {
            let value: String
            switch placeholder {
            case .orderNumber: value = thread.orderNumber.text
            case .subject: value = thread.subject
            case .email: value = thread.email
            case .threadId: value = String(thread.id)
            }
            result = result.replacing(placeholder.token, with: value)
        }
        return result
    }
}
