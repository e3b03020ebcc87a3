import Contract
import Foundation
import HTTP

/// A paged list that broke its promise while a test walked it.
public struct PagingFailure: Error, CustomStringConvertible {
    public let description: String
}

extension InProcessService {
    /// Every item of the paged list at `path` (which may hold a query), fetched `limit` at a time
    /// by its cursors as `principal`. Throws `PagingFailure` for an answer that is not a 200, a
    /// page longer than `limit`, a page short of it before the last, or cursors that never end.
    public func walk<Item: Codable & Sendable>(
        _ path: String, limit: Int, as principal: Principal, of type: Item.Type = Item.self
    ) throws -> [Item] {
        var items: [Item] = []
        var cursor: String?
        let separator = path.contains("?") ? "&" : "?"
        repeat {
            let target =
                path + separator + "limit=\(limit)" + (cursor.map { "&cursor=" + PercentDecoding.encode($0) } ?? "")
            let answer = try call(.get, target, as: principal)
            guard answer.status == .ok else {
                throw PagingFailure(description: "\(target): \(answer.status) \(answer.text)")
            }
            let page: Page<Item> = try answer.decode()
            guard page.items.count <= limit, page.nextCursor == nil || page.items.count == limit else {
                throw PagingFailure(
                    description: "\(target): \(page.items.count) items, a next cursor: \(page.nextCursor != nil)")
            }
            items += page.items
            cursor = page.nextCursor
            guard items.count <= 100_000 else { throw PagingFailure(description: "the cursors of \(path) never end") }
        } while cursor != nil
        return items
    }
}
