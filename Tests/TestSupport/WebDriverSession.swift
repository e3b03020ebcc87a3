import Foundation
import Glibc
import HTTP

/// One browser window under WebDriver: load pages, find elements by CSS selector, type, click,
/// wait for what the page shows, run a script, take screenshots. `close()` ends the window.
public final class WebDriverSession: @unchecked Sendable {
    /// The W3C key of an element reference in WebDriver answers.
    static let elementKey = "element-6066-11e4-a52e-4f735466cecf"

    let driver: ChromeDriver
    public let id: String

    init(driver: ChromeDriver, id: String) {
        self.driver = driver
        self.id = id
    }

    @discardableResult
    private func call(_ method: HTTPMethod, _ path: String, _ body: [String: Any]? = nil) throws -> Any {
        try driver.call(method, "/session/\(id)\(path)", body)
    }

    /// Loads `url`.
    public func open(_ url: String) throws {
        try call(.post, "/url", ["url": url])
    }

    /// Resizes the window (a tablet is 820 × 1180).
    public func resize(width: Int, height: Int) throws {
        try call(.post, "/window/rect", ["width": width, "height": height])
    }

    /// Runs `script` (a function body) in the page with `arguments`; returns its result.
    @discardableResult
    public func execute(_ script: String, _ arguments: [Any] = []) throws -> Any {
        try call(.post, "/execute/sync", ["script": script, "args": arguments])
    }

    /// The first element matching `selector`, waiting up to `timeout` for it to appear (generous:
    /// the browser shares the machine with the rest of a parallel test run).
    public func element(_ selector: String, timeout: Duration = .seconds(20)) throws -> String {
        var lastError: (any Error)?
        var found: String?
        eventually(timeout: timeout, interval: .milliseconds(50)) {
            do {
                let value = try call(.post, "/element", ["using": "css selector", "value": selector])
                found = (value as? [String: Any])?[Self.elementKey] as? String
            } catch {
                lastError = error
            }
            return found != nil
        }
        if let found { return found }
        throw HarnessError("no element \(selector) within \(timeout): \(lastError.map { "\($0)" } ?? "")")
    }

    /// Clicks the element matching `selector`.
    public func click(_ selector: String) throws {
        try call(.post, "/element/\(try element(selector))/click")
    }

    /// Replaces the text of the input matching `selector` with `text`, typed as keys.
    public func type(_ selector: String, _ text: String) throws {
        let target = try element(selector)
        try call(.post, "/element/\(target)/clear")
        try call(.post, "/element/\(target)/value", ["text": text])
    }

    /// Chooses `value` in the select matching `selector`, as the admin would (a change event).
    public func choose(_ selector: String, _ value: String) throws {
        _ = try element(selector)
        try execute(
            """
            const select = document.querySelector(arguments[0]);
            select.value = arguments[1];
            select.dispatchEvent(new Event('change', { bubbles: true }));
            """, [selector, value])
    }

    /// The visible text of the element matching `selector`.
    public func text(_ selector: String) throws -> String {
        (try call(.get, "/element/\(try element(selector))/text") as? String) ?? ""
    }

    /// Waits until the text of `selector` satisfies `condition`; returns it, or throws with the
    /// last text seen.
    @discardableResult
    public func waitForText(
        _ selector: String, timeout: Duration = .seconds(20), _ condition: (String) -> Bool
    ) throws -> String {
        var last = ""
        let shown = eventually(timeout: timeout, interval: .milliseconds(50)) {
            guard let text = try? text(selector) else { return false }
            last = text
            return condition(text)
        }
        if shown { return last }
        throw HarnessError("\(selector) never showed what was expected within \(timeout); last text: \(last)")
    }

    /// Accepts the page's open `confirm` or `alert` (waiting up to `timeout` for one) and returns
    /// its text: the admin's "OK".
    @discardableResult
    public func acceptPrompt(timeout: Duration = .seconds(20)) throws -> String {
        var text: String?
        eventually(timeout: timeout, interval: .milliseconds(50)) {
            text = try? call(.get, "/alert/text") as? String
            return text != nil
        }
        guard let text else { throw HarnessError("no confirm or alert opened within \(timeout)") }
        try call(.post, "/alert/accept")
        return text
    }

    /// The page's cookies as name → value, `HttpOnly` ones included (the browser's own view).
    public func cookies() throws -> [String: String] {
        var result: [String: String] = [:]
        for cookie in (try call(.get, "/cookie") as? [[String: Any]]) ?? [] {
            if let name = cookie["name"] as? String, let value = cookie["value"] as? String { result[name] = value }
        }
        return result
    }

    /// Saves a PNG of the window to `path`, making its folder when needed.
    public func screenshot(_ path: String) throws {
        guard let encoded = try call(.get, "/screenshot") as? String, let data = Data(base64Encoded: encoded) else {
            throw HarnessError("the screenshot was not a base64 PNG")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path))
    }

    /// Ends the window.
    public func close() {
        _ = try? driver.call(.delete, "/session/\(id)")
    }
}
