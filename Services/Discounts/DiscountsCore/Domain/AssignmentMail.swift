import Contract
import FoundationEssentials
import Primitives

/// The e-mail that tells a customer the code they were given, in Polish (the shop's language):
/// the code, what it takes off, from when to when it works and the least order it takes. Pure
/// text; the mailer queues it.
struct AssignmentMail: Sendable, Equatable {
    var subject: String
    var body: String

    /// The mail for `code` of `offer`; `shopLink` is where the customer shops.
    init(code: String, offer: CampaignOffer, shopLink: String) {
        subject = "Twój kod rabatowy: \(code)"
        var lines = [
            "Dzień dobry,",
            "",
            "mamy dla Ciebie kod rabatowy:",
            "",
            "    \(code)",
            "",
            "Rabat: \(Self.discountText(offer.discount, currency: offer.currency))",
        ]
        if let minimum = offer.minOrderValue, minimum > 0 {
            lines.append("Minimalna wartość zamówienia: \(Self.money(minimum, currency: offer.currency))")
        }
        lines.append("Ważność: \(Self.validityText(from: offer.validFrom, to: offer.validTo))")
        if offer.kind != .multiUse {
            lines.append("Kod jest jednorazowy: można go użyć w jednym zamówieniu.")
        }
        lines += [
            "",
            "Wpisz kod w koszyku przed złożeniem zamówienia: \(shopLink)",
            "",
            "Pozdrawiamy",
            "Zespół sklepu",
        ]
        body = lines.joined(separator: "\n")
    }

    /// "10% wartości zamówienia", "25,00 PLN", "darmowa dostawa".
    static func discountText(_ discount: CampaignDiscount, currency: String) -> String {
        switch discount.type {
        case .percent: return "\(discount.value ?? 0)% wartości zamówienia"
        case .amount: return money(discount.value ?? 0, currency: currency)
        case .freeShipping: return "darmowa dostawa"
        }
    }

    /// "od 01.03.2026 00:00 do 31.05.2026 23:59 (UTC)", "do …", "od …", "bezterminowo".
    static func validityText(from: Date?, to: Date?) -> String {
        switch (from, to) {
        case (nil, nil): return "bezterminowo"
        case (let from?, nil): return "od \(dateText(from)) (UTC), bezterminowo"
        case (nil, let to?): return "do \(dateText(to)) (UTC)"
        case (let from?, let to?): return "od \(dateText(from)) do \(dateText(to)) (UTC)"
        }
    }

    /// Minor units as Polish money: "1 234,50 PLN" (a space between thousands, a decimal comma).
    static func money(_ minor: Int64, currency: String) -> String {
        let digits = Currency.minorUnits[currency] ?? 2
        let negative = minor < 0
        let magnitude = minor.magnitude
        var scale: UInt64 = 1
        for _ in 0..<digits { scale *= 10 }
        let whole = String(magnitude / scale)
        var grouped = ""
        for (index, character) in whole.enumerated() {
            if index > 0, (whole.count - index) % 3 == 0 { grouped.append(" ") }
            grouped.append(character)
        }
        var text = (negative ? "-" : "") + grouped
        if digits > 0 {
            let fraction = String(magnitude % scale)
            text += "," + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        return text + " " + currency
    }

    /// "31.05.2026 23:59", in UTC.
    static func dateText(_ date: Date) -> String {
        CivilDate.dayAndMinute(secondsSince1970: Int64(date.timeIntervalSince1970.rounded(.down)))
    }
}
