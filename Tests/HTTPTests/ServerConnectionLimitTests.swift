import Glibc
import HTTP
import TestSupport
import Testing

/// Connections that hold the server without asking anything: a cap per client address, idle
/// connections closed first when the server is full, and a port that is never shared.
@Suite struct ServerConnectionLimitTests {
    static func limits(total: Int = 4096, perAddress: Int? = nil, exempt: String = "") throws -> HTTPLimits {
        var limits = HTTPLimits()
        limits.maxConnections = total
        limits.maxConnectionsPerAddress = perAddress
        limits.addressesWithoutConnectionCap = try AddressRanges(parsing: exempt)
        return limits
    }

    /// Opens `count` connections from `source` that send nothing, and waits until the server has
    /// them all (or closed the extra ones).
    static func idle(_ count: Int, from source: String, to live: LiveServer) throws -> [RawConnection] {
        try (0..<count).map { _ in try RawConnection(port: live.port, from: source) }
    }

    static func answers(_ live: LiveServer, from source: String = "127.0.0.1") -> Bool {
        guard let connection = try? RawConnection(port: live.port, from: source),
            (try? connection.send(getRequest("/hello"))) != nil,
            let response = try? connection.readResponse(timeout: .seconds(3))
        else { return false }
        return response.status == 200
    }

    @Test func oneAddress_CannotOpenMoreThanItsCap_WhileOtherAddressesAreServed() throws {
        let live = try LiveServer(routes: wireRoutes(), limits: Self.limits(perAddress: 3), eventLoops: 1)
        defer { live.stop() }
        let held = try Self.idle(3, from: "127.0.0.2", to: live)
        #expect(eventually { live.server.openConnections == 3 })
        let extra = try RawConnection(port: live.port, from: "127.0.0.2")
        #expect(extra.waitForClose())
        #expect(extra.unreadBytes.isEmpty)
        #expect(Self.answers(live, from: "127.0.0.3"))
        // Room again for that address once one of its connections closes.
        held[0].close()
        #expect(eventually { live.server.openConnections == 2 })
        #expect(Self.answers(live, from: "127.0.0.2"))
        withExtendedLifetime(held) {}
    }

    @Test func anExemptAddress_ATrustedProxy_IsNotCapped() throws {
        let live = try LiveServer(
            routes: wireRoutes(), limits: Self.limits(perAddress: 2, exempt: "127.0.0.4/32"), eventLoops: 1)
        defer { live.stop() }
        let held = try Self.idle(6, from: "127.0.0.4", to: live)
        #expect(eventually { live.server.openConnections == 6 })
        #expect(held.allSatisfy { $0.receivesNothing(for: .milliseconds(20)) })
        #expect(Self.answers(live, from: "127.0.0.4"))
        withExtendedLifetime(held) {}
    }

    @Test func manyIdleConnections_FromManyAddresses_DoNotKeepNewClientsOut() throws {
        // 4 addresses × 15 idle connections against room for 40: without shedding idle ones the
        // server is full and every new client is turned away.
        let live = try LiveServer(
            routes: wireRoutes(), limits: Self.limits(total: 40, perAddress: 15), eventLoops: 1)
        defer { live.stop() }
        var idle: [RawConnection] = []
        for address in ["127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5"] {
            idle += try Self.idle(15, from: address, to: live)
        }
        withExtendedLifetime(idle) {
            #expect(eventually { live.server.openConnections == 40 })
            for _ in 0..<5 { #expect(Self.answers(live)) }
            #expect(live.server.openConnections <= 40)
        }
    }

    @Test func aConnectionInTheMiddleOfARequest_IsNotClosedToMakeRoom() throws {
        let live = try LiveServer(routes: wireRoutes(), limits: Self.limits(total: 3), eventLoops: 1)
        defer { live.stop() }
        let busy = try live.connect()
        try busy.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 4\r\n\r\nab")
        let quiet = try Self.idle(2, from: "127.0.0.2", to: live)
        try withExtendedLifetime(quiet) {
            #expect(eventually { live.server.openConnections == 3 })
            #expect(Self.answers(live))
            try busy.send("cd")
            #expect(try busy.readResponse().text == "abcd")
        }
    }

    @Test func aSecondServer_OnAPortInUse_FailsNamingThePort_AndTheFirstKeepsIt() throws {
        let first = try LiveServer(routes: wireRoutes())
        defer { first.stop() }
        do {
            let second = try LiveServer(routes: wireRoutes(), port: first.port)
            second.stop()
            Issue.record("a second server bound port \(first.port)")
        } catch {
            #expect(error as? PortInUseError == PortInUseError(host: "127.0.0.1", port: first.port))
        }
        #expect(String(describing: PortInUseError(host: "127.0.0.1", port: first.port)).contains("port \(first.port)"))
        for _ in 0..<8 { #expect(Self.answers(first)) }
    }

    @Test func addressRanges_MatchAddressesAndBlocks_InBothFamilies() throws {
        let ranges = try AddressRanges(parsing: " 10.0.0.0/8, 192.168.1.7 ,fd00::/8, ::1")
        #expect(ranges.contains("10.200.3.4"))
        #expect(ranges.contains("::ffff:10.1.2.3"))
        #expect(!ranges.contains("11.0.0.1"))
        #expect(ranges.contains("192.168.1.7"))
        #expect(!ranges.contains("192.168.1.8"))
        #expect(ranges.contains("fd12:3456::1"))
        #expect(ranges.contains("::1"))
        #expect(!ranges.contains("fe80::1"))
        #expect(!ranges.contains("not-an-address"))
        #expect(try AddressRanges(parsing: "").isEmpty)
        for bad in ["10.0.0.0/33", "example.com", "::1/129", "1.2.3.4/x"] {
            #expect(throws: AddressRangesError.self) { try AddressRanges(parsing: bad) }
        }
    }
}
