/// A response with no body worth decoding (204, or one the caller ignores).
public struct EmptyResponse: Codable, Sendable, Equatable {
    public init() {}
}
