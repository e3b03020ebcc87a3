import Contract
import Foundation
import GatewayCore
import HTTP
import Primitives
import TestSupport
import Testing

/// A large answer of a service (a codes CSV of a million rows) passes through the gateway as it
/// is written: the client has its first bytes while the service is still producing the rest, so
/// neither process holds the whole body.
@Suite struct StreamedForwardingTests {
    @Test func aChunkedAnswer_ReachesTheClient_BeforeTheServiceHasWrittenItAll() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        let firstPieceRead = DispatchSemaphore(value: 0)
        let finished = Locked(false)
        let piece = Array(repeating: UInt8(ascii: "x"), count: 64 * 1024)
        let pieces = 128  // 8 MiB, far past the gateway's 256 KiB buffering limit
        gateway.upstream.behave { request in
            guard request.target.hasPrefix("/v1/status") else { return nil }
            return HTTPResponse(
                headers: ["Content-Type": "text/csv"],
                body: .stream(
                    BodyStream { writer in
                        try writer.write(piece)
                        // The rest waits until the client has read through the gateway: a gateway
                        // that buffered the whole answer would hold the client until this times out.
                        _ = firstPieceRead.wait(timeout: .now() + 10)
                        for _ in 1..<pieces { try writer.write(piece) }
                        finished.withLock { $0 = true }
                    }))
        }
        var headers = HTTPHeaders()
        headers.add(name: "Authorization", value: "Bearer \(GatewayHarness.adminKey)")
        let stream = try gateway.client.http.stream(
            HTTPRequest(method: .get, target: "/api/v1/loyalty/status", headers: headers), to: gateway.client.upstream,
            readTimeout: .seconds(30))
        #expect(stream.head.status == .ok)
        #expect(stream.head.headers["Content-Type"] == "text/csv")
        var received = 0
        while received == 0, let bytes = try stream.next() { received += bytes.count }
        #expect(!finished.current, "the gateway waited for the whole answer before passing it on")
        firstPieceRead.signal()
        while let bytes = try stream.next() { received += bytes.count }
        #expect(received == piece.count * pieces)
        #expect(finished.current)
    }
}
