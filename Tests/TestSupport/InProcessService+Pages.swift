import Contract
import HTTP

extension InProcessService {
    /// Every item of the paged list at `path` (`/v1/…`, which may hold a query), walked `limit`
    /// at a time by its cursors as `principal`. Throws `PageWalkFailure` when a page is not a
    /// 200, holds more than `limit` items, is not full before the last, or the cursors never end.
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
            guard answer.status == .ok else { throw PageWalkFailure("\(target): \(answer.status) \(answer.text)") }
            let page: Page<Item> = try answer.decode()
            guard page.items.count <= limit, page.nextCursor == nil || page.items.count == limit else {
                throw PageWalkFailure("\(target): \(page.items.count) items, next cursor \(page.nextCursor ?? "none")")
            }
            items += page.items
            cursor = page.nextCursor
            guard items.count <= 10_000 else { throw PageWalkFailure("the cursor of \(path) never ends") }
        } while cursor != nil
        return items
    }
}

/// Why `InProcessService.walk` stopped: the page and what was wrong with it.
public struct PageWalkFailure: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) { self.description = description }
}
