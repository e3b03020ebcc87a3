import HTTP

/// Opaque text cursors: base64url of the last key, so any text key (a product id, a code)
/// survives a query string.
public enum TextCursor {
    /// The cursor after `key`.
    public static func encode(_ key: String) -> String {
        Base64URL.encode(Array(key.utf8))
    }

    /// The key of a cursor; a bad one is a 400.
    public static func decode(_ cursor: String?) throws(HTTPError) -> String? {
        guard let cursor else { return nil }
        guard let bytes = Base64URL.decode(cursor), let key = String(validating: bytes, as: UTF8.self) else {
            throw HTTPError.badRequest("The cursor is not valid.", code: "invalid_cursor")
        }
        return key
    }

    /// The position a cursor holds, parsed from its key by `parse`; a cursor that does not decode
    /// or whose key `parse` refuses (nil) is a 400.
    public static func decode<Position>(_ cursor: String?, as parse: (String) -> Position?) throws(HTTPError)
        -> Position?
    {
        guard let key = try decode(cursor) else { return nil }
        guard let position = parse(key) else {
            throw HTTPError.badRequest("The cursor is not valid.", code: "invalid_cursor")
        }
        return position
    }
}
