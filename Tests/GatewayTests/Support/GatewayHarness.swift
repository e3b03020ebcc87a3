import Contract
import Foundation
import GatewayCore
import HTTP
import ServiceKit
import TestSupport

/// A gateway running in-process on 127.0.0.1:0 with known keys, every service URL pointing at a
/// `FakeUpstream`, and rate limits off unless a test sets `ZAPLECZE_RATE_*`. Always call `stop()`.
final class GatewayHarness: Sendable {
    static let adminKey = "admin-key-0123456789abcdef"
    static let storefrontKey = "storefront-key-0123456789abcdef"
    static let internalSecret = "internal-secret-0123456789abcdef"
    static let tokenSecret = "token-secret-0123456789abcdef"

    /// The keys, with every limit off.
    static let baseEnvironment: [String: String] = [
        "ZAPLECZE_ADMIN_KEYS": "tester=\(adminKey)",
        "ZAPLECZE_STOREFRONT_KEYS": "shop=\(storefrontKey)",
        "ZAPLECZE_TOKEN_SECRET": tokenSecret,
        "ZAPLECZE_RATE_ADDRESS_PER_SECOND": "0",
        "ZAPLECZE_RATE_CUSTOMER_PER_SECOND": "0",
        "ZAPLECZE_RATE_FAILED_AUTH_PER_MINUTE": "0",
        "ZAPLECZE_RATE_TOKEN_MINT_PER_MINUTE": "0",
    ]

    let upstream: FakeUpstream
    let running: InProcessService
    private let ownsUpstream: Bool

    /// Starts a gateway (`InProcessService`). Pass `upstream` or `directory` to share them with
    /// another harness (a restart on the same database); `serviceURLs` replaces the upstream for
    /// some services.
    init(
        environment extra: [String: String] = [:], options: GatewayOptions = GatewayOptions(),
        upstream shared: FakeUpstream? = nil, directory sharedDirectory: TemporaryDirectory? = nil,
        serviceURLs: [String: Upstream] = [:]
    ) throws {
        let upstream = try shared ?? FakeUpstream()
        do {
            running = try InProcessService(
                GatewayService.definition(options: options), directory: sharedDirectory,
                logger: Logger(service: "gateway", level: .error, output: { _ in })
            ) { directory in
                // Read as the executable reads its flags and variables.
                var environment = Self.baseEnvironment.merging(extra) { _, new in new }
                environment["ZAPLECZE_INTERNAL_SECRET"] = Self.internalSecret
                for name in ServiceConfiguration.serviceNames {
                    let url = serviceURLs[name] ?? upstream.upstream
                    environment[ServiceConfiguration.urlVariable(for: name)] = "http://\(url.host):\(url.port)"
                }
                return try ServiceConfiguration.parse(
                    service: "gateway",
                    arguments: [
                        "--host", "127.0.0.1", "--port", "0", "--workers", "8", "--database",
                        directory.file("gateway.sqlite"),
                    ],
                    environment: environment, defaultPort: GatewayService.defaultPort)
            }
        } catch {
            if shared == nil { upstream.stop() }
            throw error
        }
        self.upstream = upstream
        ownsUpstream = shared == nil
    }

    var app: ServiceApp { running.app }
    var directory: TemporaryDirectory { running.directory }
    var client: TestClient { running.client }

    /// Stops the gateway, and the upstream and directory unless they were shared.
    func stop() {
        running.stop()
        if ownsUpstream { upstream.stop() }
    }

    /// A customer token minted through the gateway with the storefront key.
    func token(for customerId: CustomerId, ttlSeconds: Int64? = nil) throws -> String {
        let response = try client.json(
            .post, "/api/v1/auth/customer-tokens", CustomerTokenRequest(customerId: customerId, ttlSeconds: ttlSeconds),
            token: Self.storefrontKey
        )
        guard response.status == .created else {
            throw HarnessError("minting failed: \(response.status) \(response.text)")
        }
        return try response.decode(CustomerToken.self).token
    }
}
