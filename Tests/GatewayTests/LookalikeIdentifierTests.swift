import Contract
import Foundation
import HTTP
import ServiceKit
import Testing

@testable import GatewayCore

/// Customer ids that read like another customer's but are other bytes (KELVIN SIGN for `K`, a
/// combining accent, fullwidth letters, Cyrillic `а`, zero-width characters) reach nobody: no
/// token is minted for them, a token that names one is refused, and on every route that takes a
/// customer id a token for `Kevin` reaches only the bytes `Kevin`.
@Suite struct LookalikeIdentifierTests {
    static let victim: CustomerId = "Kevin"
    static let lookalikes = [
        "\u{212A}evin", "Kevi\u{006E}\u{0301}", "\u{FF2B}evin", "K\u{0435}vin", "Ke\u{200D}vin", "Kevin\u{200B}",
    ]

    /// The routes a customer token may call for its own customer id.
    static var customerRoutes: [PublicRoute] {
        AccessTable.routes.filter { $0.customerParameter != nil && $0.roles.contains(.customer) }
    }

    static func path(_ route: PublicRoute, customer: String) -> String {
        "/"
            + route.publicPath.split(separator: "/").map { segment -> String in
                guard segment.hasPrefix(":") else { return String(segment) }
                let value = String(segment.dropFirst()) == route.customerParameter ? customer : "p1"
                return PercentDecoding.encode(value)
            }.joined(separator: "/")
    }

    static func body(_ route: PublicRoute) -> [UInt8] {
        route.method == .get || route.method == .delete ? [] : Array("{}".utf8)
    }

    @Test(arguments: lookalikes)
    func noTokenIsMinted_ForALookalikeId(text: String) throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        let response = try gateway.client.json(
            .post, "/api/v1/auth/customer-tokens", UncheckedTokenRequest(customerId: text),
            token: GatewayHarness.storefrontKey)
        #expect(response.status == .unprocessableContent)
        #expect(response.errorEnvelope?.error.details?["field"] == .string("customerId"))
    }

    @Test func aTokenSignedForALookalike_ReachesNoRoute_OfTheCustomerItResembles() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        let signer = TokenSigner(
            signingKey: GatewayKeys.signingKey(GatewayHarness.tokenSecret), verificationKeys: [])
        #expect(!Self.customerRoutes.isEmpty)
        for text in Self.lookalikes {
            let forged = signer.sign(TokenClaims(subject: text, expiresAt: Int64(Date().timeIntervalSince1970) + 600))
            for route in Self.customerRoutes {
                let response = try gateway.client.request(
                    route.method, Self.path(route, customer: Self.victim.text), token: forged, body: Self.body(route))
                #expect(response.status == .unauthorized, "\(text.debugDescription) \(route.id): \(response.status)")
            }
        }
        #expect(gateway.upstream.requests(startingWith: "/v1/").isEmpty)
    }

    @Test func theVictimsToken_OnALookalikePath_IsRefusedAtTheDoor() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        let token = try gateway.token(for: Self.victim)
        for text in Self.lookalikes {
            for route in Self.customerRoutes {
                let response = try gateway.client.request(
                    route.method, Self.path(route, customer: text), token: token, body: Self.body(route))
                #expect(response.status == .forbidden, "\(text.debugDescription) \(route.id): \(response.status)")
            }
        }
        #expect(gateway.upstream.requests(startingWith: "/v1/").isEmpty)
    }
}
