/// How a decoding problem is put to a client, the same in every module that decodes: where in
/// the body it is (`buyer.name`, `lines[2].quantity`) and what the field takes (`a whole number
/// from -9223372036854775808 to 9223372036854775807`).
public enum DecodingText {
    /// A coding path as clients read it; empty for the body itself.
    public static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text
    }

    /// What a field of `type` takes, in words.
    public static func expectation(of type: Any.Type) -> String {
        if let integer = type as? any FixedWidthInteger.Type {
            return "a whole number from \(integer.min) to \(integer.max)"
        }
        switch type {
        case is String.Type: return "a string"
        case is Double.Type, is Float.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "an array" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "an object or value of the expected kind"
        }
    }
}
