import Dispatch
import Foundation
import Store
import TestSupport

/// A database in a fresh directory under the system temporary directory, removed afterwards.
func withTemporaryDatabase<T>(
    options: DatabaseOptions = DatabaseOptions(), _ body: (Database) throws -> T
) throws -> T {
    try withTemporaryDirectory { directory in
        let database = try Database(path: directory.appendingPathComponent("store.sqlite").path, options: options)
        defer { database.close() }
        return try body(database)
    }
}

/// A fresh directory under the system temporary directory, removed with everything in it afterwards.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let directory = try TemporaryDirectory(prefix: "zaplecze-store")
    defer { directory.remove() }
    return try body(URL(fileURLWithPath: directory.path, isDirectory: true))
}

/// Options with group commit switched as asked and everything else default.
func options(groupCommit: Bool, synchronous: DatabaseOptions.Synchronous = .normal) -> DatabaseOptions {
    var options = DatabaseOptions()
    options.groupCommit = groupCommit
    options.synchronous = synchronous
    return options
}

/// Runs `body(index)` on `count` new threads at once and returns when all have finished, so no
/// thread outlives the test that started it.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        let thread = Thread {
            body(index)
            group.leave()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
    group.wait()
}

/// An error thrown on purpose by a test closure.
struct PlannedFailure: Error, Equatable {
    let tag: Int
}
