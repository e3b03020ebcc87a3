import Primitives

extension SecureRandom {
    /// Returns `bytes` random bytes as unpadded base64url text (32 bytes → 43 characters): a
    /// session id, a CSRF token, a message id. Here rather than beside `bytes` because base64url
    /// is the runtime's encoding, not a primitive's.
    public static func token(bytes: Int = 32) -> String {
        Base64URL.encode(Self.bytes(bytes))
    }
}
