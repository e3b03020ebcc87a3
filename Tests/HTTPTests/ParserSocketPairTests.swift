import Glibc
import HTTP
import TestSupport
import Testing

/// The request parser fed from a real socket: another thread writes the requests in random-sized
/// slices, and the reader hands the parser whatever each `read` returns, as the event loop does.
@Suite struct ParserSocketPairTests {
    /// A mix of framings, with bodies that cross many reads.
    static func requests(seed: UInt64) -> (wire: [UInt8], expected: [(target: String, body: [UInt8])]) {
        var random = SeededGenerator(seed: seed)
        var wire: [UInt8] = []
        var expected: [(String, [UInt8])] = []
        for index in 0..<200 {
            let target = "/items/\(index)?q=\(index * 7)"
            switch index % 4 {
            case 0:
                wire += Array("GET \(target) HTTP/1.1\r\nHost: pair\r\nAccept: */*\r\n\r\n".utf8)
                expected.append((target, []))
            case 1:
                let body = patternBytes(0..<Int.random(in: 0...5_000, using: &random))
                wire +=
                    Array("POST \(target) HTTP/1.1\r\nHost: pair\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
                expected.append((target, body))
            case 2:
                let body = patternBytes(index..<(index + Int.random(in: 1...20_000, using: &random)))
                wire += Array("PUT \(target) HTTP/1.1\r\nHost: pair\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
                var offset = 0
                while offset < body.count {
                    let size = min(body.count - offset, Int.random(in: 1...3_000, using: &random))
                    wire +=
                        Array("\(String(size, radix: 16));n=v\r\n".utf8) + body[offset..<(offset + size)] + [13, 10]
                    offset += size
                }
                wire += Array("0\r\nX-Trailer: t\r\n\r\n".utf8)
                expected.append((target, body))
            default:
                wire += Array("\r\nDELETE \(target) HTTP/1.1\r\nhost: pair\r\nX-Many: a, b,c\r\nX-Many: d\r\n\r\n".utf8)
                expected.append((target, []))
            }
        }
        return (wire, expected)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func requestsWrittenInRandomSlices_ParseAsWrittenWhole(seed: UInt64) throws {
        var fds: [Int32] = [0, 0]
        try #require(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds) == 0)
        let (reader, writer) = (fds[0], fds[1])
        defer { close(reader) }
        let (wire, expected) = Self.requests(seed: seed)

        let writing = ThreadHandle.spawn(name: "test-pair-writer") {
            defer { close(writer) }
            var random = SeededGenerator(seed: seed &* 31)
            var offset = 0
            while offset < wire.count {
                let size = min(wire.count - offset, Int.random(in: 1...700, using: &random))
                let written = wire.withUnsafeBytes { send(writer, $0.baseAddress! + offset, size, Int32(MSG_NOSIGNAL)) }
                guard written > 0 else { return }
                offset += written
                // Sometimes let the reader drain the socket so reads see small pieces.
                if Int.random(in: 0..<4, using: &random) == 0 { sched_yield() }
            }
        }
        defer { writing.join() }

        var parser = HTTPRequestParser()
        var parsed: [(target: String, body: [UInt8])] = []
        var reads = 0
        var buffer = [UInt8](repeating: 0, count: 4_096)
        var readSizes = SeededGenerator(seed: seed &* 17)
        while true {
            let want = Int.random(in: 1...buffer.count, using: &readSizes)
            let count = buffer.withUnsafeMutableBytes { read(reader, $0.baseAddress, want) }
            if count <= 0 { break }
            reads += 1
            parser.append(Array(buffer[0..<count]))
            while let event = try parser.next() {
                if case .request(let request) = event { parsed.append((request.target, request.body)) }
            }
        }
        #expect(parser.isIdle)
        #expect(reads > 100)
        #expect(parsed.count == expected.count)
        for (got, want) in zip(parsed, expected) {
            #expect(got.target == want.target)
            let sameBody = got.body == want.body
            #expect(sameBody, "\(want.target)")
        }
    }
}
