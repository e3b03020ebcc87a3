import Contract
import Foundation
import HTTP
import TestSupport
import Testing

/// The gateway's OpenAPI document, held to account by the running suite: every documented
/// operation is called with the examples the document gives (each must be answered with a
/// documented success whose body fits the documented schema) and with values made to break one
/// constraint each (each must be refused with a documented status and one of its listed codes).
@Suite(.serialized)
struct OpenAPIContractTests {
    /// One operation of the document.
    struct Operation {
        let method: String
        let path: String
        let fields: [String: JSONValue]

        var responses: [String: JSONValue] {
            if case .object(let responses)? = fields["responses"] { return responses }
            return [:]
        }

        var parameters: [[String: JSONValue]] {
            guard case .array(let list)? = fields["parameters"] else { return [] }
            return list.compactMap { if case .object(let parameter) = $0 { return parameter } else { return nil } }
        }

        /// The JSON or text request body's media type and content.
        var requestBody: (type: String, media: [String: JSONValue])? {
            guard case .object(let body)? = fields["requestBody"], case .object(let content)? = body["content"],
                let (type, media) = content.first, case .object(let fields) = media
            else { return nil }
            return (type, fields)
        }

        /// The path with each parameter's example (percent-encoded) filled in, or `replacing` one.
        func target(replacing: (name: String, value: String)? = nil) -> String {
            var result = path
            for parameter in parameters where parameter["in"] == .string("path") {
                guard let name = parameter["name"]?.stringValue else { continue }
                let value =
                    name == replacing?.name
                    ? replacing?.value ?? "" : (parameter["example"].map(Self.text) ?? "")
                result = result.replacingOccurrences(of: "{\(name)}", with: PercentDecoding.encode(value))
            }
            return result
        }

        static func text(_ value: JSONValue) -> String {
            switch value {
            case .string(let text): return text
            case .number(let number): return String(Int64(number))
            default: return ""
            }
        }
    }

    @Test func everyDocumentedOperation_AcceptsItsExamples_AndRefusesWhatItsSchemaForbids() throws {
        let suite = try SuiteHarness(extraEnvironment: [
            "ZAPLECZE_RATE_ADDRESS_PER_SECOND": "0", "ZAPLECZE_RATE_TOKEN_MINT_PER_MINUTE": "0",
        ])
        defer { suite.stop() }
        let document = try suite.gateway.request(.get, "/api/v1/openapi.json").decode(JSONValue.self)
        guard case .object(let root) = document, case .object(let paths)? = root["paths"],
            case .object(let components)? = root["components"], case .object(let schemas)? = components["schemas"]
        else {
            Issue.record("no document")
            return
        }
        let check = JSONSchemaCheck(components: schemas)
        let violations = SchemaViolations(check: check)
        var operations: [Operation] = []
        for (path, item) in paths {
            guard case .object(let methods) = item else { continue }
            for (method, operation) in methods {
                if case .object(let fields) = operation {
                    operations.append(Operation(method: method, path: path, fields: fields))
                }
            }
        }
        operations.sort { (Self.rank($0), $0.path, $0.method) < (Self.rank($1), $1.path, $1.method) }
        var refused = 0
        var edges = 0
        for operation in operations {
            for (what, request) in Self.invalidRequests(operation, violations) {
                let response = try Self.send(suite, operation, request)
                Self.expectRefused(response, operation, because: what)
                refused += 1
            }
            let response = try Self.sendValid(suite, operation)
            Self.expectAccepted(response, operation, check: check)
            for (what, request) in Self.edgeRequests(operation, violations) {
                let response = try Self.send(suite, operation, request)
                Self.expectAccepted(response, operation, check: check, because: what)
                edges += 1
            }
            // The edges leave a replaced resource as they made it; put the example back.
            if operation.method == "put" { _ = try Self.sendValid(suite, operation) }
        }
        #expect(operations.count >= 40)
        #expect(edges >= 30)
        #expect(refused >= 150)
    }

    /// A request to send: target, body and content type.
    struct Request {
        var target: String
        var body: [UInt8] = []
        var contentType = "application/json"
    }

