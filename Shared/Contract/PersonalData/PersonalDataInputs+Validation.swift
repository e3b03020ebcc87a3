import FoundationEssentials
import Primitives

/// The limits of the registry's inputs, each problem naming its field. The schemas read the same
/// constants; addresses follow the order's buyer rules (`OrderRules`).
public enum PersonalDataRules {
    /// Longest recipient, consent purpose or source, in characters.
    public static let maximumLabelLength = TextRules.maximumNameLength
    /// Longest scope of a disclosure, in characters.
    public static let maximumScopeLength = 2_000
    /// How far ahead of the registry's clock a consent's time may be, for the storefront's clock.
    public static let clockSkew: TimeInterval = 300

    static func label(_ text: String, field: String, maxLength: Int = maximumLabelLength) -> [ValidationProblem] {
        if text.count > maxLength || text.trimmed().isEmpty
            || text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        {
            return [.init(field: field, message: "\(field) must be 1–\(maxLength) characters, not all blank.")]
        }
        return []
    }
}

extension CustomerRecordInput {
    /// The problems that keep the record out; empty when it is fine.
    public func validate() -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        OrderRules.text(login, "login", required: false, into: &problems)
        OrderRules.text(name, "name", required: true, into: &problems)
        OrderRules.text(street, "street", required: false, into: &problems)
        OrderRules.text(postcode, "postcode", required: false, max: OrderRules.maxPostcodeBytes, into: &problems)
        OrderRules.text(city, "city", required: false, into: &problems)
        OrderRules.text(phone, "phone", required: false, max: OrderRules.maxPhoneBytes, into: &problems)
        return problems + EmailRules.problems(email, field: "email")
    }
}

extension DisclosureInput {
    public func validate() -> [ValidationProblem] {
        PersonalDataRules.label(recipient, field: "recipient")
            + PersonalDataRules.label(scope, field: "scope", maxLength: PersonalDataRules.maximumScopeLength)
    }
}

extension ConsentInput {
    /// A purpose and a source, and a time not after `now` (a consent is recorded once given).
    public func validate(now: Date) -> [ValidationProblem] {
        var problems =
            PersonalDataRules.label(purpose, field: "purpose") + PersonalDataRules.label(source, field: "source")
        if let at, at > now.addingTimeInterval(PersonalDataRules.clockSkew) {
            problems.append(.init(field: "at", message: "at must not be in the future."))
        }
        return problems
    }
}

extension CustomerRecordInput: RefusesUnknownFields {}
extension DisclosureInput: RefusesUnknownFields {}
extension ConsentInput: RefusesUnknownFields {}
