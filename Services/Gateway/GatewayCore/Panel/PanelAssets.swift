import FoundationEssentials
import Glibc
import HTTP
import Primitives
import ServiceKit

/// The admin panel's static files (HTML, CSS, JavaScript modules), read once at start-up from the
/// panel folder and served from memory. There is no build step: the files in
/// `Services/Gateway/Panel` are what the browser gets.
///
/// The folder is, in order: `ZAPLECZE_PANEL_DIR`; `panel` beside the executable or
/// `../share/zaplecze/panel` (an installed copy, as in the Docker image); the source tree the
/// executable was built from (`swift run`, tests).
public struct PanelAssets: Sendable {
    /// One file ready to serve.
    public struct Asset: Sendable {
        public let bytes: [UInt8]
        public let contentType: String
        /// A strong validator: the first 16 bytes of the content's SHA-256, hex.
        public let etag: String
    }

    /// Files by their path below the panel folder (`index.html`, `i18n/pl.js`).
    public let files: [String: Asset]
    /// The folder the files came from; nil when none was found.
    public let directory: String?

    /// The files of `directory`, every regular file below it.
    public init(directory: String) throws {
        var files: [String: Asset] = [:]
        let manager = FileManager.default
        let paths: [String]
        do {
            paths = try manager.subpathsOfDirectory(atPath: directory)
        } catch {
            throw ConfigurationError("the admin panel folder \(directory) cannot be read: \(error)")
        }
        // Only files of a served type; a folder named like one has no contents and is skipped.
        for relative in paths {
            guard let type = Self.contentType(of: relative),
                let data = manager.contents(atPath: directory + "/" + relative)
            else { continue }
            let bytes = [UInt8](data)
            let digest = SHA256.hash(bytes).prefix(16).hexDigits
            files[relative] = Asset(bytes: bytes, contentType: type, etag: "\"\(digest)\"")
        }
        self.files = files
        self.directory = directory
    }

    private init() {
        files = [:]
        directory = nil
    }

    /// No panel: every file is missing.
    public static let none = PanelAssets()

    /// The panel found where `locate` says, or `.none` when there is none.
    public static func load(environment: [String: String]) throws -> PanelAssets {
        guard let directory = locate(environment: environment, sourceFile: sourceFile) else { return .none }
        return try PanelAssets(directory: directory)
    }

    /// This file's path when it was compiled (in this file, not as a default argument, which
    /// would be the caller's).
    static let sourceFile = #filePath

    /// The first candidate folder that holds an `index.html` (`InstalledFolder` says which):
    /// …/Services/Gateway/GatewayCore/Panel/PanelAssets.swift → …/Services/Gateway/Panel.
    static func locate(environment: [String: String], sourceFile: String) -> String? {
        InstalledFolder.locate(
            variable: "ZAPLECZE_PANEL_DIR", environment: environment, name: "panel",
            source: InstalledFolder.sourceFolder(of: sourceFile, up: 3, then: "Panel"), marker: "index.html")
    }

    /// The media type of a file the panel serves, by its extension; nil for anything else, which
    /// is then not served (editor backups, notes).
    static func contentType(of path: String) -> String? {
        guard let dot = path.lastIndex(of: ".") else { return nil }
        switch path[path.index(after: dot)...] {
        case "html": return "text/html; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "ico": return "image/x-icon"
        case "json": return "application/json"
        default: return nil
        }
    }
}