    static func validRequest(_ operation: Operation) -> Request {
        var request = Request(target: operation.target())
        if let (type, media) = operation.requestBody, var example = media["example"] {
            // Signing in to the panel takes one of the gateway's real admin keys, which no
            // document can give as its example.
            if operation.path == signInPath, case .object(var fields) = example {
                fields["key"] = .string(SuiteHarness.adminKey)
                example = .object(fields)
            }
            request.contentType = type
            request.body = example.stringValue.map { Array($0.utf8) } ?? ((try? JSONCoding.encode(example)) ?? [])
        }
        return request
    }

    /// The panel's sign-in, whose example needs a real key.
    static let signInPath = "/api/v1/auth/sessions"
    /// The panel session's own routes answer only to its cookie; called with an API key, as here,
    /// the documented answer is 404 `no_session` (the panel's tests sign in and use the cookie).
    static let cookieOnlyPath = "/api/v1/auth/sessions/current"
    /// A retry names an event a receiver refused for good, which a healthy suite has none of:
    /// the documented answer is 404 `delivery_not_failed` (`DeadLetterTests` retries real ones).
    static let retryPath = "/api/v1/orders/deliveries/{eventId}/retry"
    /// An erasure's second step takes a token only its first step gives, and its progress an id
    /// only the second gives: the documented answers to the examples are 409
    /// `confirmation_invalid` and 404 `erasure_not_found` (the personal-data tests erase for real).
    static let erasurePath = "/api/v1/personal-data/customers/{customerId}/erasure"
    static let erasureProgressPath = "/api/v1/personal-data/erasures/{id}"
    /// The documented refusal of the operations whose example cannot succeed, by path.
    static let refusedExamples: [String: (status: HTTPStatus, code: String)] = [
        cookieOnlyPath: (.notFound, "no_session"), retryPath: (.notFound, "delivery_not_failed"),
        erasurePath: (.conflict, "confirmation_invalid"), erasureProgressPath: (.notFound, "erasure_not_found"),
    ]

    /// Every request that breaks one documented constraint of the operation.
    static func invalidRequests(_ operation: Operation, _ violations: SchemaViolations) -> [(String, Request)] {
        let valid = validRequest(operation)
        var found: [(String, Request)] = []
        for parameter in operation.parameters {
            guard let name = parameter["name"]?.stringValue, let schema = parameter["schema"] else { continue }
            let example = parameter["example"] ?? .string("x")
            switch parameter["in"]?.stringValue {
            case "path":
                for (what, value) in violations.values(schema, example: example) where !value.isEmpty {
                    var request = valid
                    request.target = operation.target(replacing: (name, value))
                    found.append(("path \(name) \(what)", request))
                }
            case "query":
                for (what, value) in violations.values(schema, example: example) where !value.isEmpty {
                    var request = valid
                    request.target += "?\(name)=\(PercentDecoding.encode(value))"
                    found.append(("query \(name) \(what)", request))
                }
            default:
                break
            }
        }
        if let (type, media) = operation.requestBody, type == "application/json", let example = media["example"],
            let schema = media["schema"]
        {
            for (what, body) in violations.bodies(example, schema) {
                var request = valid
                request.body = (try? JSONCoding.encode(body)) ?? []
                found.append(("body \(what)", request))
            }
        }
        return found
    }

    /// Every request at the edge of what a documented constraint of the body allows.
    static func edgeRequests(_ operation: Operation, _ violations: SchemaViolations) -> [(String, Request)] {
        let valid = validRequest(operation)
        guard let (type, media) = operation.requestBody, type == "application/json", let example = media["example"],
            let schema = media["schema"]
        else { return [] }
        // A body field that repeats a path parameter must equal it, so it has no edges of its own.
        let pathNames = operation.parameters.filter { $0["in"] == .string("path") }.compactMap {
            $0["name"]?.stringValue
        }
        let edges = violations.edges(example, schema).filter { what, _ in
            !pathNames.contains { what.hasPrefix("$.\($0):") }
        }
        return edges.map { what, body in
            var request = valid
            request.body = (try? JSONCoding.encode(body)) ?? []
            return ("body \(what)", request)
        }
    }

    static func send(_ suite: SuiteHarness, _ operation: Operation, _ request: Request) throws -> HTTPClientResponse {
        try suite.gateway.request(
            HTTPMethod(operation.method.uppercased()), request.target, token: SuiteHarness.adminKey,
            body: request.body, contentType: request.contentType)
    }

