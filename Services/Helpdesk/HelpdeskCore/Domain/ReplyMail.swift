import Contract
import FoundationEssentials

/// The e-mail that tells a customer the shop answered their thread, in Polish (the shop's
/// language): the subject, the order, and a link to the page of the shop where they read it. The
/// answer itself stays in the shop.
struct ReplyMail: Sendable, Equatable {
    var subject: String
    var body: String

    init(thread: ThreadRecord, link: String) {
        subject = "Odpowiedź w sprawie zamówienia \(thread.orderNumber.text): \(thread.subject)"
        body = [
            "Dzień dobry,",
            "",
            "odpowiedzieliśmy na Twoją wiadomość „\(thread.subject)” dotyczącą zamówienia \(thread.orderNumber.text).",
            "",
            "Odpowiedź przeczytasz tutaj: \(link)",
            "",
            "Pozdrawiamy",
            "Zespół sklepu",
        ].joined(separator: "\n")
    }

    /// The shop's page of the thread: `template` with `{orderNumber}` and `{threadId}` filled in
    /// (percent-encoded, so any order number makes a working link).
    static func path(_ template: String, thread: ThreadRecord) -> String {
        template.replacing("{orderNumber}", with: PercentDecoding.encode(thread.orderNumber.text))
            .replacing("{threadId}", with: String(thread.id))
    }
}
