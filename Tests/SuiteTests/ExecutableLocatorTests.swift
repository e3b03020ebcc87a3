import Foundation
import SuiteCore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct ExecutableLocatorTests {
    @Test func ownDirectory_IsWhereTheRunningExecutableLives() throws {
        let directory = try ExecutableLocator.ownDirectory()
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) && isDirectory.boolValue)
    }

    @Test func locate_FindsExecutables_AndNamesEveryMissingOne() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = FileManager.default.createFile(atPath: directory.file("gateway"), contents: Data("#!/bin/sh\n".utf8))
        chmod(directory.file("gateway"), 0o755)
        _ = FileManager.default.createFile(atPath: directory.file("loyalty"), contents: Data())
        chmod(directory.file("loyalty"), 0o644)

        #expect(try ExecutableLocator.locate(["gateway"], in: directory.path) == ["gateway": directory.file("gateway")])
        #expect(throws: LocatorError.missing(names: ["loyalty", "reviews"], directory: directory.path)) {
            try ExecutableLocator.locate(["gateway", "loyalty", "reviews"], in: directory.path)
        }
    }
}
