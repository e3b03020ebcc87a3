/// The routes arranged by path segment, for matching without scanning every route.
final class RouteTrie: @unchecked Sendable {
    // Safe: built completely in `init` and only read afterwards.
    final class Node {
        var literals: [String: Node] = [:]
        var parameter: (name: String, node: Node)?
        var wildcard: [HTTPMethod: Route] = [:]
        var routes: [HTTPMethod: Route] = [:]
    }

    enum Match: Sendable {
        case found(Route, PathParameters)
        /// The path exists, with other methods.
        case methodNotAllowed([HTTPMethod])
        case notFound
    }

    private let root = Node()

    init(_ routes: [Route]) {
        for route in routes { insert(route) }
    }

    private func insert(_ route: Route) {
        var node = root
        let segments = route.pattern.split(separator: "/", omittingEmptySubsequences: true)
        for (index, segment) in segments.enumerated() {
            if segment == "*" && index == segments.count - 1 {
                node.wildcard[route.method] = route
                return
            }
            if segment.hasPrefix(":") {
                let name = String(segment.dropFirst())
                if let existing = node.parameter {
                    node = existing.node
                } else {
                    let child = Node()
                    node.parameter = (name, child)
                    node = child
                }
            } else {
                let key = String(segment)
                if let child = node.literals[key] {
                    node = child
                } else {
                    let child = Node()
                    node.literals[key] = child
                    node = child
                }
            }
        }
        node.routes[route.method] = route
    }

    /// Finds the route for `method` and decoded `segments`. HEAD falls back to GET.
    func match(_ method: HTTPMethod, _ segments: [String]) -> Match {
        var parameters = PathParameters()
        guard let methods = find(root, segments[...], &parameters) else { return .notFound }
        if let route = methods[method] { return .found(route, parameters) }
        if method == .head, let route = methods[.get] { return .found(route, parameters) }
        var allowed = Array(methods.keys)
        if methods[.get] != nil && methods[.head] == nil { allowed.append(.head) }
        return .methodNotAllowed(allowed.sorted { $0.description < $1.description })
    }

    private func find(_ node: Node, _ segments: ArraySlice<String>, _ parameters: inout PathParameters) -> [HTTPMethod:
        Route]?
    {
        guard let first = segments.first else {
            if !node.routes.isEmpty { return node.routes }
            if !node.wildcard.isEmpty {
                parameters.set("*", "")
                return node.wildcard
            }
            return nil
        }
        let rest = segments.dropFirst()
        if let child = node.literals[first], let found = find(child, rest, &parameters) {
            return found
        }
        if let (name, child) = node.parameter, !first.isEmpty {
            let saved = parameters
            parameters.set(name, first)
            if let found = find(child, rest, &parameters) { return found }
            parameters = saved
        }
        if !node.wildcard.isEmpty {
            parameters.set("*", segments.joined(separator: "/"))
            return node.wildcard
        }
        return nil
    }
}
