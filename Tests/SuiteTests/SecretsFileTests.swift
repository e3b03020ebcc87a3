import Foundation
import SuiteCore
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct SecretsFileTests {
    private func mode(of path: String) -> mode_t {
        var status = stat()
        stat(path, &status)
        return status.st_mode & 0o777
    }

    @Test func firstRun_GeneratesAllFourValues_AndSavesThemWithMode0600() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = SecretsFile(directory: directory.path)

        let resolution = try file.resolve(environment: [:])

        #expect(resolution.generated == SecretVariable.allCases)
        #expect(mode(of: file.path) == 0o600)
        let saved = try file.read()
        #expect(saved.map(\.key) == SecretVariable.allCases.map(\.rawValue))
        #expect(saved.first { $0.key == "ZAPLECZE_ADMIN_KEYS" }?.value == resolution.secrets.adminKeys)
        for value in resolution.secrets.environment.values {
            #expect(value.count == 43)
        }
        #expect(Set(resolution.secrets.environment.values).count == 4)
    }

    @Test func laterRuns_ReuseTheSavedValues_AndGenerateNothing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = SecretsFile(directory: directory.path)
        let first = try file.resolve(environment: [:])

        let second = try file.resolve(environment: [:])

        #expect(second.generated.isEmpty)
        #expect(second.secrets == first.secrets)
    }

    @Test func environmentValues_WinOverTheFile_AndAreNeverWrittenToIt() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = SecretsFile(directory: directory.path)
        _ = try file.resolve(environment: [:])
        let environment = [
            "ZAPLECZE_ADMIN_KEYS": "admin-one-0123456789,admin-two-0123456789",
            "ZAPLECZE_TOKEN_SECRET": "from-env-0123456789",
        ]

        let resolution = try file.resolve(environment: environment)

        #expect(resolution.secrets.adminKeys == "admin-one-0123456789,admin-two-0123456789")
        #expect(resolution.secrets.tokenSecret == "from-env-0123456789")
        let saved = try String(contentsOfFile: file.path, encoding: .utf8)
        #expect(!saved.contains("admin-one-0123456789"))
        #expect(!saved.contains("from-env-0123456789"))
    }

    @Test func environmentValues_AreNotSaved_EvenWhenOthersAreGenerated() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = SecretsFile(directory: directory.path)
        var counter = 0
        let resolution = try file.resolve(environment: ["ZAPLECZE_INTERNAL_SECRET": "given-0123456789abc"]) {
            counter += 1
            return "generated-0123456789-\(counter)"
        }
        #expect(resolution.generated == [.adminKeys, .storefrontKeys, .tokenSecret])
        #expect(resolution.secrets.internalSecret == "given-0123456789abc")
        #expect(resolution.secrets.tokenSecret == "generated-0123456789-3")
        #expect(
            try file.read().map(\.key) == ["ZAPLECZE_ADMIN_KEYS", "ZAPLECZE_STOREFRONT_KEYS", "ZAPLECZE_TOKEN_SECRET"])
    }

    @Test func missingValues_AreAddedToAnExistingFile_KeepingItsOtherLines() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = SecretsFile(directory: directory.path)
        try file.write([("ZAPLECZE_ADMIN_KEYS", "kept-admin-0123456789"), ("SOMETHING_ELSE", "x=y")])

        let resolution = try file.resolve(environment: [:]) { "fresh-0123456789abcd" }

        #expect(resolution.secrets.adminKeys == "kept-admin-0123456789")
        #expect(resolution.generated == [.storefrontKeys, .internalSecret, .tokenSecret])
        let saved = try file.read()
        #expect(saved.first { $0.key == "SOMETHING_ELSE" }?.value == "x=y")
        #expect(saved.count == 5)
        #expect(mode(of: file.path) == 0o600)
    }

    @Test func fileReadableByOthers_IsRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = SecretsFile(directory: directory.path)
        _ = try file.resolve(environment: [:])
        chmod(file.path, 0o644)

        #expect(throws: SecretsFileError.self) { try file.resolve(environment: [:]) }
    }

    @Test func malformedLine_IsReportedByNumber() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = SecretsFile(directory: directory.path)
        let descriptor = open(file.path, O_WRONLY | O_CREAT, 0o600)
        let text = "# comment\n\nZAPLECZE_ADMIN_KEYS=a\nnot a pair\n"
        _ = text.withCString { write(descriptor, $0, strlen($0)) }
        close(descriptor)

        do {
            _ = try file.read()
            Issue.record("a malformed file was accepted")
        } catch {
            #expect(error.description.contains("line 4"))
        }
    }

    @Test(arguments: ["", "two words", "a,,b", ",a", "tab\there", "zażółć"])
    func unusableEnvironmentValues_AreRefused(value: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = SecretsFile(directory: directory.path)
        #expect(throws: SecretsFileError.self) {
            try file.resolve(environment: ["ZAPLECZE_ADMIN_KEYS": value])
        }
        #expect(access(file.path, F_OK) != 0, "nothing is written when the environment is wrong")
    }

    @Test func keyLists_AllowCommas_ButSecretsAreTakenWhole() {
        #expect(SecretVariable.adminKeys.problem(with: "one-0123456789abcdef,two-0123456789abcdef") == nil)
        #expect(SecretVariable.internalSecret.problem(with: "a,b-0123456789abcdef") == nil)
        #expect(SecretVariable.internalSecret.problem(with: "") != nil)
    }

    @Test func secretsAndKeysShorterThanSixteenCharacters_AreRefused() {
        #expect(SecretVariable.internalSecret.problem(with: "x") != nil)
        #expect(SecretVariable.adminKeys.problem(with: "long-enough-key-0123,short") != nil)
        #expect(SecretVariable.adminKeys.problem(with: "anna=0123456789abcdef") == nil)
        #expect(SecretVariable.adminKeys.problem(with: "anna=short") != nil)
    }

    @Test func onlyTheAPIKeys_AreShownWhenGenerated() {
        #expect(SecretVariable.allCases.filter(\.isShownWhenGenerated) == [.adminKeys, .storefrontKeys])
    }
}

@Suite struct RandomTokenTests {
    @Test func base64URL_MatchesTheRFC4648Vectors_WithoutPadding() {
        let vectors = [
            "": "", "f": "Zg", "fo": "Zm8", "foo": "Zm9v", "foob": "Zm9vYg", "fooba": "Zm9vYmE", "foobar": "Zm9vYmFy",
        ]
        for (input, expected) in vectors {
            #expect(RandomToken.base64URL(Array(input.utf8)) == expected)
        }
    }

    @Test func base64URL_UsesTheURLSafeAlphabet() {
        #expect(RandomToken.base64URL([0xFB, 0xFF, 0xBF]) == "-_-_")
        #expect(RandomToken.base64URL([0xFB, 0xFF]) == "-_8")
    }

    @Test func generatedTokens_Are43Characters_AndDiffer() throws {
        let first = try RandomToken.generate()
        let second = try RandomToken.generate()
        #expect(first.count == 43)
        #expect(first != second)
        #expect(first.unicodeScalars.allSatisfy { $0.properties.isASCIIHexDigit || CharacterSetCheck.isBase64URL($0) })
    }
}

private enum CharacterSetCheck {
    static func isBase64URL(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
            || scalar == "-" || scalar == "_"
    }
}
