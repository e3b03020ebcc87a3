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

    /// A standard reply's text for `thread`: each placeholder replaced by the thread's value, in
    /// one pass, so a value that itself reads like a placeholder (a subject holding `{email}`)
    /// stays as the customer wrote it.
    static func filled(_ text: String, for thread: ThreadRecord) -> String {
        var result = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"),
                let placeholder = StandardReplyPlaceholder(rawValue: String(rest[afterOpen..<close]))
            {
                result += value(of: placeholder, in: thread)
                rest = rest[rest.index(after: close)...]
            } else {
                result.append("{")
                rest = rest[afterOpen...]
            }
        }
        return result + rest
    }

    /// What `placeholder` stands for in `thread`.
    static func value(of placeholder: StandardReplyPlaceholder, in thread: ThreadRecord) -> String {
        switch placeholder {
        case .orderNumber: return thread.orderNumber.text
        case .subject: return thread.subject
        case .email: return thread.email
        case .threadId: return String(thread.id)
        }
    }
}
