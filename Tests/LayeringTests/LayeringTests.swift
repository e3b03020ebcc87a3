import Foundation
import Testing

/// The layers the package promises, read from the sources themselves: the contract is the shop's
/// types and does no I/O, the HTTP layer knows nothing of the shop, and a service's domain knows
/// nothing of HTTP or SQL. A file that imports across a line fails here with its path and line,
/// even where the build would let it through (an undeclared module that happens to be built).
struct LayeringTests {
    /// The modules every layer may import: the toolchain's.
    static let toolchain: Set<String> = [
        "Foundation", "FoundationEssentials", "Dispatch", "Synchronization", "Glibc", "Musl", "Darwin",
    ]

    /// One folder's rule: the package modules its files may import, or the ones they must not.
    struct Rule: CustomStringConvertible {
        /// Folders relative to the package root; a `*` in a component matches any text in it.
        let folders: [String]
        let allowed: Set<String>?
        let forbidden: Set<String>

        var description: String { folders.joined(separator: ", ") }

        /// Whether a file of this layer may import `module`.
        func admits(_ module: String) -> Bool {
            if forbidden.contains(module) { return false }
            guard let allowed else { return true }
            return LayeringTests.toolchain.contains(module) || allowed.contains(module)
        }
    }

    static let rules = [
        // HTTP's words without I/O: the standard library alone.
        Rule(folders: ["Shared/HTTPTypes"], allowed: [], forbidden: []),
        Rule(folders: ["Shared/Primitives"], allowed: ["CSystem"], forbidden: []),
        Rule(folders: ["Shared/JSON"], allowed: ["Primitives"], forbidden: []),
        // A format, like JSON: the standard library alone.
        Rule(folders: ["Shared/CSV"], allowed: [], forbidden: []),
        // Documents to print: the standard library, and Primitives' digest and folder search.
        Rule(folders: ["Shared/PDF"], allowed: ["Primitives"], forbidden: []),
        Rule(folders: ["Shared/Identifiers"], allowed: ["Primitives"], forbidden: []),
        // The shop's types: no server, no store, no runtime.
        Rule(
            folders: ["Shared/Contract"], allowed: ["HTTPTypes", "Identifiers", "JSON", "Primitives"], forbidden: []),
        // The server: nothing of the shop (its identifiers, contract, roles) or the runtime above it.
        Rule(folders: ["Shared/HTTP"], allowed: ["CSystem", "HTTPTypes", "Primitives"], forbidden: []),
        // A service's domain: plain types and rules on Foundation-level modules; their HTTP answers
        // live beside the routes, their SQL in repositories, and nothing needs the runtime.
        Rule(
            folders: ["Services/*/*Core/Domain"], allowed: nil,
            forbidden: ["HTTP", "Store", "CSQLite", "ServiceKit"]),
        // Controllers decode, authorise, call one use case and encode: transactions and SQL are
        // the use cases' and repositories' (a write route's transaction comes from its registration).
        Rule(folders: ["Services/*/*Core/Routes"], allowed: nil, forbidden: ["Store", "CSQLite"]),
        // Code generation works on the store but answers nothing over HTTP and needs no runtime.
        Rule(folders: ["Services/*/*Core/Generation"], allowed: nil, forbidden: ["HTTP", "ServiceKit"]),
    ]

    /// The package root: three levels above this file (`Tests/LayeringTests/LayeringTests.swift`).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The modules `source` imports, with their 1-based line numbers.
    static func imports(in source: String) -> [(module: String, line: Int)] {
        let pattern = #/^\s*(?:@\w+\s+)*import\s+(?:(?:typealias|struct|class|enum|protocol|let|var|func)\s+)?(\w+)/#
        return source.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap {
            index, line in
            (try? pattern.firstMatch(in: line)).flatMap { $0 }.map { (String($0.output.1), index + 1) }
        }
    }

    /// Whether a folder's name matches a pattern component with at most one `*`.
    static func matches(_ name: String, _ component: String) -> Bool {
        let parts = component.split(separator: "*", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return name == component }
        return name.count >= parts[0].count + parts[1].count && name.hasPrefix(parts[0]) && name.hasSuffix(parts[1])
    }

    /// The Swift files under the folders `pattern` names (`*` matching within a component).
    static func files(matching pattern: String) throws -> [URL] {
        var folders = [root]
        for component in pattern.split(separator: "/").map(String.init) {
            folders = try folders.flatMap { folder -> [URL] in
                guard component.contains("*") else { return [folder.appendingPathComponent(component)] }
                return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
                    .filter { matches($0.lastPathComponent, component) }
            }
        }
        return folders.flatMap { folder -> [URL] in
            guard let walk = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
                return []
            }
            return walk.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        }
    }

    /// Every import that breaks `rule`, as `path:line imports Module`.
    static func violations(of rule: Rule) throws -> [String] {
        try rule.folders.flatMap { try files(matching: $0) }.flatMap { file -> [String] in
            let source = try String(contentsOf: file, encoding: .utf8)
            let path = file.path.replacingOccurrences(of: root.path + "/", with: "")
            return imports(in: source).filter { !rule.admits($0.module) }.map {
                "\(path):\($0.line) imports \($0.module)"
            }
        }
    }

    @Test(arguments: rules)
    func everyLayer_ImportsOnlyWhatItsRuleAllows(rule: Rule) throws {
        let files = try rule.folders.flatMap { try Self.files(matching: $0) }
        #expect(!files.isEmpty, "no Swift files under \(rule): the rule checks nothing")
        let found = try Self.violations(of: rule)
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    @Test func theManifest_GivesTheContractNoDependencyThatDoesIO() throws {
        let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let declaration = #/name:\s*"Contract",\s*dependencies:\s*\[([^\]]*)\]/#
        let match = try #require(try declaration.firstMatch(in: manifest), "no Contract target in Package.swift")
        let dependencies = match.output.1.split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"")))
        }
        let contract = try #require(Self.rules.first { $0.folders == ["Shared/Contract"] })
        let refused = dependencies.filter { !contract.admits($0) }
        #expect(refused.isEmpty, "Contract depends on \(refused)")
        #expect(!dependencies.isEmpty)
    }

    @Test func theScanner_FindsImportsInEveryForm_AndNothingElse() throws {
        let source = """
            import HTTP
            @testable import Store
            @_exported import JSON
            import struct ServiceKit.ServiceClient
              import Contract
            // import Commented
            let text = "import Quoted"
            """
        #expect(Self.imports(in: source).map(\.module) == ["HTTP", "Store", "JSON", "ServiceKit", "Contract"])
        #expect(Self.imports(in: source).map(\.line) == [1, 2, 3, 4, 5])
        let contract = try #require(Self.rules.first { $0.folders == ["Shared/Contract"] })
        #expect(!contract.admits("HTTP") && !contract.admits("ServiceKit") && !contract.admits("Store"))
        #expect(contract.admits("Identifiers") && contract.admits("FoundationEssentials"))
        let domain = try #require(Self.rules.first { $0.folders == ["Services/*/*Core/Domain"] })
        #expect(!domain.admits("HTTP") && !domain.admits("ServiceKit") && domain.admits("Contract"))
        #expect(domain.admits("CSV") && domain.admits("Primitives"))
        let http = try #require(Self.rules.first { $0.folders == ["Shared/HTTP"] })
        #expect(!http.admits("Identifiers") && !http.admits("Contract") && http.admits("HTTPTypes"))
        #expect(Self.matches("LoyaltyCore", "*Core") && !Self.matches("Main", "*Core") && Self.matches("Core", "*Core"))
    }
}
