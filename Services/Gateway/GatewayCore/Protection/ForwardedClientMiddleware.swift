import HTTP

/// Finds the real client behind trusted reverse proxies, so that per-address limits and logs see
/// it rather than the proxy. Only a connection from a trusted proxy (`ZAPLECZE_TRUSTED_PROXIES`)
/// is believed, and only as far as the proxies go: `X-Forwarded-For` is read from the right (each
/// proxy appends the address it received the request from), trusted proxies are skipped, and the
/// first address that is not a trusted proxy is the client. Anything left of it was written by
/// that client and could be anything. With no trusted proxy configured, or from any other peer,
/// the header is ignored and the client is the TCP peer.
public struct ForwardedClientMiddleware: HeadMiddleware {
    let trustedProxies: AddressRanges

    /// Believes `X-Forwarded-For` from `trustedProxies`.
    public init(trustedProxies: AddressRanges) {
        self.trustedProxies = trustedProxies
    }

    /// Parses a header in memory.
    public var neverBlocks: Bool { true }

    /// Runs first: every later layer sees the client's address.
    public func inspect(_ head: HTTPRequestHead, context: inout RequestContext) throws -> HeadDecision {
        guard trustedProxies.contains(context.remoteAddress) else { return .proceed }
        context.remoteAddress = Self.client(
            forwardedFor: head.headers.values("X-Forwarded-For"), peer: context.remoteAddress,
            trustedProxies: trustedProxies)
        return .proceed
    }

    /// The rightmost address of the `X-Forwarded-For` fields that is not a trusted proxy; the
    /// leftmost when all are; `peer` when there is none or the one found is not an address (a
    /// proxy that appends addresses always writes a valid one, so that can only be forged).
    static func client(forwardedFor fields: [String], peer: String, trustedProxies: AddressRanges) -> String {
        let hops = fields.flatMap { $0.split(separator: ",") }.map { $0.trimmed() }
        var candidate: String?
        for hop in hops.reversed() {
            candidate = hop
            if !trustedProxies.contains(hop) { break }
        }
        guard let candidate, AddressRanges.isAddress(candidate) else { return peer }
        return candidate
    }
}
