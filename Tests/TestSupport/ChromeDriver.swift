import Foundation
import Glibc
import HTTP

/// Headless Chromium driven through chromedriver's W3C WebDriver protocol (JSON over HTTP), for
/// tests of the admin panel in a real browser. The driver runs on a free port and is stopped by
/// PID in `stop()` (call it in a `defer`). Tests that need it skip where `isAvailable` is false.
public final class ChromeDriver: @unchecked Sendable {
    /// Where the Debian packages `chromium` and `chromium-driver` put their programs.
    public static let browserPath = ProcessInfo.processInfo.environment["ZAPLECZE_CHROMIUM"] ?? "/usr/bin/chromium"
    public static let driverPath =
        ProcessInfo.processInfo.environment["ZAPLECZE_CHROMEDRIVER"] ?? "/usr/bin/chromedriver"

    /// Whether both programs are installed.
    public static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: browserPath)
            && FileManager.default.isExecutableFile(atPath: driverPath)
    }

    public let process: RunningProcess
    public let directory: TemporaryDirectory
    let client: TestClient

    /// Starts chromedriver on a free port and waits until it answers `/status`.
    public init() throws {
        directory = try TemporaryDirectory(prefix: "zaplecze-chromedriver")
        let port = try FreePorts.one()
        process = try RunningProcess(
            name: "chromedriver", executable: Self.driverPath, arguments: ["--port=\(port)"], environment: [:],
            outputPath: directory.file("chromedriver.log"))
        client = TestClient(port: port)
        let client = client
        let process = process
        let answering = eventually(timeout: .seconds(15), interval: .milliseconds(50)) {
            if let status = try? client.request(.get, "/status", timeout: .seconds(2)), status.status == .ok {
                return true
            }
            // A driver that exited will not answer: stop waiting.
            return !process.isRunning
        }
        if answering && process.isRunning { return }
        stop()
        throw HarnessError("chromedriver did not start:\n\(process.output)")
    }

    /// Stops the driver (which ends its browsers) and removes its files.
    public func stop() {
        process.stop(grace: .seconds(5))
        directory.remove()
    }

    /// Where the driver's windows save downloads (removed with the driver's other files).
    public var downloads: String { directory.file("downloads") }

    /// A new headless browser window of `width` × `height`, saving downloads in `downloads`
    /// without asking.
    public func session(width: Int = 1280, height: Int = 900) throws -> WebDriverSession {
        let capabilities: [String: Any] = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
                    "goog:chromeOptions": [
                        "binary": Self.browserPath,
                        "args": [
                            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--window-size=\(width),\(height)", "--lang=pl-PL",
                            "--user-data-dir=\(directory.file("profile-\(UUID().uuidString)"))",
                        ],
                        "prefs": ["download.default_directory": downloads, "download.prompt_for_download": false],
                    ],
                ]
            ]
        ]
        let value = try call(.post, "/session", capabilities)
        guard let id = (value as? [String: Any])?["sessionId"] as? String else {
            throw HarnessError("chromedriver opened no session: \(value)")
        }
        return WebDriverSession(driver: self, id: id)
    }

    /// One WebDriver command: JSON in, the answer's `value` out; a WebDriver error is thrown.
    @discardableResult
    func call(_ method: HTTPMethod, _ path: String, _ body: [String: Any]? = nil) throws -> Any {
        let bytes = try body.map { Array(try JSONSerialization.data(withJSONObject: $0)) } ?? []
        let response = try client.request(
            method, path, body: method == .post && bytes.isEmpty ? Array("{}".utf8) : bytes, timeout: .seconds(60))
        let decoded = try JSONSerialization.jsonObject(with: Data(response.body), options: [.fragmentsAllowed])
        let value = (decoded as? [String: Any])?["value"] ?? NSNull()
        guard response.status.code < 300 else {
            let error = value as? [String: Any]
            throw WebDriverError(
                error: error?["error"] as? String ?? "unknown", message: error?["message"] as? String ?? "\(value)")
        }
        return value
    }
}

/// An error answer of the WebDriver protocol (`no such element`, `timeout`, …).
public struct WebDriverError: Error, CustomStringConvertible {
    public let error: String
    public let message: String
    public var description: String { "WebDriver \(error): \(message.prefix(400))" }
}
