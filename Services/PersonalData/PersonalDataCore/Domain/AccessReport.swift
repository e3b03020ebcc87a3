import Contract
import FoundationEssentials
import PDF
import Primitives

/// The access report of the source ("Print report"): a person's data as the registry holds it and
/// the date it first entered the system, for a customer exercising their right of access, with
/// the disclosures, the consents and what the other services hold. In Polish, the shop's language.
struct AccessReport: Sendable {
    /// Whose report: a customer of the customer base, or an order's buyer.
    enum Subject: Sendable {
        case customer(CustomerId)
        case order(OrderNumber)

        var isCustomer: Bool {
            if case .customer = self { return true }
            return false
        }
    }

    var subject: Subject
    var customer: CustomerRecord?
    var orders: [OrderRecord]
    var disclosures: [Disclosure]
    var consents: [Consent]
    /// What the other services hold, by service; nil for a service that did not answer.
    var services: [(service: String, subject: PrivacySubject?)]
    var generatedAt: Date

    /// The PDF.
    func render(fonts: PDFFonts) -> [UInt8] {
        var document = PDFTextDocument(fonts: fonts)
        document.title("Raport dostępu do danych osobowych")
        document.paragraph("Wygenerowano \(Self.text(generatedAt)) (UTC) dla: \(subjectText).")
        if let customer {
            document.heading("Dane w bazie klientów")
            document.fields([
                ("Login", customer.login ?? "—"), ("Data rejestracji", Self.text(customer.registeredAt)),
                ("Imię i nazwisko / nazwa", customer.name), ("Ulica", customer.street ?? "—"),
                ("Kod pocztowy", customer.postcode ?? "—"), ("Miejscowość", customer.city ?? "—"),
                ("Telefon", customer.phone ?? "—"), ("E-mail", customer.email),
                ("Dane wprowadzone do systemu", Self.text(customer.firstSeenAt)),
            ])
        }
        for order in orders {
            document.heading("Zamówienie \(order.orderNumber.text)")
            document.fields([
                ("Login", order.login ?? "—"), ("Data zamówienia", Self.text(order.orderedAt)),
                ("Imię i nazwisko / nazwa", order.name), ("Ulica", order.street), ("Kod pocztowy", order.postcode),
                ("Miejscowość", order.city), ("E-mail", order.email), ("Telefon", order.phone),
                ("Dane wprowadzone do systemu", Self.text(order.firstSeenAt)),
            ])
        }
        if customer == nil, orders.isEmpty {
            document.paragraph("Rejestr nie przechowuje danych osobowych tej osoby.")
        }
        document.heading("Udostępnienia danych")
        if disclosures.isEmpty {
            document.paragraph("Dane nie były udostępniane.")
        } else {
            document.table(
                columns: ["Data", "Odbiorca", "Zakres danych"],
                rows: disclosures.map { [Self.text($0.disclosedAt), $0.recipient, $0.scope] })
        }
        if case .customer = subject {
            document.heading("Zgody")
            if consents.isEmpty {
                document.paragraph("Brak zapisanych zgód.")
            } else {
                document.table(
                    columns: ["Cel", "Zgoda", "Data", "Źródło"],
                    rows: consents.map {
                        [$0.purpose, $0.given ? "udzielona" : "wycofana", Self.text($0.at), $0.source]
                    })
            }
            document.heading("Dane w innych usługach sklepu")
            document.table(
                columns: ["Usługa", "Przechowywane dane"],
                rows: services.map { [Self.serviceName($0.service), Self.holdings($0.subject)] })
        }
        return document.render(
            info: PDFInfo(
                title: "Raport dostępu do danych osobowych", author: "Zaplecze", subject: subjectText,
                creationDate: generatedAt))
    }

    var subjectText: String {
        switch subject {
        case .customer(let id): return "klient \(id.text)"
        case .order(let number): return "zamówienie \(number.text)"
        }
    }

    static func text(_ date: Date) -> String {
        CivilDate.dayAndMinute(secondsSince1970: Int64(date.timeIntervalSince1970.rounded(.down)))
    }

    static func serviceName(_ service: String) -> String {
        switch service {
        case "loyalty": return "Program lojalnościowy"
        case "discounts": return "Kody rabatowe"
        case "helpdesk": return "Biuro obsługi klienta"
        case "reviews": return "Komentarze i oceny"
        default: return service
        }
    }

    /// "history: 12, account: 1", or why there is nothing to say.
    static func holdings(_ subject: PrivacySubject?) -> String {
        guard let subject else { return "usługa nie odpowiedziała; pełne dane w eksporcie JSON" }
        let counts = subject.holds.keys.sorted().compactMap { kind -> String? in
            switch subject.holds[kind] {
            case .array(let records)?: return records.isEmpty ? nil : "\(kind): \(records.count)"
            case .object(let fields)?: return fields.isEmpty ? nil : "\(kind): 1"
            case nil, .null?: return nil
            default: return "\(kind): 1"
            }
        }
        return counts.isEmpty ? "brak danych" : counts.joined(separator: ", ") + " (szczegóły w eksporcie JSON)"
    }
}
