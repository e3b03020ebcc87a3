import Primitives
import ServiceKit
import TestSupport
import Testing

@Suite struct SignedTokenTests {
    static let now: Int64 = 1_750_000_000
    static let current = SigningKey(id: "2025-06", secret: Array("current-secret-0123456789abcdef!".utf8))
    static let previous = SigningKey(id: "2025-05", secret: Array("previous-secret-0123456789abcde!".utf8))
    let signer = TokenSigner(signingKey: current, verificationKeys: [previous])
    let claims = TokenClaims(subject: "customer-42", expiresAt: now + 3600)

    /// Replaces field `index` of a token's five dot-separated fields.
    func replacing(field index: Int, of token: String, with value: String) -> String {
        var fields = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        fields[index] = value
        return fields.joined(separator: ".")
    }

    func verifyError(_ token: String, signer: TokenSigner? = nil, now: Int64 = now) -> TokenError? {
        do {
            _ = try (signer ?? self.signer).verify(token, now: now)
            return nil
        } catch {
            return error
        }
    }

    // MARK: - Round trip and format

    @Test func verify_ReturnsTheSignedClaims_WithTheCurrentKeyId() throws {
        let token = signer.sign(claims)
        let verified = try signer.verify(token, now: Self.now)
        #expect(verified == TokenClaims(subject: "customer-42", expiresAt: Self.now + 3600, keyId: "2025-06"))
    }

    @Test func sign_WritesTheDocumentedFormat() {
        let token = signer.sign(claims)
        let fields = token.split(separator: ".", omittingEmptySubsequences: false)
        #expect(fields.count == 5)
        #expect(fields[0] == "v1")
        #expect(Base64URL.decode(fields[1]) == Array("2025-06".utf8))
        #expect(Base64URL.decode(fields[2]) == Array("customer-42".utf8))
        #expect(fields[3] == "1750003600")
        let payload = fields[0...3].joined(separator: ".")
        #expect(Base64URL.decode(fields[4]) == HMAC.sha256(key: Self.current.secret, message: Array(payload.utf8)))
    }

    @Test func verify_RoundTripsUnicodeAndDottedSubjects() throws {
        for subject in ["", "jan.kowalski@example.pl", "Łukasz Żółć", "čšž.ťľ", String(repeating: "x", count: 256)] {
            let token = signer.sign(TokenClaims(subject: subject, expiresAt: Self.now + 1))
            #expect(try signer.verify(token, now: Self.now).subject == subject)
        }
    }

    // MARK: - Tampering

    @Test func verify_RejectsATamperedSubject_AsBadSignature() {
        let token = signer.sign(claims)
        let forged = replacing(field: 2, of: token, with: Base64URL.encode(Array("customer-43".utf8)))
        #expect(verifyError(forged) == .badSignature)
    }

    @Test func verify_RejectsATamperedExpiry_AsBadSignature() {
        let token = signer.sign(claims)
        #expect(verifyError(replacing(field: 3, of: token, with: String(Self.now + 999_999))) == .badSignature)
    }

    @Test func verify_RejectsATamperedSignature_AsBadSignature() {
        let token = signer.sign(claims)
        let fields = token.split(separator: ".")
        var mac = Base64URL.decode(fields[4]) ?? []
        for index in mac.indices {
            var flipped = mac
            flipped[index] ^= 0x80
            #expect(verifyError(replacing(field: 4, of: token, with: Base64URL.encode(flipped))) == .badSignature)
        }
        mac.removeLast()
        #expect(verifyError(replacing(field: 4, of: token, with: Base64URL.encode(mac))) == .malformed)
    }

    @Test func verify_RejectsATokenSignedWithAnotherSecretUnderTheSameId() {
        let impostor = TokenSigner(
            signingKey: SigningKey(id: "2025-06", secret: Array("guessed".utf8)), verificationKeys: [])
        #expect(verifyError(impostor.sign(claims)) == .badSignature)
    }

    // MARK: - Expiry and keys

    @Test func verify_RejectsAnExpiredToken_FromTheExpirySecondOn() throws {
        let token = signer.sign(TokenClaims(subject: "c", expiresAt: Self.now))
        #expect(try signer.verify(token, now: Self.now - 1).subject == "c")
        #expect(verifyError(token, now: Self.now) == .expired)
        #expect(verifyError(token, now: Self.now + 86_400) == .expired)
    }

    @Test func verify_RejectsAnUnknownKeyId() {
        let stranger = TokenSigner(
            signingKey: SigningKey(id: "elsewhere", secret: Self.current.secret), verificationKeys: [])
        #expect(verifyError(stranger.sign(claims)) == .unknownKey)
    }

    @Test func verify_AcceptsTheOldKey_UntilItIsRemovedFromRotation() throws {
        let oldSigner = TokenSigner(signingKey: Self.previous, verificationKeys: [])
        let oldToken = oldSigner.sign(claims)

        let rotated = TokenSigner(signingKey: Self.current, verificationKeys: [Self.previous])
        #expect(try rotated.verify(oldToken, now: Self.now).keyId == "2025-05")
        #expect(try rotated.verify(rotated.sign(claims), now: Self.now).keyId == "2025-06")
        // Old signers that already know the new key accept new tokens during the roll-out.
        let oldWithNew = TokenSigner(signingKey: Self.previous, verificationKeys: [Self.current])
        #expect(try oldWithNew.verify(rotated.sign(claims), now: Self.now).keyId == "2025-06")

        let retired = TokenSigner(signingKey: Self.current, verificationKeys: [])
        #expect(verifyError(oldToken, signer: retired) == .unknownKey)
    }

