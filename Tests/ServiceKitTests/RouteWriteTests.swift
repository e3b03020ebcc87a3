import Contract
import Foundation
import HTTP
import ServiceKit
import Store
import TestSupport
import Testing

/// A route registered with `on(_:writingTo:clock:use:)` runs its prepared change in one transaction,
/// and honours `Idempotency-Key` exactly when its declaration says `idempotent`.
@Suite struct RouteWriteTests {
    struct Amount: InternalBody, Codable {
        var by: Int
    }

    static let idempotentAdd = RouteSpec<Amount, Amount>(
        .post, "/sums", roles: [.admin], summary: "Adds to the sum.", idempotent: true)
    static let plainAdd = RouteSpec<Amount, Amount>(.post, "/plain-sums", roles: [.admin], summary: "Adds to the sum.")
    static let read = RouteSpec<NoBody, Amount>(.get, "/sums", roles: [.admin], summary: "The sum.")
    static let claimed = RouteSpec<NoBody, Amount>(
        .post, "/claims", roles: [.admin], summary: "Answers whether it got a claim.", idempotent: true)

    /// A sum behind both routes; `committed` counts the answers seen after their commits.
    static func definition(committed: Locked<[Int]>, clock: WallClock = .system) -> ServiceDefinition {
        ServiceDefinition(
            name: "writer", defaultPort: 0,
            migrations: [Migration("writer-001-sums", "CREATE TABLE sums (total INTEGER NOT NULL)")],
            clock: clock,
            internalRoutes: { environment in
                let add: WriteRouteHandler = { request, _ in
                    let amount = try request.decode(Amount.self)
                    if amount.by < 1 { throw ValidationFailure(field: "by", "Must be 1 or more.") }
                    return RouteWrite(
                        { connection in
                            try connection.run("INSERT INTO sums (total) VALUES (?)", amount.by)
                            // Refused after the insert, so the refusal must roll the insert back.
                            if amount.by == 13 { throw HTTPError.conflict("Not 13.", code: "unlucky") }
                            let total = try connection.scalar("SELECT sum(total) FROM sums", as: Int.self) ?? 0
                            return try .json(Amount(by: total), status: .created)
                        }, committed: { answer in committed.withLock { $0.append(answer.status.code) } })
                }
                return RouteCollection()
                    .on(idempotentAdd, writingTo: environment.database, clock: environment.clock, use: add)
                    .on(plainAdd, writingTo: environment.database, clock: environment.clock, use: add)
                    .on(
                        claimed,
                        claimingKey: { _, _, claim in
                            try .json(Amount(by: claim == nil ? 0 : 1))
                        }
                    )
                    .on(read) { _, _ in
                        let total = try environment.database.read {
                            try $0.scalar("SELECT coalesce(sum(total), 0) FROM sums", as: Int.self) ?? 0
                        }
                        return try .json(Amount(by: total))
                    }
            })
    }

    private func post(_ service: InProcessService, _ path: String, _ body: String, key: String) throws
        -> HTTPClientResponse
    {
        try service.call(.post, path, body: Array(body.utf8), headers: ["Idempotency-Key": key])
    }

    @Test func anIdempotentRoute_RepeatedWithItsKey_IsAnsweredFromTheStoredAnswer() throws {
        let committed = Locked<[Int]>([])
        let service = try InProcessService(Self.definition(committed: committed))
        defer { service.stop() }
        let first = try post(service, "/v1/sums", #"{"by": 2}"#, key: "k")
        let again = try post(service, "/v1/sums", #"{"by": 2}"#, key: "k")
        #expect(first.status == .created)
        #expect(again.headers["Idempotent-Replayed"] == "true")
        #expect(again.body == first.body)
        #expect(try service.call(.get, "/v1/sums").decode(Amount.self).by == 2)
        #expect(committed.current == [201, 201])
    }

    @Test func aRouteNotDeclaredIdempotent_AppliesEveryRequest_WhateverItsKey() throws {
        let service = try InProcessService(Self.definition(committed: Locked([])))
        defer { service.stop() }
        _ = try post(service, "/v1/plain-sums", #"{"by": 2}"#, key: "k")
        let again = try post(service, "/v1/plain-sums", #"{"by": 2}"#, key: "k")
        #expect(again.headers["Idempotent-Replayed"] == nil)
        #expect(try service.call(.get, "/v1/sums").decode(Amount.self).by == 4)
    }

    @Test func aBodyTheHandlerRefuses_IsNotStoredUnderTheKey_SoAFixedRetryIsApplied() throws {
        let committed = Locked<[Int]>([])
        let service = try InProcessService(Self.definition(committed: committed))
        defer { service.stop() }
        let refused = try post(service, "/v1/sums", #"{"by": 0}"#, key: "fix-me")
        #expect(refused.status == .unprocessableContent)
        let fixed = try post(service, "/v1/sums", #"{"by": 3}"#, key: "fix-me")
        #expect(fixed.status == .created)
        #expect(fixed.headers["Idempotent-Replayed"] == nil)
        #expect(committed.current == [201])
    }

    @Test func aRefusalInsideTheChange_RollsItBack() throws {
        let service = try InProcessService(Self.definition(committed: Locked([])))
        defer { service.stop() }
        _ = try post(service, "/v1/plain-sums", #"{"by": 1}"#, key: "a")
        let refused = try post(service, "/v1/plain-sums", #"{"by": 13}"#, key: "b")
        #expect(refused.status == .conflict)
        #expect(try service.call(.get, "/v1/sums").decode(Amount.self).by == 1)
    }

    @Test func aRouteClaimingItsKey_GetsTheRequestsClaim_AndABadKeyIsRefusedBeforeIt() throws {
        let service = try InProcessService(Self.definition(committed: Locked([])))
        defer { service.stop() }
        let withKey = try post(service, "/v1/claims", "", key: "k-1")
        #expect(try withKey.decode(Amount.self).by == 1)
        let without = try service.call(.post, "/v1/claims")
        #expect(try without.decode(Amount.self).by == 0)
        let bad = try post(service, "/v1/claims", "", key: "")
        #expect(bad.status.code == 400)
        #expect(bad.text.contains("invalid_idempotency_key"))
    }
}
