/// The port a server was to listen on is taken by another process. Servers never share a port
/// (no `SO_REUSEPORT`): a second instance would silently take a share of the first one's clients.
public struct PortInUseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let host: String
    public let port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    public var description: String {
        "port \(port) on \(host) is already in use by another process; stop it or choose another port"
    }
}
