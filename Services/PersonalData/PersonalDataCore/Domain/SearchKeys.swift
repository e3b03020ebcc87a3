/// What the registry's searches compare: text in lower case in every script, phone numbers as
/// their digits alone ("+48 600-100-200" and "48600100200" are one number).
enum SearchKeys {
    static func text(_ value: String) -> String { value.lowercased() }

    static func phone(_ value: String) -> String {
        String(value.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
    }
}
