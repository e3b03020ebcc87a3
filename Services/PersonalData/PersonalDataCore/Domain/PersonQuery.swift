import Contract
import FoundationEssentials

/// The registry's search: the source's name search, and the identifiers beyond it.
struct PersonQuery: Sendable {
    var name: String?
    var email: String?
    var phone: String?
    var orderNumber: OrderNumber?
    var source: PersonalDataSource

    /// Where a section's page starts: after the row with this date and key (newest first).
    struct Position: Sendable, Equatable {
        var date: Int64
        var key: String

        /// `milliseconds\nkey`, a cursor's text.
        var text: String { "\(date)\n\(key)" }

        init(date: Int64, key: String) {
            self.date = date
            self.key = key
        }

        init?(text: String) {
            guard let newline = text.firstIndex(of: "\n"), let date = Int64(text[..<newline]) else { return nil }
            self.init(date: date, key: String(text[text.index(after: newline)...]))
        }
    }
}
