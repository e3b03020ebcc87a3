import Contract
import Foundation
import GatewayCore
import HTTP
import Testing

/// `GET /api/v1/openapi.json`: generated from the access table, matching the registered routes
/// exactly, and a valid OpenAPI 3.1 document.
@Suite struct OpenAPITests {
    static func document() throws -> (JSONValue, [String: JSONValue], GatewayHarness) {
        let gateway = try GatewayHarness()
        let response = try gateway.client.request(.get, "/api/v1/openapi.json")
        guard response.status == .ok, case .object(let root) = try response.decode(JSONValue.self),
            case .object(let paths)? = root["paths"]
        else {
            gateway.stop()
            throw HarnessFailure("no document: \(response.status)")
        }
        return (.object(root), paths, gateway)
    }

    /// `get /api/v1/x/{id}` for every operation of the document.
    static func operations(_ paths: [String: JSONValue]) -> Set<String> {
        var found = Set<String>()
        for (path, item) in paths {
            guard case .object(let methods) = item else { continue }
            for method in methods.keys { found.insert("\(method) \(path)") }
        }
        return found
    }

    @Test func everyTableRoute_IsDocumented_AndEveryDocumentedOperation_IsARegisteredRoute() throws {
        let (_, paths, gateway) = try Self.document()
        defer { gateway.stop() }
        let documented = Self.operations(paths)
        let table = Set(
            AccessTable.routes.map {
                "\($0.method.description.lowercased()) \(OpenAPIDocument.openAPIPath($0.publicPath))"
            })
        #expect(documented == table)
        // Registered: what the running router really answers, minus the internal /v1 routes and
        // the admin panel's static files (a page, not an API).
        let registered = Set(
            gateway.app.router.routes.filter {
                !$0.pattern.hasPrefix("/v1/") && $0.pattern != "/v1" && $0.pattern != PanelRoutes.pattern
            }.map {
                "\($0.method.description.lowercased()) \(OpenAPIDocument.openAPIPath($0.pattern))"
            })
        #expect(documented == registered)
    }

    @Test func everyOperation_StatesItsRoles_AndSecurity() throws {
        let (_, paths, gateway) = try Self.document()
        defer { gateway.stop() }
        for route in AccessTable.routes {
            guard case .object(let item)? = paths[OpenAPIDocument.openAPIPath(route.publicPath)],
                case .object(let operation)? = item[route.method.description.lowercased()]
            else {
                Issue.record("\(route.id) missing")
                continue
            }
            guard case .string(let description)? = operation["description"] else {
                Issue.record("\(route.id) has no description")
                continue
            }
            #expect(description.contains("Roles:"), "\(route.id)")
            let expected: JSONValue
            if route.roles.contains(.anonymous) {
                expected = .array([.object([:])])
            } else if route.roles.contains(.admin) {
                expected = .array([.object(["bearer": .array([])]), .object(["panelSession": .array([])])])
            } else {
                expected = .array([.object(["bearer": .array([])])])
            }
            #expect(operation["security"] == expected, "\(route.id)")
            #expect(
                operation["x-roles"]
                    == .array(Principal.Role.allCases.filter { route.roles.contains($0) }.map { .string($0.rawValue) }))
        }
    }

    @Test func orderAndTokenOperations_ReferenceTheirSchemas() throws {
        let (document, _, gateway) = try Self.document()
        defer { gateway.stop() }
        let text = String(decoding: try JSONCoding.encode(document), as: UTF8.self)
        for name in [
            "OrderDocument", "OrderAcceptance", "OrderDeliveries", "CustomerTokenRequest", "CustomerToken",
            "ErrorEnvelope",
        ] {
            let referenced = text.contains("\"#/components/schemas/\(name)\"")
            #expect(referenced, "\(name)")
        }
        let listsErrorCodes = text.contains("\"x-error-codes\"")
        #expect(listsErrorCodes)
    }

    @Test func document_IsValidOpenAPI31() throws {
        let (document, _, gateway) = try Self.document()
        defer { gateway.stop() }
        let problems = OpenAPIStructure.problems(document)
        #expect(problems.isEmpty, "\(problems)")
        guard Self.validatorAvailable() else { return }
        let file = gateway.directory.file("openapi.json")
        try Data(try JSONCoding.encode(document)).write(to: URL(fileURLWithPath: file))
        let (status, output) = try Self.run(["bash", Self.scriptPath, file])
        #expect(status == 0, "\(output)")
    }

    /// The repository's `scripts/check-openapi`, found from this source file.
    static var scriptPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("scripts/check-openapi").path
    }

    static func validatorAvailable() -> Bool {
        (try? run(["python3", "-c", "import openapi_spec_validator"]).0) == 0
    }

    static func run(_ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}

struct HarnessFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
