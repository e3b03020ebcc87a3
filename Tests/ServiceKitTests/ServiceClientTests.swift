import Contract
import HTTP
import TestSupport
import Testing

@testable import ServiceKit

/// The typed clients' base: what it sends another service, and how it carries an error answer on.
@Suite struct ServiceClientTests {
    private func client(_ routes: RouteCollection) throws -> (LiveServer, ServiceClient) {
        let stub = try LiveServer(routes: routes)
        return (
            stub,
            ServiceClient(
                service: "loyalty", upstream: stub.upstream, secret: "s3cret-s3cret-s3cret", http: HTTPClient())
        )
    }

    @Test func anErrorAnswer_KeepsItsStatusCodeMessageAndDetails() throws {
        let (stub, client) = try client(
            RouteCollection().post("debits") { _, _ in
                throw HTTPError(
                    .conflict, code: "insufficient_points", message: "Too few points.",
                    details: [
                        "balance": .int(5), "requested": .int(-7), "field": .string("points"), "final": .bool(true),
                        "codes": .strings(["a", "b"]),
                    ])
            })
        defer { stub.stop() }
        let error = try #require(throws: ServiceCallError.self) {
            let _: EmptyResponse = try client.call(.post, "/debits", body: ["points": 9])
        }
        #expect(error.status == .conflict)
        #expect(error.code == "insufficient_points")
        #expect(error.message == "Too few points.")
        #expect(
            error.details == [
                "balance": .int(5), "requested": .int(-7), "field": .string("points"), "final": .bool(true),
                "codes": .strings(["a", "b"]),
            ])
    }

    @Test func anErrorAnswerThatIsNotAnEnvelope_IsAnUpstreamError() throws {
        let (stub, client) = try client(
            RouteCollection().get("plain") { _, _ in
                HTTPResponse(status: .badGateway, bytes: Array("<html>oops</html>".utf8))
            })
        defer { stub.stop() }
        let error = try #require(throws: ServiceCallError.self) {
            let _: EmptyResponse = try client.call(.get, "/plain")
        }
        #expect(error.status == .badGateway && error.code == "upstream_error" && error.details.isEmpty)
    }

    @Test(arguments: [
        (JSONValue.number(2.5), ErrorDetail?.none),
        (.number(1e300), nil),
        (.array([.string("a"), .number(1)]), nil),
        (.object(["a": .null]), nil),
        (.null, nil),
        (.number(-3), .int(-3)),
    ])
    func detailsAnswerCannotCarry_AreLeftOut(value: JSONValue, expected: ErrorDetail?) {
        #expect(ServiceClient.detail(value) == expected)
    }

    @Test func aBody_IsSentAsJSON_UnlessTheCallerNamedAnotherType() throws {
        let (stub, client) = try client(
            RouteCollection().post("echo-type") { request, _ in
                .text(request.headers["Content-Type"] ?? "none")
            })
        defer { stub.stop() }
        let json = try client.send(.post, "/echo-type", body: Array("{}".utf8), principal: Principal(role: .service))
        #expect(String(decoding: json.body, as: UTF8.self) == "application/json")
        let csv = try client.send(
            .post, "/echo-type", body: Array("a;b\n".utf8), principal: Principal(role: .service),
            headers: ["Content-Type": "text/csv; charset=utf-8"]
        )
        #expect(String(decoding: csv.body, as: UTF8.self) == "text/csv; charset=utf-8")
    }
    /// What the stub below saw of a request.
    struct Seen: InternalBody, Codable {
        var contentType: String
        var body: String
        var idempotencyKey: String?
    }

    static let upload = RouteSpec<BulkAdjustmentCSV, Seen>(
        .post, "/uploads/:batch", roles: [.service], summary: "Takes a CSV file.", idempotent: true)

    @Test func aTextRoute_IsCalledTyped_WithItsTextUnderTheTypeItsDeclarationGives() throws {
        let (stub, client) = try client(
            RouteCollection().post("v1/uploads/:batch") { request, context in
                try .json(
                    Seen(
                        contentType: request.headers["Content-Type"] ?? "none",
                        body: (context.parameters["batch"] ?? "") + ":" + String(decoding: request.body, as: UTF8.self),
                        idempotencyKey: request.headers["Idempotency-Key"]))
            })
        defer { stub.stop() }
        let csv = "customerId,points,reason\r\nc-1,10,Łódź gift\r\n"
        let seen = try client.call(Self.upload, "spring", text: csv, idempotencyKey: "upload-1")
        #expect(seen.contentType == "text/csv; charset=utf-8")
        #expect(BulkAdjustmentCSV.contentType == "text/csv")
        #expect(seen.body == "spring:" + csv)
        #expect(seen.idempotencyKey == "upload-1")
    }
}
