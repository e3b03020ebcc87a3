import Primitives

/// The gates the calling thread is inside right now, kept per thread so the question "is this a
/// nested call?" needs no lock. A thread is inside a handful of databases at most, so a short
/// list serves; it is freed when the thread ends.
enum ThreadGates {
    private final class Entries {
        var identities: [UInt] = []
    }

    private static let entries = ThreadLocal { Entries() }

    /// Whether the calling thread is inside the gate `identity`.
    static func contains(_ identity: UInt) -> Bool {
        // A thread that never entered a gate gets no list just for asking.
        entries.existingValue?.identities.contains(identity) ?? false
    }

    /// Marks the calling thread as inside the gate `identity`.
    static func insert(_ identity: UInt) {
        entries.value.identities.append(identity)
    }

    /// Marks the calling thread as out of the gate `identity`.
    static func remove(_ identity: UInt) {
        let current = entries.value
        if let index = current.identities.lastIndex(of: identity) { current.identities.remove(at: index) }
    }
}
