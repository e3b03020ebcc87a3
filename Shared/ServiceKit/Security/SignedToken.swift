import Primitives

/// What a customer token asserts: who it is for, until when, and which key signed it.
public struct TokenClaims: Sendable, Equatable {
    /// The principal, e.g. a customer id; at most `TokenSigner.maxSubjectBytes` UTF-8 bytes.
    public var subject: String
    /// Expiry as Unix seconds; the token is rejected from this second on.
    public var expiresAt: Int64
    /// The id of the signing key; `TokenSigner.sign` overwrites it with the current key's id.
    public var keyId: String

    /// Creates claims; `keyId` may be left empty when signing.
    public init(subject: String, expiresAt: Int64, keyId: String = "") {
        self.subject = subject
        self.expiresAt = expiresAt
        self.keyId = keyId
    }
}

/// A named HMAC secret; the id travels in the token so verifiers can pick the key.
public struct SigningKey: Sendable {
    /// A short, stable key name such as "2025-06".
    public let id: String
    /// The HMAC-SHA-256 secret; 32 random bytes (`SecureRandom.bytes(32)`) is the intended size.
    public let secret: [UInt8]

    /// Creates a key from its id and secret.
    public init(id: String, secret: [UInt8]) {
        self.id = id
        self.secret = secret
    }
}

/// Why a token was refused.
public enum TokenError: Error, Sendable, Equatable {
    /// Not a token of this format: wrong shape, version, encoding, or over a size limit.
    case malformed
    /// Signed with a key id this signer does not (or no longer) accepts.
    case unknownKey
    /// The signature does not match the contents.
    case badSignature
    /// Well signed but past `expiresAt`.
    case expired
}

/// Signs and verifies compact customer tokens, with key rotation.
///
/// Format (all ASCII, five dot-separated fields):
///
///     v1.<base64url(keyId)>.<base64url(subject)>.<expiresAt as decimal>.<base64url(mac)>
///
/// where `mac` = HMAC-SHA-256(secret, "v1.<base64url(keyId)>.<base64url(subject)>.<expiresAt>"),
/// i.e. over the token text before the last dot. base64url is RFC 4648 §5 without padding, so
/// tokens are safe in URLs, cookies and headers without further escaping.
///
/// Rotation: sign with the new key and keep the old one in `verificationKeys` until every token
/// it signed has expired; then drop it. Checks run in the order malformed → unknown key → bad
/// signature → expired, so an attacker learns nothing about expiry without a valid signature.
///
/// ```swift
/// let signer = TokenSigner(signingKey: current, verificationKeys: [previous])
/// let token = signer.sign(TokenClaims(subject: "customer-42", expiresAt: now + 3600))
/// let claims = try signer.verify(token, now: now)
/// ```
public struct TokenSigner: Sendable {
    /// Tokens longer than this are refused before any parsing.
    public static let maxTokenBytes = 4096
    /// The longest subject, in UTF-8 bytes, that verifies.
    public static let maxSubjectBytes = 256

    private static let version = "v1"
    private let signingKey: SigningKey
    private let verificationKeys: [SigningKey]

    /// Creates a signer that signs with `signingKey` and accepts it plus every key in
    /// `verificationKeys`.
    public init(signingKey: SigningKey, verificationKeys: [SigningKey]) {
        self.signingKey = signingKey
        self.verificationKeys = [signingKey] + verificationKeys
    }

    /// Signs the claims with the current key (its id replaces `claims.keyId`).
    ///
    /// A subject longer than `maxSubjectBytes` yields a token that `verify` rejects as
    /// malformed; callers sign internal ids, which are far shorter.
    public func sign(_ claims: TokenClaims) -> String {
        let payload = [
            Self.version,
            Base64URL.encode(Array(signingKey.id.utf8)),
            Base64URL.encode(Array(claims.subject.utf8)),
            String(claims.expiresAt),
        ].joined(separator: ".")
        let mac = HMAC.sha256(key: signingKey.secret, message: Array(payload.utf8))
        return payload + "." + Base64URL.encode(mac)
    }

    /// Verifies the token and returns its claims, or throws why it is not acceptable at `now`
    /// (Unix seconds).
    public func verify(_ token: String, now: Int64) throws(TokenError) -> TokenClaims {
        let bytes = Array(token.utf8.prefix(Self.maxTokenBytes + 1))
        guard bytes.count <= Self.maxTokenBytes else { throw .malformed }
        let fields = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard fields.count == 5, fields[0].elementsEqual(Self.version.utf8) else { throw .malformed }

        guard let keyIdBytes = Base64URL.decode(Substring(decoding: fields[1], as: UTF8.self)),
            let keyId = String(validating: keyIdBytes, as: UTF8.self),
            let subjectBytes = Base64URL.decode(Substring(decoding: fields[2], as: UTF8.self)),
            subjectBytes.count <= Self.maxSubjectBytes,
            let subject = String(validating: subjectBytes, as: UTF8.self),
            let expiresAt = Self.parseCanonicalInteger(fields[3]),
            let signature = Base64URL.decode(Substring(decoding: fields[4], as: UTF8.self)),
            signature.count == SHA256.digestCount
        else { throw .malformed }

        let candidates = verificationKeys.filter { $0.id == keyId }
        guard !candidates.isEmpty else { throw .unknownKey }

        // The MAC covers the exact received text before the last dot.
        let signedLength = bytes.count - fields[4].count - 1
        let signedBytes = Array(bytes[0..<signedLength])
        var matched = false
        for key in candidates {
            let expected = HMAC.sha256(key: key.secret, message: signedBytes)
            // No early exit: every candidate is checked so timing does not reveal which matched.
            if constantTimeEquals(expected, signature) { matched = true }
        }
        guard matched else { throw .badSignature }
        guard now < expiresAt else { throw .expired }
        return TokenClaims(subject: subject, expiresAt: expiresAt, keyId: keyId)
    }

    /// Parses `-?[0-9]+` as written by `String(Int64)`: no plus sign, no leading zeros, no
    /// overflow, so each expiry has exactly one spelling.
    private static func parseCanonicalInteger(_ field: ArraySlice<UInt8>) -> Int64? {
        guard !field.isEmpty, field.count <= 20 else { return nil }
        let text = String(decoding: field, as: UTF8.self)
        guard let value = Int64(text), String(value) == text else { return nil }
        return value
    }
}
