/// A growable run of bytes in memory it manages itself, for `JSONByteEncoder`: appending a byte
/// or a run of bytes is a bounds check and a copy, without the uniqueness and generic-sequence
/// machinery an `Array` append goes through on every call. Pooled with its `JSONByteNode`, so
/// its memory is reused from one encoding to the next on a thread.
///
/// Eight initialised bytes of slack follow the capacity, so that `word(at:)` can read eight
/// bytes from any offset below `count` (the bytes past `count` are stale, and masked off by the
/// callers).
final class JSONByteBuffer {
    // Exempt from run-time exclusivity checks: a buffer belongs to one encoding on one thread,
    // and its methods never hold two accesses to a property at once.
    @exclusivity(unchecked) private(set) var base: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private(set) var capacity: Int

    /// Capacity of a new or shrunk buffer.
    private static let initialCapacity = 64
    /// Bytes allocated past the capacity for word reads.
    private static let slack = 8

    init() {
        capacity = Self.initialCapacity
        base = Self.allocate(Self.initialCapacity)
    }

    private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<UInt8> {
        let memory = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + slack)
        memory.initialize(repeating: 0, count: capacity + slack)
        return memory
    }

    /// The eight bytes from `offset` (below `count`), the first in the low byte.
    @inline(__always)
    func word(at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
    }

    deinit {
        base.deallocate()
    }

    var isEmpty: Bool { count == 0 }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    func reserve(_ extra: Int) {
        if capacity - count < extra { grow(toAtLeast: count + extra) }
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        if count == capacity { grow(toAtLeast: count + 1) }
        base[count] = byte
        count += 1
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Appends an ASCII literal such as `"null"`.
    func append(_ literal: StaticString) {
        append(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends the bytes `range` of `other` (which must not be this buffer).
    func append(_ other: JSONByteBuffer, _ range: Range<Int>) {
        append(other.bytes(range))
    }

    /// Appends all of `other` (which must not be this buffer).
    func append(_ other: JSONByteBuffer) {
        append(other.bytes(0..<other.count))
    }

    /// Appends `"key":` for a key known to need no escapes.
    func appendPlainKey(_ key: UnsafeBufferPointer<UInt8>) {
        reserve(key.count + 3)
        base[count] = UInt8(ascii: "\"")
        if let source = key.baseAddress, !key.isEmpty { (base + count + 1).update(from: source, count: key.count) }
        base[count + key.count + 1] = UInt8(ascii: "\"")
        base[count + key.count + 2] = UInt8(ascii: ":")
        count += key.count + 3
    }

    /// Appends `"text"` for text known to need no escapes.
    func appendPlainString(_ text: UnsafeBufferPointer<UInt8>) {
        reserve(text.count + 2)
        base[count] = UInt8(ascii: "\"")
        if let source = text.baseAddress, !text.isEmpty { (base + count + 1).update(from: source, count: text.count) }
        base[count + text.count + 1] = UInt8(ascii: "\"")
        count += text.count + 2
    }

    /// Lets `body` write up to `maximum` bytes at the end and keeps the number it returns.
    func appendWriting(upTo maximum: Int, _ body: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
        reserve(maximum)
        let written = body(UnsafeMutableBufferPointer(start: base + count, count: maximum))
        count += min(max(written, 0), maximum)
    }

    /// The bytes in `range`, valid until the buffer next grows or is emptied.
    func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    /// Drops the bytes from `offset` on.
    func truncate(to offset: Int) {
        count = min(max(offset, 0), count)
    }

    /// Empties the buffer, giving back its memory when it has grown past `limit` bytes.
    func removeAll(keepingCapacityUpTo limit: Int = .max) {
        count = 0
        if capacity > limit {
            base.deallocate()
            capacity = Self.initialCapacity
            base = Self.allocate(capacity)
        }
    }

    /// The bytes as an array.
    func makeArray() -> [UInt8] {
        Array(bytes(0..<count))
    }

    private func grow(toAtLeast minimum: Int) {
        let newCapacity = max(minimum, capacity * 2)
        let newBase = Self.allocate(newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
