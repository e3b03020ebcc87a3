import Contract
import FoundationEssentials
import Store

/// The standard replies the admin keeps ("texts for the helpdesk").
struct StandardReplies: Sendable {
    let dependencies: HelpdeskDependencies

    func create(_ input: StandardReplyInput, in connection: Connection) throws -> StandardReply {
        try StandardReplyRepository.insert(input, at: dependencies.now(), in: connection)
    }

    func replace(_ id: Int64, with input: StandardReplyInput, in connection: Connection) throws -> StandardReply {
        guard let reply = try StandardReplyRepository.replace(id, with: input, at: dependencies.now(), in: connection)
        else { throw HelpdeskRefusal.noStandardReply(id) }
        return reply
    }

    func delete(_ id: Int64, in connection: Connection) throws {
        guard try StandardReplyRepository.delete(id, in: connection) else { throw HelpdeskRefusal.noStandardReply(id) }
    }

    func reply(_ id: Int64) throws -> StandardReply {
        guard let reply = try dependencies.database.read({ try StandardReplyRepository.find(id, in: $0) }) else {
            throw HelpdeskRefusal.noStandardReply(id)
        }
        return reply
    }

    func list(after: (title: String, id: Int64)?, limit: Int) throws -> [StandardReply] {
        try dependencies.database.read { try StandardReplyRepository.list(after: after, limit: limit, in: $0) }
    }
}
