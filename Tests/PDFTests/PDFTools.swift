import Foundation
import PDF
import TestSupport

/// The fonts of the source tree, read once for all tests.
enum TestFonts {
    static let fonts: Result<PDFFonts, any Error> = Result { try PDFFonts.load(environment: [:]) }

    static func load() throws -> PDFFonts { try fonts.get() }

    /// The folder the tests' sample files are kept in, for a person to look at: .build/pdf-samples.
    static var samples: String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.path + "/.build/pdf-samples"
    }
}
