import FoundationEssentials
import Primitives

/// The two faces a PDF document is set in: regular for text, bold for titles, headings and labels.
/// DejaVu Sans by default (Shared/PDF/Fonts), which draws every Latin letter of Polish, Czech and
/// Slovak, and more.
public struct PDFFonts: Sendable {
    public let regular: TrueTypeFont
    public let bold: TrueTypeFont

    /// The file names `load(directory:)` reads.
    public static let regularFile = "DejaVuSans.ttf"
    public static let boldFile = "DejaVuSans-Bold.ttf"

    public init(regular: TrueTypeFont, bold: TrueTypeFont) {
        self.regular = regular
        self.bold = bold
    }

    /// The two fonts of `directory`, or an error naming the file that is missing or malformed.
    public static func load(directory: String) throws -> PDFFonts {
        func read(_ name: String) throws -> TrueTypeFont {
            let path = directory + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else {
                throw TrueTypeError("the font \(path) cannot be read")
            }
            do {
                return try TrueTypeFont(bytes: [UInt8](data))
            } catch {
                throw TrueTypeError("the font \(path) is not usable: \(error)")
            }
        }
        return PDFFonts(regular: try read(regularFile), bold: try read(boldFile))
    }

    /// The fonts found where `locate` says, or an error when no folder holds them.
    public static func load(environment: [String: String]) throws -> PDFFonts {
        guard let directory = locate(environment: environment) else {
            throw TrueTypeError("no fonts folder: set ZAPLECZE_FONTS_DIR to a folder holding \(regularFile)")
        }
        return try load(directory: directory)
    }

    /// The fonts folder (`InstalledFolder` says in which order): `ZAPLECZE_FONTS_DIR`, `fonts`
    /// beside the executable or `../share/zaplecze/fonts`, then this source tree's Shared/PDF/Fonts.
    public static func locate(environment: [String: String]) -> String? {
        InstalledFolder.locate(
            variable: "ZAPLECZE_FONTS_DIR", environment: environment, name: "fonts",
            source: InstalledFolder.sourceFolder(of: sourceFile, up: 1, then: "Fonts"), marker: regularFile)
    }

    /// This file's path when it was compiled: …/Shared/PDF/PDFFonts.swift.
    static let sourceFile = #filePath
}
