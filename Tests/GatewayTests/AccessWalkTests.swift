import Contract
import Foundation
import GatewayCore
import HTTP
import ServiceKit
import Testing

/// Every route of the access table, called by every kind of caller: the gateway admits exactly
/// whom the table admits, and passes the caller's identity upstream.
@Suite struct AccessWalkTests {
    /// The callers of the walk.
    enum Caller: String, CaseIterable {
        case admin, storefront, ownCustomer, otherCustomer, anonymous
    }

    static let customer: CustomerId = "walker-1"

    /// A concrete path for `route`: the customer parameter is the walking customer, others `p1`.
    static func path(_ route: PublicRoute) -> String {
        "/"
            + route.publicPath.split(separator: "/").map { segment -> String in
                guard segment.hasPrefix(":") else { return String(segment) }
                return String(segment.dropFirst()) == route.customerParameter ? customer.text : "p1"
            }.joined(separator: "/")
    }

    static func principal(_ caller: Caller) -> Principal {
        switch caller {
        case .admin: return Principal(role: .admin, name: "tester")
        case .storefront: return Principal(role: .storefront, name: "shop")
        case .ownCustomer: return Principal(role: .customer, customerId: customer)
        case .otherCustomer: return Principal(role: .customer, customerId: "somebody-else")
        case .anonymous: return .anonymous
        }
    }

    @Test func everyRoute_ForEveryCaller_IsAdmittedExactlyAsTheTableSays() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        let tokens: [Caller: String] = [
            .admin: GatewayHarness.adminKey,
            .storefront: GatewayHarness.storefrontKey,
            .ownCustomer: try gateway.token(for: Self.customer),
            .otherCustomer: try gateway.token(for: "somebody-else"),
        ]
        var walked = 0
        for route in AccessTable.routes {
            for caller in Caller.allCases {
                let principal = Self.principal(caller)
                let expectedAllowed = Self.admits(route, principal)
                let path = Self.path(route)
                let response = try gateway.client.request(
                    route.method, path, token: tokens[caller],
                    body: route.method == .get || route.method == .delete ? [] : Array("{}".utf8)
                )
                walked += 1
                let status = response.status.code
                if expectedAllowed {
                    #expect(status != 401 && status != 403, "\(caller) \(route.id): \(status) \(response.text)")
                    if route.handling == .forwarded {
                        let echo = try response.decode(FakeUpstream.Echo.self)
                        #expect(echo.role == principal.role.rawValue, "\(caller) \(route.id)")
                        #expect(echo.customerId == principal.customerId?.text, "\(caller) \(route.id)")
                        #expect(echo.secret == GatewayHarness.internalSecret)
                        #expect(echo.target == "/v1" + path.dropFirst("/api/v1/\(route.service)".count))
                    }
                } else {
                    #expect(
                        status == (caller == .anonymous ? 401 : 403),
                        "\(caller) \(route.id): \(status) \(response.text)")
                    #expect(response.errorEnvelope != nil)
                }
            }
        }
        #expect(walked == AccessTable.routes.count * Caller.allCases.count)
        // Refused calls never reach a service (`/ready` asks the services' own `/ready` as well).
        let forwardedCalls = gateway.upstream.requests(startingWith: "/v1/").count
        let expectedForwarded = AccessTable.forwardedRoutes.reduce(0) { sum, route in
            sum + Caller.allCases.filter { Self.admits(route, Self.principal($0)) }.count
        }
        #expect(forwardedCalls == expectedForwarded)
    }

    /// The table's rule, applied to the walk's concrete path.
    static func admits(_ route: PublicRoute, _ principal: Principal) -> Bool {
        if route.roles.contains(.anonymous) { return true }
        guard route.roles.contains(principal.role) else { return false }
        if principal.role == .customer, route.customerParameter != nil { return principal.customerId == customer }
        return true
    }

    @Test func gatewayRoutes_AdmitTheRolesTheAPIPromises() {
        let byId = Dictionary(uniqueKeysWithValues: AccessTable.routes.map { ($0.id, $0) })
        #expect(byId["POST /api/v1/auth/customer-tokens"]?.roles == [.admin, .storefront])
        #expect(byId["PUT /api/v1/orders/:orderNumber"]?.roles == [.admin, .storefront])
        #expect(byId["GET /api/v1/orders/:orderNumber/deliveries"]?.roles == [.admin, .storefront])
        for open in ["GET /api/v1/openapi.json", "GET /health", "GET /ready"] {
            #expect(byId[open]?.roles == [.anonymous], "\(open)")
        }
        #expect(byId["GET /metrics"]?.roles == [.admin])
        #expect(byId["GET /api/v1/loyalty/status"]?.roles == [.admin])
    }

    @Test func accessTable_HasNoRouteTwice() {
        let ids = AccessTable.routes.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test func internalIdentityHeaders_FromOutside_AreReplacedByTheGateway() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        let forged: HTTPHeaders = [
            InternalHeaders.secret: "forged", InternalHeaders.role: "admin", InternalHeaders.customerId: "victim",
        ]
        let response = try gateway.client.request(.get, "/api/v1/loyalty/health", headers: forged)
        let echo = try response.decode(FakeUpstream.Echo.self)
        #expect(echo.role == "anonymous")
        #expect(echo.customerId == nil)
        #expect(echo.secret == GatewayHarness.internalSecret)
    }

    @Test func thePrivacyContract_IsNeverPublished_NorForwarded() throws {
        #expect(PrivacyRoutes.all.allSatisfy { $0.exposure == .internalOnly })
        #expect(!AccessTable.routes.contains { $0.publicPath.contains("/privacy/") })
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        let document = try gateway.client.request(.get, "/api/v1/openapi.json")
        #expect(document.status == .ok && !document.text.contains("/privacy/"))
        for service in PrivacyRoutes.services {
            let subject = try gateway.client.request(
                .get, "/api/v1/\(service)/privacy/subjects/\(Self.customer)", token: GatewayHarness.adminKey)
            let erasure = try gateway.client.json(
                .post, "/api/v1/\(service)/privacy/erasures",
                SubjectErasure(erasureId: "e-1", customerId: Self.customer),
                token: GatewayHarness.adminKey)
            #expect(subject.status == .notFound && erasure.status == .notFound, "\(service)")
        }
        #expect(gateway.upstream.requests(startingWith: "/v1/").isEmpty)
    }

    @Test func unknownPath_Is404_AndKnownPathWithAnotherMethod_Is405() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        #expect(try gateway.client.request(.get, "/api/v1/nowhere", token: GatewayHarness.adminKey).status == .notFound)
        let wrongMethod = try gateway.client.request(.delete, "/api/v1/openapi.json")
        #expect(wrongMethod.status == .methodNotAllowed)
        #expect(gateway.upstream.requests.isEmpty)
    }
}
