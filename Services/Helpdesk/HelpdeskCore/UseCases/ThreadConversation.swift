import Contract
import FoundationEssentials
import ServiceKit
import Store

/// Opening a thread and adding messages to it, each in the caller's transaction with the status
/// the workflow gives, the status history, and the customer's notification of an operator reply.
struct ThreadConversation: Sendable {
    let dependencies: HelpdeskDependencies

    /// Opens a thread (reported) with its first message, the customer's.
    func open(_ opening: ThreadOpening, by caller: HelpdeskCaller, in connection: Connection) throws -> ThreadDetail {
        let now = dependencies.now()
        let thread = try ThreadRepository.insert(opening, at: now, in: connection)
        _ = try MessageRepository.insert(
            threadId: thread.id, from: .customer, author: caller.actor, body: opening.message, note: false,
            standardReplyId: nil, at: now, in: connection)
        try MessageRepository.recordStatusChange(
            threadId: thread.id, from: nil, to: .reported, actor: caller.actor, at: now, in: connection)
        return try ThreadQueries.detail(of: thread, for: caller, in: connection)
    }

    /// Adds `request` to thread `id`: a customer's reply, or the operator's reply or note.
    func post(_ request: MessageRequest, to id: Int64, by caller: HelpdeskCaller, in connection: Connection) throws
        -> ThreadMessage
    {
        let thread = try ThreadQueries.thread(id, for: caller, in: connection)
        let kind = request.kind ?? .reply
        if kind == .note, !caller.isStaff { throw HelpdeskRefusal.noteNotAllowed }
        // Standard replies are the back office's texts: a customer may not read them by number.
        if request.standardReplyId != nil, !caller.isStaff { throw HelpdeskRefusal.standardRepliesAreStaffs }
        var body = request.body
        if let replyId = request.standardReplyId {
            guard let reply = try StandardReplyRepository.find(replyId, in: connection) else {
                throw HelpdeskRefusal.noStandardReply(replyId)
            }
            if body == nil { body = ThreadWorkflow.filled(reply.body, for: thread) }
        }
        let step: ThreadWorkflow.Message =
            caller.isStaff ? (kind == .note ? .operatorNote : .operatorReply) : .customer
        let now = dependencies.now()
        let message = try MessageRepository.insert(
            threadId: id, from: caller.isStaff ? .operator : .customer, author: caller.actor, body: body ?? "",
            note: step == .operatorNote, standardReplyId: request.standardReplyId, at: now, in: connection)
        try record(ThreadWorkflow.after(step, on: thread, at: now), was: thread, by: caller, in: connection)
        if step == .operatorReply, Mailer.isDeliverable(thread.email) {
            let link = dependencies.mailer.link(ReplyMail.path(dependencies.threadPath, thread: thread))
            let mail = ReplyMail(thread: thread, link: link)
            try dependencies.mailer.enqueue(
                MailMessage(to: [thread.email], subject: mail.subject, textBody: mail.body), in: connection,
                eventId: "helpdesk-reply-mail-\(message.id)")
        }
        return message
    }

    /// Sets thread `id`'s status (the admin's "Set status").
    func setStatus(_ status: ThreadStatus, of id: Int64, by caller: HelpdeskCaller, in connection: Connection) throws
        -> ThreadRecord
    {
        let thread = try ThreadQueries.thread(id, for: caller, in: connection)
        let next = ThreadWorkflow.setting(status, on: thread, at: dependencies.now())
        try record(next, was: thread, by: caller, in: connection)
        return next
    }

    /// Writes `next` and, when its status differs from `thread`'s, the change.
    private func record(
        _ next: ThreadRecord, was thread: ThreadRecord, by caller: HelpdeskCaller, in connection: Connection
    )
        throws
    {
        guard next != thread else { return }
        try ThreadRepository.update(next, in: connection)
        if next.status != thread.status {
            try MessageRepository.recordStatusChange(
                threadId: thread.id, from: thread.status, to: next.status, actor: caller.actor, at: next.updatedAt,
                in: connection)
        }
    }
}
