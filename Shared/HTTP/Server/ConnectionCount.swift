/// The server's open connections: how many in all, and how many from each client address that
/// is capped, so one address cannot take every connection the server has.
struct ConnectionCount: Sendable {
    enum Admission: Equatable, Sendable {
        case admitted
        /// The server holds its most connections.
        case full
        /// The client's address holds its most connections.
        case addressFull
    }

    private(set) var total = 0
    private var perAddress: [String: Int] = [:]

    /// Counts a connection from `address` in if there is room: under `max` in all and, when
    /// `cap` is given, under `cap` from that address.
    mutating func admit(_ address: String, cap: Int?, max: Int) -> Admission {
        if let cap, perAddress[address, default: 0] >= cap { return .addressFull }
        guard total < max else { return .full }
        total += 1
        if cap != nil { perAddress[address, default: 0] += 1 }
        return .admitted
    }

    /// Counts a connection out; `address` is its peer when it was counted against the cap.
    mutating func release(_ address: String?) {
        total -= 1
        guard let address, let count = perAddress[address] else { return }
        perAddress[address] = count > 1 ? count - 1 : nil
    }
}
