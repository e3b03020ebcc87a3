import Contract
import Foundation
import HTTP
import ServiceKit
import TestSupport
import Testing

@Suite struct ServiceRuntimeTests {
    @Test func configuration_TakesFlagsOverVariablesOverDefaults() throws {
        let environment = [
            "ZAPLECZE_INTERNAL_SECRET": "0123456789abcdef0", "ZAPLECZE_PORT": "9000", "ZAPLECZE_HOST": "0.0.0.0",
            "ZAPLECZE_LOYALTY_URL": "http://loyalty:8081", "ZAPLECZE_SMTP_URL": "", "ZAPLECZE_LOG_LEVEL": "WARN",
        ]
        let config = try ServiceConfiguration.parse(
            service: "loyalty", arguments: ["--port", "9100", "--database=/tmp/x.sqlite"], environment: environment,
            defaultPort: 8081
        )
        #expect(config.port == 9100)
        #expect(config.host == "0.0.0.0")
        #expect(config.databasePath == "/tmp/x.sqlite")
        #expect(config.serviceURLs["loyalty"] == Upstream(host: "loyalty", port: 8081))
        #expect(config.smtpURL == nil)
        #expect(config.logLevel == .warn)
        let defaults = try ServiceConfiguration.parse(
            service: "reviews", arguments: [], environment: ["ZAPLECZE_INTERNAL_SECRET": "0123456789abcdef0"],
            defaultPort: 8084
        )
        #expect(defaults.port == 8084)
        #expect(defaults.host == "127.0.0.1")
        #expect(defaults.databasePath == "./data/reviews.sqlite")
    }

    @Test func emptyVariables_CountAsUnset_AsDockerComposePassesThem() throws {
        let config = try ServiceConfiguration.parse(
            service: "gateway", arguments: [],
            environment: [
                "ZAPLECZE_INTERNAL_SECRET": "0123456789abcdef0", "ZAPLECZE_WORKERS": "", "ZAPLECZE_PORT": "",
                "ZAPLECZE_SQLITE_CHECKPOINT_PAGES": "", "ZAPLECZE_RATE_ADDRESS_BURST": "",
            ],
            defaultPort: 8080
        )
        #expect(config.workers == nil)
        #expect(config.port == 8080)
        #expect(config.checkpointPages == nil)
        #expect(config.environment["ZAPLECZE_RATE_ADDRESS_BURST"] == nil)
    }

    @Test(arguments: [
        (["--port", "70000"], "--port"), (["--port"], "needs a value"), (["--bogus"], "unknown option"),
        (["--workers", "0"], "--workers"), (["--log-level", "loud"], "--log-level"),
        (["--synchronous", "maybe"], "--synchronous"),
        (["--checkpoint-pages", "0"], "--checkpoint-pages"), (["--checkpoint-pages", "many"], "--checkpoint-pages"),
    ])
    func configuration_RefusesBadValues_WithAClearMessage(arguments: [String], fragment: String) {
        do {
            _ = try ServiceConfiguration.parse(
                service: "loyalty", arguments: arguments,
                environment: ["ZAPLECZE_INTERNAL_SECRET": "0123456789abcdef0"], defaultPort: 1
            )
            Issue.record("accepted \(arguments)")
        } catch {
            #expect(String(describing: error).contains(fragment))
        }
    }

