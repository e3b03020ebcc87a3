import FoundationEssentials

extension AdminSessionRequest: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            ["key": Schema.described(Schema.string, "An admin API key (the body is at most 4 KiB).")], required: ["key"]
        )
    }
    /// An admin key's shape; signing in needs one of the gateway's real keys.
    public static var example: AdminSessionRequest { AdminSessionRequest(key: "admin-key-of-16-or-more-characters") }
}

extension AdminSession: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "admin": Schema.text(maxLength: 200, description: "The admin key's label."),
                "csrfToken": Schema.text(
                    maxLength: 64, description: "Repeat as `X-CSRF-Token` on every call that changes something."),
                "expiresAt": Schema.dateTime,
            ], required: ["admin", "csrfToken", "expiresAt"])
    }
    public static var example: AdminSession {
        AdminSession(admin: "Anna", csrfToken: "3f6c0a9e1b7d4c25a8e0f2b9c4d1e7a6", expiresAt: Examples.instant)
    }
}
