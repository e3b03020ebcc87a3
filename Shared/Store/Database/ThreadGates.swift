import Glibc

/// The gates the calling thread is inside right now, kept per thread so the question "is this a
/// nested call?" needs no lock. A thread is inside a handful of databases at most, so a short
/// list serves; it is freed when the thread ends.
enum ThreadGates {
    private final class Entries {
        var identities: [UInt] = []
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key) { pointer in
            guard let pointer else { return }
            Unmanaged<Entries>.fromOpaque(pointer).release()
        }
        precondition(status == 0, "pthread_key_create failed: \(status)")
        return key
    }()

    private static var current: Entries {
        if let pointer = pthread_getspecific(key) {
            return Unmanaged<Entries>.fromOpaque(pointer).takeUnretainedValue()
        }
        let entries = Entries()
        pthread_setspecific(key, Unmanaged.passRetained(entries).toOpaque())
        return entries
    }

    /// Whether the calling thread is inside the gate `identity`.
    static func contains(_ identity: UInt) -> Bool {
        guard let pointer = pthread_getspecific(key) else { return false }
        return Unmanaged<Entries>.fromOpaque(pointer).takeUnretainedValue().identities.contains(identity)
    }

    /// Marks the calling thread as inside the gate `identity`.
    static func insert(_ identity: UInt) {
        current.identities.append(identity)
    }

    /// Marks the calling thread as out of the gate `identity`.
    static func remove(_ identity: UInt) {
        let entries = current
        if let index = entries.identities.lastIndex(of: identity) { entries.identities.remove(at: index) }
    }
}
