import FoundationEssentials
import Glibc
import Primitives

/// A fixed set of reader connections, lent one per `read` call.
final class ReaderPool: @unchecked Sendable {
    // @unchecked: `idle` is only touched with `condition` locked, and a connection taken out of
    // it is used by exactly one thread until it is put back.

    private let condition = Lock()
    private var idle: [Connection]
    private var isClosed = false

    /// Opens `options.readerCount` readers; if one fails, those already open are closed with it.
    init(path: String, options: DatabaseOptions) throws {
        var opened: [Connection] = []
        for _ in 0..<options.readerCount {
            opened.append(try Connection(path: path, role: .reader, options: options))
        }
        idle = opened
    }

    /// Takes an idle reader, waiting while all are lent out.
    func acquire() -> Connection {
        condition.lock()
        defer { condition.unlock() }
        while idle.isEmpty { condition.wait() }
        return idle.removeLast()
    }

    /// Puts a reader back and wakes one waiting caller.
    func release(_ connection: Connection) {
        condition.lock()
        defer { condition.unlock() }
        idle.append(connection)
        condition.signal()
    }

    /// Closes every reader. Only called once nothing is in flight, so all are idle.
    func close() {
        condition.lock()
        defer { condition.unlock() }
        guard !isClosed else { return }
        isClosed = true
        for connection in idle { connection.close() }
    }
}
