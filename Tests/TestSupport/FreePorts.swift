import Foundation
import Glibc

/// Ports for processes that must be told their port in advance (the launcher takes a base port
/// and uses the next five): found by binding to 127.0.0.1 and letting go.
public enum FreePorts {
    /// One port the OS says is free now.
    public static func one() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw HarnessError("socket failed") }
        defer { close(fd) }
        guard let port = bindLoopback(fd) else { throw HarnessError("bind failed") }
        return port
    }

    /// Binds `fd` to 127.0.0.1 on a port the OS picks, listening with `backlog` when given, and
    /// returns that port; nil if a call failed (`errno` tells why). The caller owns `fd`.
    public static func bindLoopback(_ fd: Int32, listening backlog: Int32? = nil) -> Int? {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw -> Bool in
                guard bind(fd, raw, length) == 0 else { return false }
                if let backlog, listen(fd, backlog) != 0 { return false }
                return getsockname(fd, raw, &length) == 0
            }
        }
        return bound ? Int(UInt16(bigEndian: address.sin_port)) : nil
    }

    /// A base port `p` such that `p` … `p + count - 1` are all free now.
    public static func consecutive(_ count: Int) throws -> Int {
        for _ in 0..<200 {
            let base = Int.random(in: 20_000...60_000)
            if (base..<(base + count)).allSatisfy(isFree) { return base }
        }
        throw HarnessError("no \(count) consecutive free ports found")
    }

    /// Whether `port` on 127.0.0.1 can be bound right now.
    public static func isFree(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
