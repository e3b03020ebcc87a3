import FoundationEssentials

/// The texts of the helpdesk, with the limits their checks read.
enum HelpdeskSchema {
    static let subject = Schema.described(
        TextRules.textSchema(maxLength: HelpdeskRules.maximumSubjectLength), "One line.")
    static let message = TextRules.textSchema(
        maxLength: HelpdeskRules.maximumMessageLength,
        description: "Any language; line breaks and tabs but no other control characters.")
}

extension ThreadStatus: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.oneOf(
            ThreadStatus.self,
            description:
                "reported (new), operatorReplied, customerReplied, closed, or forwarded to marketing, sales, "
                + "payments or the store manager.")
    }
    public static var example: ThreadStatus { .operatorReplied }
}

extension ThreadOpening: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "orderNumber": TextRules.identifierSchema(OrderNumberKind.self),
                "customerId": TextRules.identifierSchema(CustomerIdKind.self), "email": EmailRules.schema,
                "subject": HelpdeskSchema.subject, "message": HelpdeskSchema.message,
            ], required: ["orderNumber", "email", "subject", "message"])
    }
    public static var example: ThreadOpening {
        ThreadOpening(
            orderNumber: HelpdeskExamples.orderNumber, customerId: HelpdeskExamples.customerId,
            email: HelpdeskExamples.email, subject: HelpdeskExamples.subject, message: HelpdeskExamples.message)
    }
}

extension ThreadSummary: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "id": Schema.integer, "orderNumber": Schema.string, "customerId": Schema.string, "email": Schema.string,
                "subject": Schema.string, "status": ThreadStatus.reference, "createdAt": Schema.dateTime,
                "updatedAt": Schema.described(Schema.dateTime, "The last message or status change."),
                "firstResponseAt": Schema.described(Schema.dateTime, "The first operator reply; notes do not count."),
                "closedAt": Schema.described(Schema.dateTime, "When it was last closed; null while open."),
            ], required: ["id", "orderNumber", "email", "subject", "status", "createdAt", "updatedAt"])
    }
    public static var referencedTypes: [any SchemaDescribing.Type] { [ThreadStatus.self] }
    public static var example: ThreadSummary {
        ThreadSummary(
            id: HelpdeskExamples.threadId, orderNumber: HelpdeskExamples.orderNumber,
            customerId: HelpdeskExamples.customerId, email: HelpdeskExamples.email, subject: HelpdeskExamples.subject,
            status: .closed, createdAt: Examples.instant, updatedAt: HelpdeskExamples.answeredAt,
            firstResponseAt: HelpdeskExamples.answeredAt, closedAt: HelpdeskExamples.answeredAt)
    }
}

extension ThreadMessage: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "id": Schema.integer, "from": Schema.oneOf(MessageAuthorRole.self),
                "author": Schema.described(Schema.string, "admin:<key label>, storefront:<label> or customer:<id>."),
                "body": Schema.string,
                "note": Schema.described(Schema.boolean, "An internal note, which only the admin sees."),
                "standardReplyId": Schema.integer, "createdAt": Schema.dateTime,
            ], required: ["id", "from", "author", "body", "note", "createdAt"])
    }
    public static var example: ThreadMessage {
        ThreadMessage(
            id: 2, from: .operator, author: "admin:owner",
            body: HelpdeskExamples.reply.replacing("{orderNumber}", with: HelpdeskExamples.orderNumber.text),
            note: false, standardReplyId: 1, createdAt: HelpdeskExamples.answeredAt)
    }
}

extension StatusChangeRecord: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "from": Schema.described(ThreadStatus.reference, "Absent for the opening."),
                "to": ThreadStatus.reference, "actor": Schema.string, "at": Schema.dateTime,
            ], required: ["to", "actor", "at"])
    }
    public static var referencedTypes: [any SchemaDescribing.Type] { [ThreadStatus.self] }
    public static var example: StatusChangeRecord {
        StatusChangeRecord(from: .reported, to: .operatorReplied, actor: "admin:owner", at: HelpdeskExamples.answeredAt)
    }
}

