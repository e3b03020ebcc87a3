import SuiteCore
import TestSupport
import Testing

/// The launcher shows the API keys on every start, not only on the run that generated them.
@Suite struct KeysAnnouncementTests {
    @Test func laterStart_ShowsTheKeysKeptInTheFile_AndWhereTheyAre() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = SecretsFile(directory: directory.path)
        _ = try file.resolve(environment: [:])
        let later = try file.resolve(environment: [:])
        #expect(later.generated.isEmpty)

        let text = SuiteLauncher.keysAnnouncement(later, file: file, environment: [:])

        #expect(text.contains(file.path))
        #expect(text.contains("ZAPLECZE_ADMIN_KEYS=\(later.secrets.adminKeys)"))
        #expect(text.contains("ZAPLECZE_STOREFRONT_KEYS=\(later.secrets.storefrontKeys)"))
        #expect(!text.contains(later.secrets.internalSecret))
        #expect(!text.contains(later.secrets.tokenSecret))
    }

    @Test func firstStart_NamesWhatWasGenerated_AndShowsTheKeys() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = SecretsFile(directory: directory.path)
        let first = try file.resolve(environment: [:])

        let text = SuiteLauncher.keysAnnouncement(first, file: file, environment: [:])

        #expect(text.contains("generated ZAPLECZE_ADMIN_KEYS"))
        #expect(text.contains("ZAPLECZE_ADMIN_KEYS=\(first.secrets.adminKeys)"))
    }

    @Test func keysFromTheEnvironment_AreNotEchoed() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = SecretsFile(directory: directory.path)
        let environment = ["ZAPLECZE_ADMIN_KEYS": "admin=given-admin-key-0123456789"]
        let resolution = try file.resolve(environment: environment)

        let text = SuiteLauncher.keysAnnouncement(resolution, file: file, environment: environment)

        #expect(!text.contains("given-admin-key-0123456789"))
        #expect(text.contains("ZAPLECZE_ADMIN_KEYS is taken from the environment"))
        #expect(text.contains("ZAPLECZE_STOREFRONT_KEYS=\(resolution.secrets.storefrontKeys)"))
    }
}