    /// Sends the valid example; a read of something another service hands over asynchronously
    /// (an order the gateway passes to loyalty) is asked again until it has arrived.
    static func sendValid(_ suite: SuiteHarness, _ operation: Operation) throws -> HTTPClientResponse {
        var response = try send(suite, operation, validRequest(operation))
        var attempts = 0
        while operation.method == "get", response.status == .notFound, attempts < 50 {
            Thread.sleep(forTimeInterval: 0.1)
            response = try send(suite, operation, validRequest(operation))
            attempts += 1
        }
        return response
    }

    /// A documented success whose body fits its schema; for an edge, also a documented 409 (the
    /// value is valid but the state forbids it, as a quantity the balance cannot pay for).
    static func expectAccepted(
        _ response: HTTPClientResponse, _ operation: Operation, check: JSONSchemaCheck, because what: String? = nil
    ) {
        let status = String(response.status.code)
        let name = "\(operation.method) \(operation.path)" + (what.map { " with \($0)" } ?? "")
        if let what, response.status == .conflict || Self.isRuleAcrossFields(response, edited: what) {
            #expect(operation.responses[status] != nil, "\(name): \(status) is not documented")
            return
        }
        if let refusal = refusedExamples[operation.path] {
            #expect(
                response.status == refusal.status && response.errorEnvelope?.error.code == refusal.code, "\(name)")
            #expect(operation.responses[status] != nil, "\(name): \(status) is not documented")
            return
        }
        #expect(response.status.code < 300, "\(name): \(status) \(response.text.prefix(300))")
        guard case .object(let documented)? = operation.responses[status] else {
            Issue.record("\(name) answered \(status), which it does not document")
            return
        }
        guard case .object(let content)? = documented["content"],
            case .object(let json)? = content["application/json"], let schema = json["schema"]
        else { return }
        guard let body = try? JSONCoding.decode(JSONValue.self, from: response.body) else {
            Issue.record("\(name): the answer is not JSON")
            return
        }
        let problems = check.problems(body, schema)
        #expect(problems.isEmpty, "\(name) answered outside its schema: \(problems)")
    }

    /// A 422 naming a field other than the one the edge changed: a rule between fields (an
    /// action that takes no status), which a schema of each field alone cannot state; the
    /// property's description does.
    static func isRuleAcrossFields(_ response: HTTPClientResponse, edited what: String) -> Bool {
        guard response.status == .unprocessableContent,
            case .string(let field)? = response.errorEnvelope?.error.details?["field"]
        else { return false }
        let edited = what.split(separator: ":").first.map { String($0.split(separator: ".").last ?? "") } ?? ""
        return field.split(separator: ".").last.map(String.init) != edited
    }

    static func expectRefused(_ response: HTTPClientResponse, _ operation: Operation, because what: String) {
        let status = String(response.status.code)
        let name = "\(operation.method) \(operation.path) with \(what)"
        #expect((400..<500).contains(response.status.code), "\(name): \(status) \(response.text.prefix(200))")
        guard case .object(let documented)? = operation.responses[status] else {
            Issue.record("\(name) answered \(status), which the operation does not document")
            return
        }
        guard case .array(let codes)? = documented["x-error-codes"] else { return }
        let code = response.errorEnvelope?.error.code ?? "(none)"
        #expect(codes.contains(.string(code)), "\(name): code \(code) is not listed for \(status)")
    }

    /// Creations first, then what needs them, reads after, deletions last.
    static func rank(_ operation: Operation) -> Int {
        switch (operation.method, operation.path) {
        case ("put", "/api/v1/loyalty/program"): return 0
        case ("post", "/api/v1/loyalty/rules"), ("post", "/api/v1/loyalty/rewards"): return 1
        case ("post", let path) where path.hasSuffix("/exchange-orders"): return 3
        case ("put", let path) where path.hasSuffix("/exchanged"): return 4
        case ("post", let path) where path.hasSuffix("/rejection"): return 5
        // A code bought for points once the customer has earned some.
        case ("post", let path) where path.hasSuffix("/purchases"): return 4
        case ("post", _), ("put", _): return 2
        case ("delete", _): return 7
        default: return 6
        }
    }
}