    @Test func configuration_RequiresALongEnoughInternalSecret_AndWellFormedURLs() {
        #expect(throws: ConfigurationError.self) {
            try ServiceConfiguration.parse(
                service: "x", arguments: [], environment: ["ZAPLECZE_INTERNAL_SECRET": "short"], defaultPort: 1)
        }
        #expect(throws: ConfigurationError.self) {
            try ServiceConfiguration.parse(
                service: "x", arguments: [],
                environment: ["ZAPLECZE_INTERNAL_SECRET": "0123456789abcdef0", "ZAPLECZE_REVIEWS_URL": "ftp://x"],
                defaultPort: 1
            )
        }
    }

    @Test func everyService_AnswersHealthReadyAndMetrics_WithoutTheSecret() throws {
        let service = try InProcessService(TestService.definition())
        defer { service.stop() }
        #expect(try service.client.request(.get, "/health").status == .ok)
        let ready = try service.client.request(.get, "/ready")
        #expect(ready.status == .ok)
        #expect(try ready.decode([String: String].self)["status"] == "ready")
        _ = try service.call(.get, "/v1/counter")
        let metrics = try service.client.request(.get, "/metrics").text
        #expect(metrics.contains("zaplecze_http_requests_total{route=\"/v1/counter\",method=\"GET\",status=\"200\"} 1"))
        #expect(metrics.contains("zaplecze_http_request_duration_seconds_bucket{route=\"/v1/counter\",le=\"+Inf\"} 1"))
        #expect(metrics.contains("process_resident_memory_bytes "))
        #expect(metrics.contains("process_open_fds "))
        #expect(metrics.contains("zaplecze_db_seconds_total{kind=\"write\"}"))
        #expect(metrics.contains("zaplecze_db_checkpoints_total{by=\"background\"}"))
        #expect(metrics.contains("zaplecze_db_wal_pages "))
        #expect(metrics.contains("zaplecze_http_requests_in_flight"))
    }

    @Test func internalRoutes_RefuseCallsWithoutTheSecret_AndBelieveTheIdentityWithIt() throws {
        let service = try InProcessService(TestService.definition())
        defer { service.stop() }
        let anonymous = try service.client.request(.get, "/v1/whoami", headers: ["X-Zaplecze-Role": "admin"])
        #expect(anonymous.status == .unauthorized)
        let wrong = try service.client.request(
            .get, "/v1/whoami", headers: ["X-Zaplecze-Internal": "guess", "X-Zaplecze-Role": "admin"])
        #expect(wrong.status == .unauthorized)
        let customer = try service.call(.get, "/v1/whoami", as: Principal(role: .customer, customerId: "c/%1?"))
        #expect(try customer.decode([String: String].self) == ["role": "customer", "customer": "c/%1?", "name": ""])
    }

    @Test func unexpectedErrors_AreA500WithAGenericMessage() throws {
        let service = try InProcessService(TestService.definition())
        defer { service.stop() }
        let response = try service.call(.get, "/v1/explode")
        #expect(response.status == .internalServerError)
        #expect(response.errorEnvelope?.error.code == "internal_error")
        #expect(!response.text.contains("Secret"))
    }

    @Test func mail_IsSentThroughSMTP_WhenARelayIsConfigured() throws {
        let relay = try FakeSMTPServer()
        defer { relay.stop() }
        let service = try InProcessService(TestService.definition(), environment: ["ZAPLECZE_SMTP_URL": relay.url])
        defer { service.stop() }
        let mail = TestService.MailRequest(
            to: "klient@example.pl", subject: "Zamówienie wymiany punktów", body: "Dzień dobry, żółć.")
        #expect(try service.call(.post, "/v1/mails", json: mail).status == .accepted)
        #expect(eventually { relay.messages.count == 1 })
        #expect(relay.messages.first?.recipients == ["klient@example.pl"])
        #expect(relay.messages.first?.decodedSubject == "Zamówienie wymiany punktów")
    }

    @Test func mail_IsLoggedAndKept_WithoutARelay_AndRetriedWhileTheRelayIsDown() throws {
        let service = try InProcessService(TestService.definition())
        defer { service.stop() }
        #expect(
            try service.call(.post, "/v1/mails", json: TestService.MailRequest(to: "a@b.pl", subject: "s", body: "b"))
                .status == .accepted)
        #expect(
            eventually {
                (try? service.environment.database.read {
                    try $0.scalar("SELECT state FROM outbox WHERE destination = 'mail'", as: String.self)
                }) == "logged"
            })
        let closedPort = try FreePorts.one()
        let down = try InProcessService(
            TestService.definition(), environment: ["ZAPLECZE_SMTP_URL": "smtp://127.0.0.1:\(closedPort)"])
        defer { down.stop() }
        #expect(
            try down.call(.post, "/v1/mails", json: TestService.MailRequest(to: "a@b.pl", subject: "s", body: "b"))
                .status == .accepted)
        #expect(
            eventually {
                (try? down.environment.database.read {
                    try $0.scalar(
                        "SELECT attempts FROM outbox WHERE destination = 'mail' AND state = 'pending'", as: Int.self)
                }).flatMap { $0 } ?? 0 >= 1
            })
    }

    @Test func logger_WritesOneJSONObjectPerLine() throws {
        let lines = Locked<[String]>([])
        let logger = Logger(service: "tester", level: .info) { bytes in
            lines.withLock { $0.append(String(decoding: bytes, as: UTF8.self)) }
        }
        logger.debug("hidden")
        logger.info("shown \"quoted\"", [("requestId", "r-1"), ("status", 200)])
        #expect(lines.current.count == 1)
        let object = try JSONSerialization.jsonObject(with: Data(lines.current[0].utf8)) as? [String: Any]
        #expect(object?["service"] as? String == "tester")
        #expect(object?["level"] as? String == "info")
        #expect(object?["message"] as? String == "shown \"quoted\"")
        #expect(object?["requestId"] as? String == "r-1")
        #expect(object?["status"] as? Int == 200)
        #expect(object?["time"] is String)
    }
}
