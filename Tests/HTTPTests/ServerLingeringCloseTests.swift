import Glibc
import HTTP
import TestSupport
import Testing

/// RFC 9112 §9.6: after answering early (a body too large), the server half-closes and reads
/// what the client still sends, so the close cannot turn into a reset that destroys the answer.
@Suite struct ServerLingeringCloseTests {
    @Test func afterAnEarly413_TheServerKeepsReadingUntilTheClientFinishes_ThenCloses() throws {
        let live = try LiveServer(routes: wireRoutes())
        defer { live.stop() }
        let connection = try RawConnection(port: live.port)
        defer { connection.close() }
        try connection.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3000000\r\n\r\n")
        let answer = try connection.readResponse()
        #expect(answer.status == 413)
        #expect(answer.header("Connection") == "close")
        // The client goes on sending its body; a server that had closed would reset the
        // connection and these writes would fail.
        let piece = [UInt8](repeating: 120, count: 64 * 1024)
        for _ in 0..<8 {
            try connection.send(piece)
            usleep(20_000)
        }
        #expect(live.server.openConnections == 1, "closed while the client was still sending")
        connection.shutdownWrite()
        #expect(eventually { live.server.openConnections == 0 })
    }
}