    // MARK: - Malformed input

    @Test func verify_RejectsTokensOverTheSizeLimit() {
        let longSubject = TokenClaims(subject: String(repeating: "y", count: 257), expiresAt: Self.now + 60)
        #expect(verifyError(signer.sign(longSubject)) == .malformed)
        let huge = "v1." + String(repeating: "A", count: TokenSigner.maxTokenBytes)
        #expect(verifyError(huge) == .malformed)
    }

    @Test func verify_RejectsNonCanonicalFields_AsMalformed() {
        let token = signer.sign(claims)
        #expect(verifyError(replacing(field: 0, of: token, with: "v2")) == .malformed)
        #expect(verifyError(replacing(field: 3, of: token, with: "+1750003600")) == .malformed)
        #expect(verifyError(replacing(field: 3, of: token, with: "01750003600")) == .malformed)
        #expect(verifyError(replacing(field: 3, of: token, with: "99999999999999999999")) == .malformed)
        #expect(verifyError(replacing(field: 2, of: token, with: "Y3VzdG9tZXItNDI=")) == .malformed)
        #expect(verifyError(replacing(field: 2, of: token, with: "_w")) == .malformed)  // 0xFF: not UTF-8
        #expect(verifyError(token + ".") == .malformed)
    }

    @Test func verify_NeverCrashes_OnGarbage() {
        let token = signer.sign(claims)
        let fixed = [
            "", ".", "....", "v1....", "v1.....", "v1.\u{0}.\u{0}.\u{0}.\u{0}", "🙂.🙂.🙂.🙂.🙂",
            "v1.%%%.%%%.1.%%%", "v1.AA.AA.-9223372036854775808.AA", String(token.dropLast(3)),
        ]
        for garbage in fixed {
            #expect(verifyError(garbage) != nil, "\(garbage)")
        }
        var generator = SeededGenerator(seed: 7)
        let alphabet = Array("v1.-_Az09=+/ \u{0}ż")
        for _ in 0..<2000 {
            var text = ""
            if Bool.random(using: &generator) {
                // Mutate a real token so the parser gets deep, not just rejected at the first check.
                var characters = Array(token)
                let index = Int.random(in: 0..<characters.count, using: &generator)
                characters[index] = alphabet.randomElement(using: &generator) ?? "."
                text = String(characters)
            } else {
                let length = Int.random(in: 0...80, using: &generator)
                text = String((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "." })
            }
            if text != token { #expect(verifyError(text) != nil, "\(text)") }
        }
    }
}

@Suite struct Base64URLTests {
    @Test func encode_MatchesRFC4648Vectors_WithoutPadding() {
        let vectors = [
            "": "", "f": "Zg", "fo": "Zm8", "foo": "Zm9v", "foob": "Zm9vYg", "fooba": "Zm9vYmE",
            "foobar": "Zm9vYmFy",
        ]
        for (plain, encoded) in vectors {
            #expect(Base64URL.encode(Array(plain.utf8)) == encoded)
            #expect(Base64URL.decode(encoded) == Array(plain.utf8))
        }
    }

    @Test func encode_UsesTheURLSafeAlphabet() {
        #expect(Base64URL.encode([0xfb, 0xff, 0xbf]) == "-_-_")
        #expect(Base64URL.decode("-_-_") == [0xfb, 0xff, 0xbf])
    }

    @Test func decode_RejectsCharactersOutsideTheAlphabet() {
        for bad in ["Zm9v+", "Zm9/", "Zg==", "Zm 9v", "Zm9v\n", "Zżv", "Z", "Zm9vY"] {
            #expect(Base64URL.decode(bad) == nil, "\(bad)")
        }
    }

    @Test func decode_RejectsNonZeroTrailingBits() {
        #expect(Base64URL.decode("Zh") == nil)
        #expect(Base64URL.decode("Zm9") == nil)
    }

    @Test func decode_InvertsEncode_ForRandomBytes() {
        var generator = SeededGenerator(seed: 99)
        for length in 0..<100 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        }
    }
}

@Suite struct SecureRandomTests {
    @Test func bytes_ReturnsTheRequestedCount() {
        #expect(SecureRandom.bytes(0).isEmpty)
        #expect(SecureRandom.bytes(-5).isEmpty)
        #expect(SecureRandom.bytes(1).count == 1)
        #expect(SecureRandom.bytes(100_000).count == 100_000)
    }

    @Test func bytes_DifferBetweenCalls() {
        #expect(SecureRandom.bytes(32) != SecureRandom.bytes(32))
        // A large read is not left zero-filled at the end by a short read.
        #expect(SecureRandom.bytes(1 << 20).suffix(64) != [UInt8](repeating: 0, count: 64))
    }

    @Test func token_IsURLSafeBase64_OfTheRequestedLength() {
        let token = SecureRandom.token()
        #expect(token.count == 43)
        #expect(Base64URL.decode(token)?.count == 32)
        #expect(SecureRandom.token(bytes: 16).count == 22)
        #expect(SecureRandom.token() != token)
    }
}
