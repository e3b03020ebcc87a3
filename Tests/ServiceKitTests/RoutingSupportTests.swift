import Contract
import HTTP
import ServiceKit
import Testing

/// The request helpers every service's routes share: text cursors and keyset pages.
struct RoutingSupportTests {
    @Test func aTextCursor_CarriesAnyKeyThroughAQueryString_AndABadOneIsRefused() throws {
        for key in ["SKU-1", "a/b?c=d&e", "zażółć", ""] {
            #expect(try TextCursor.decode(TextCursor.encode(key)) == key)
        }
        #expect(try TextCursor.decode(nil) == nil)
        #expect(throws: HTTPError.self) { try TextCursor.decode("%%%") }
    }

    @Test func aKeysetPage_KeepsLimitItems_AndPointsPastTheLastOnlyWhenMoreFollow() {
        let full = Page.keyset([1, 2, 3], limit: 2) { String($0) }
        #expect(full.items == [1, 2])
        #expect(full.nextCursor == "2")
        let last = Page.keyset([1, 2], limit: 2) { String($0) }
        #expect(last.items == [1, 2])
        #expect(last.nextCursor == nil)
    }
}
