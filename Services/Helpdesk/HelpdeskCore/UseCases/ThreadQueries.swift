import Contract
import FoundationEssentials
import Store

/// What is read of threads, as the caller may see it.
struct ThreadQueries: Sendable {
    let database: Database

    func detail(_ id: Int64, for caller: HelpdeskCaller) throws -> ThreadDetail {
        try database.read { connection in
            try Self.detail(of: try Self.thread(id, for: caller, in: connection), for: caller, in: connection)
        }
    }

    func search(_ search: ThreadRepository.Search) throws -> [ThreadRecord] {
        try database.read { try ThreadRepository.search(search, in: $0) }
    }

    /// Thread `id` if the caller may see it; the route's 404 otherwise, the same as for no thread,
    /// so a customer learns nothing of others' threads.
    static func thread(_ id: Int64, for caller: HelpdeskCaller, in connection: Connection) throws -> ThreadRecord {
        guard let thread = try ThreadRepository.find(id, in: connection), caller.maySee(thread) else {
            throw HelpdeskRefusal.noThread(id)
        }
        return thread
    }

    /// The thread with what the caller may see of its messages and history.
    static func detail(of thread: ThreadRecord, for caller: HelpdeskCaller, in connection: Connection) throws
        -> ThreadDetail
    {
        ThreadDetail(
            thread: thread.summary,
            messages: try MessageRepository.messages(of: thread.id, notes: caller.isStaff, in: connection),
            statusChanges: caller.isStaff ? try MessageRepository.statusChanges(of: thread.id, in: connection) : [])
    }
}
