import Foundation
import SuiteCore
import Testing

@Suite struct ExecutableLocatorTests {
    @Test func ownPath_IsTheRunningExecutable() throws {
        let path = try ExecutableLocator.ownPath()
        #expect(path.hasPrefix("/"))
        #expect(FileManager.default.isExecutableFile(atPath: path))
        #expect(path == (try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")))
    }
}
