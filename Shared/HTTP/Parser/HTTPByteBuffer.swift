/// Bytes received but not yet parsed: a growable array with a read index.
///
/// Parsing advances `readIndex` instead of removing bytes from the front, which would move the
/// rest of the buffer on every line. Consumed bytes are dropped on the next `append`, either all
/// at once (the usual case: a request was parsed to its last byte) or, when a pipelined or
/// partial message follows, once they make up at least half of the storage, so the cost of
/// moving bytes stays linear in the bytes received.
struct HTTPByteBuffer: Sendable {
    /// Received bytes; those before `readIndex` are already consumed.
    private(set) var storage: [UInt8] = []
    /// Index of the first byte not yet consumed.
    var readIndex = 0

    /// Consumed bytes are moved out only past this many, so small leftovers are never shifted.
    private static let compactionThreshold = 4096
    /// An emptied buffer keeps its capacity up to this size; a larger one (after a big body) is
    /// released, so an idle keep-alive connection does not hold on to megabytes.
    private static let retainedCapacity = 64 * 1024

    /// Bytes received and not yet consumed.
    var readableCount: Int { storage.count - readIndex }

    /// Adds received bytes at the end.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty else { return }
        compact()
        storage.append(contentsOf: bytes)
    }

    /// Adds received bytes at the end.
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        bytes.withMemoryRebound(to: UInt8.self) { append($0) }
    }

    /// Drops consumed bytes when that is cheap relative to what was consumed.
    private mutating func compact() {
        guard readIndex > 0 else { return }
        if readIndex == storage.count {
            storage.removeAll(keepingCapacity: storage.capacity <= Self.retainedCapacity)
            readIndex = 0
        } else if readIndex >= Self.compactionThreshold && readIndex * 2 >= storage.count {
            storage.removeSubrange(0..<readIndex)
            readIndex = 0
        }
    }
}
