import TestSupport
import Testing

/// A headless Chromium window on the suite's admin panel, for the panel's browser tests: the
/// driver and its window start together and `close()` (call it in a `defer`) ends both.
final class PanelWindow {
    let driver: ChromeDriver
    let browser: WebDriverSession
    /// The panel's address, `http://127.0.0.1:<port>/admin`.
    let base: String

    /// Starts chromedriver and opens a window; a window that cannot open stops the driver.
    init(_ suite: SuiteHarness) throws {
        driver = try ChromeDriver()
        do {
            browser = try driver.session()
        } catch {
            driver.stop()
            throw error
        }
        base = "http://127.0.0.1:\(suite.basePort)/admin"
    }

    /// Opens the panel and signs in as the suite's admin by keyboard: the key, then Enter.
    func signIn() throws {
        try browser.open(base)
        try browser.type("#signin input[name=key]", SuiteHarness.adminKey + "\u{E007}")
        try browser.waitForText(".topbar .who") { $0.contains("tester") }
    }

    /// Types each value into its field of the open dialog (`input[name=recipient]`), in order, and
    /// presses the dialog's submit button.
    func submitDialog(_ fields: KeyValuePairs<String, String>) throws {
        for (selector, value) in fields { try browser.type("dialog \(selector)", value) }
        try browser.click("dialog button[type=submit]")
    }

    /// Ends the window and the driver.
    func close() {
        browser.close()
        driver.stop()
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs a test only where Chromium and chromedriver are installed, saying so where they are not.
    static var needsBrowser: Self {
        .enabled(
            if: ChromeDriver.isAvailable,
            "needs Chromium and chromedriver (apt-get install chromium chromium-driver; .ci/run installs them)")
    }
}
