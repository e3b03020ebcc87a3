import Foundation
import TestSupport
import Testing

/// The README's loyalty walkthrough (`scripts/walkthrough-loyalty`) run against the real suite,
/// so that the example a new user follows keeps working.
@Suite(.serialized)
struct LoyaltyWalkthroughTests {
    /// The package's root: this file is `Tests/IntegrationTests/<name>.swift`.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func theWalkthroughScript_RunsEveryStep_AgainstTheRealSuite() throws {
        let suite = try SuiteHarness()
        defer { suite.stop() }
        let directory = try TemporaryDirectory(prefix: "zaplecze-walkthrough")
        let script = Self.root.appendingPathComponent("scripts/walkthrough-loyalty").path

        let walk = try RunningProcess(
            name: "walkthrough", executable: "/usr/bin/env",
            arguments: [
                "python3", script, "--gateway", "http://127.0.0.1:\(suite.basePort)",
                "--admin-key", SuiteHarness.adminKey, "--storefront-key", SuiteHarness.storefrontKey,
            ],
            environment: [:], outputPath: directory.file("walkthrough.log"))
        defer { walk.stop() }

        #expect(walk.waitForExit(timeout: .seconds(120)), "the walkthrough did not finish:\n\(walk.output)")
        #expect(walk.exitStatus == 0, "\(walk.output)")
        #expect(walk.output.contains("walkthrough finished"), "\(walk.output)")
    }
}
