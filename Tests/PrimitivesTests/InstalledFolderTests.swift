import Foundation
import Primitives
import Testing

/// Finding a folder of run-time files: the variable first, then an installed copy, then the source tree.
@Suite struct InstalledFolderTests {
    @Test func theVariable_WinsAsItIs_ThenTheFirstCandidateHoldingTheMarker() throws {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
        #expect(
            InstalledFolder.locate(
                variable: "X_DIR", environment: ["X_DIR": "/given"], name: "none", source: here, marker: "nothing")
                == "/given")
        #expect(
            InstalledFolder.locate(
                variable: "X_DIR", environment: ["X_DIR": ""], name: "none", source: here,
                marker: "InstalledFolderTests.swift") == here)
        #expect(
            InstalledFolder.locate(
                variable: "X_DIR", environment: [:], name: "none", source: here, marker: "absent.txt")
                == nil)
        // A folder named like the marker is not the marker.
        #expect(
            InstalledFolder.locate(
                variable: "X_DIR", environment: [:], name: "none", source: here + "/..", marker: "PrimitivesTests")
                == nil)
    }

    @Test func theSourceFolder_IsTheCompiledFilesFolderUpSomeLevels() {
        #expect(
            InstalledFolder.sourceFolder(of: "/src/Shared/PDF/PDFFonts.swift", up: 1, then: "Fonts")
                == "/src/Shared/PDF/Fonts")
        #expect(
            InstalledFolder.sourceFolder(
                of: "/src/Services/Gateway/GatewayCore/Panel/PanelAssets.swift", up: 3, then: "Panel")
                == "/src/Services/Gateway/Panel")
        #expect(InstalledFolder.sourceFolder(of: "a.swift", up: 1, then: "Fonts") == nil)
        #expect([UInt8]([0x00, 0x0a, 0xff]).hexDigits == "000aff")
    }
}