extension ThreadDetail: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "thread": ThreadSummary.reference, "messages": Schema.array(ThreadMessage.reference),
                "statusChanges": Schema.described(
                    Schema.array(StatusChangeRecord.reference), "Oldest first; empty for a customer or the storefront."),
            ], required: ["thread", "messages", "statusChanges"])
    }
    public static var referencedTypes: [any SchemaDescribing.Type] {
        [ThreadSummary.self, ThreadMessage.self, StatusChangeRecord.self]
    }
    public static var example: ThreadDetail {
        ThreadDetail(thread: ThreadSummary.example, messages: [ThreadMessage.example], statusChanges: [.example])
    }
}

extension MessageRequest: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "body": HelpdeskSchema.message,
                "standardReplyId": Schema.integer(
                    minimum: 1,
                    description:
                        "A standard reply to send (placeholders filled in); with body, the one body came from. "
                        + "The admin's only."),
                "kind": Schema.described(
                    Schema.oneOf(MessageKind.self),
                    "reply (default) or note; only the admin writes notes. Give body, standardReplyId or both."),
            ])
    }
    public static var example: MessageRequest {
        MessageRequest(
            body: HelpdeskExamples.reply.replacing("{orderNumber}", with: HelpdeskExamples.orderNumber.text),
            standardReplyId: 1, kind: .reply)
    }
}

extension StatusUpdate: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(["status": ThreadStatus.reference], required: ["status"])
    }
    public static var referencedTypes: [any SchemaDescribing.Type] { [ThreadStatus.self] }
    public static var example: StatusUpdate { StatusUpdate(status: .forwardedSales) }
}

extension StandardReply: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            ["id": Schema.integer, "title": Schema.string, "body": Schema.string, "updatedAt": Schema.dateTime],
            required: ["id", "title", "body", "updatedAt"])
    }
    public static var example: StandardReply {
        StandardReply(id: 1, title: "Paczka w drodze", body: HelpdeskExamples.reply, updatedAt: Examples.instant)
    }
}

extension StandardReplyInput: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "title": HelpdeskSchema.subject,
                "body": Schema.described(
                    HelpdeskSchema.message,
                    "May hold " + StandardReplyPlaceholder.allCases.map(\.token).joined(separator: ", ")
                        + "; another {name} is refused."),
            ], required: ["title", "body"])
    }
    public static var example: StandardReplyInput {
        StandardReplyInput(title: "Paczka w drodze", body: HelpdeskExamples.reply)
    }
}

extension HelpdeskStats: SchemaDescribing {
    public static var schema: JSONValue {
        let count = Schema.integer(minimum: 0)
        var open: [String: JSONValue] = [:]
        for status in ThreadStatus.allCases where status != .closed { open[status.rawValue] = count }
        return Schema.object(
            [
                "from": Schema.dateTime, "to": Schema.dateTime, "threads": count,
                "firstResponse": DurationFigures.reference, "resolution": DurationFigures.reference,
                "openByStatus": Schema.object(open, required: open.keys.sorted()),
            ], required: ["threads", "firstResponse", "resolution", "openByStatus"])
    }
    public static var referencedTypes: [any SchemaDescribing.Type] { [DurationFigures.self] }
    public static var example: HelpdeskStats {
        var open: [String: Int64] = [:]
        for status in ThreadStatus.allCases where status != .closed { open[status.rawValue] = 0 }
        open[ThreadStatus.reported.rawValue] = 3
        return HelpdeskStats(
            from: Examples.instant, to: Examples.expiry, threads: 12,
            firstResponse: DurationFigures(count: 10, averageSeconds: 5_400, medianSeconds: 3_600),
            resolution: DurationFigures(count: 7, averageSeconds: 86_400, medianSeconds: 43_200), openByStatus: open)
    }
}

extension DurationFigures: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "count": Schema.integer(minimum: 0),
                "averageSeconds": Schema.described(Schema.integer, "The mean, rounded down; null without any."),
                "medianSeconds": Schema.described(Schema.integer, "The lower middle value; null without any."),
            ], required: ["count"])
    }
    public static var example: DurationFigures {
        DurationFigures(count: 10, averageSeconds: 5_400, medianSeconds: 3_600)
    }
}
