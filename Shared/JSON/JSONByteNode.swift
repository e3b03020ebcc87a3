import Glibc

/// An object or array being encoded by `JSONByteEncoder`: the serialised values of its members
/// back to back in `bytes`, and one entry per member pointing into them. Values encoded straight
/// into a container are serialised at once; containers and encoders handed out for later use
/// (`nestedContainer`, `superEncoder`) are kept as deferred entries and serialised when this node
/// is. `serialize` writes the node out with its keys sorted, as `JSONEncoder` with `.sortedKeys`.
final class JSONByteNode {
    /// What the node becomes.
    enum Kind {
        /// `{…}`, members sorted by key.
        case object
        /// `[…]`, elements in order.
        case array
        /// No brackets: the bytes of one value (the top level, or a super-encoder's own output).
        case value
    }

    /// A member whose value is serialised later.
    enum Deferred {
        case node(JSONByteNode)
        case encoder(JSONByteEncoder)
    }

    /// One member: its key's UTF-8 in `keyBytes` (objects only) and its value in `bytes` or,
    /// when `deferredIndex` is not negative, in `deferreds`. Plain integers only, so that
    /// entries are copied and sorted without reference counting.
    struct Entry {
        var keyStart: Int
        var keyEnd: Int
        /// The key's first eight bytes, big-endian and zero-padded: comparing two of these
        /// orders most keys without looking at their bytes.
        var keyPrefix: UInt64
        var valueStart: Int
        var valueEnd: Int
        var deferredIndex = -1
    }

    /// `JSONWriter` refuses containers nested this deep (`maximumRecursionDepth`).
    static let maximumDepth = 512

    /// Serialised member values, back to back.
    let bytes = JSONByteBuffer()
    /// Member keys as raw UTF-8, back to back.
    let keyBytes = JSONByteBuffer()

    // The other stored properties are exempt from run-time exclusivity checks, which cost more
    // than the encoding itself: a node is only used by one encoding on one thread, which never
    // holds two accesses to the same node at once (a node never contains itself).
    @exclusivity(unchecked) private(set) var kind: Kind = .value
    /// How many containers enclose this one, itself included (the outermost object is 1).
    @exclusivity(unchecked) private(set) var depth = 0
    /// The entries, in `entryStorage[0..<count]`; the storage is kept between uses.
    @exclusivity(unchecked) private var entryStorage: [Entry] = []
    /// The number of members so far.
    @exclusivity(unchecked) private(set) var count = 0
    /// The values of deferred members.
    @exclusivity(unchecked) private var deferreds: [Deferred] = []
    /// Whether every key so far is ASCII, where byte equality is `String` equality.
    @exclusivity(unchecked) private(set) var keysAreASCII = true
    /// Whether no key so far needs an escape (a quote, a backslash or a control character).
    @exclusivity(unchecked) private(set) var keysArePlain = true
    /// Whether the keys so far came in strictly ascending byte order, so need no sorting.
    @exclusivity(unchecked) private(set) var keysAscending = true

    /// Readies an empty node (new or recycled) for use as a `kind` at `depth`.
    func prepare(kind: Kind, depth: Int) {
        self.kind = kind
        self.depth = depth
    }

    /// Empties the node, dropping deferred members, and gives back storage past `limit` bytes.
    func empty(keepingCapacityUpTo limit: Int) {
        bytes.removeAll(keepingCapacityUpTo: limit)
        keyBytes.removeAll(keepingCapacityUpTo: limit)
        if entryStorage.count > limit / 64 { entryStorage = [] }
        count = 0
        if !deferreds.isEmpty { deferreds.removeAll() }
        keysAreASCII = true
        keysArePlain = true
        keysAscending = true
        kind = .value
        depth = 0
    }

    /// The entry of member `index`.
    @inline(__always)
    func entry(_ index: Int) -> Entry {
        entryStorage[index]
    }

    /// About how many bytes `serialize` writes, not counting deferred members or escapes.
    var estimatedSize: Int {
        kind == .object ? bytes.count + keyBytes.count + 4 * count + 2 : bytes.count + count + 2
    }

    // MARK: - Adding members

    /// Records the value written to `bytes` since `valueStart` as the member `key`.
    func addMember(key: String, valueStart: Int) {
        var entry = appendKey(key)
        entry.valueStart = valueStart
        entry.valueEnd = bytes.count
        push(entry)
    }

    /// Records the value written to `bytes` since `valueStart` as the next element.
    func addElement(valueStart: Int) {
        push(Entry(keyStart: 0, keyEnd: 0, keyPrefix: 0, valueStart: valueStart, valueEnd: bytes.count))
    }

    /// Adds a member (or, with a nil key, an element) whose value comes later.
    func addDeferred(_ deferred: Deferred, key: String?) {
        var entry = key.map(appendKey) ?? Entry(keyStart: 0, keyEnd: 0, keyPrefix: 0, valueStart: 0, valueEnd: 0)
        entry.deferredIndex = deferreds.count
        deferreds.append(deferred)
        push(entry)
    }

    /// The deferred value of `entry`, if its value is deferred.
    func deferred(of entry: Entry) -> Deferred? {
        entry.deferredIndex >= 0 ? deferreds[entry.deferredIndex] : nil
    }

    /// The latest member named `key`, if any (byte equality, which is all a reopened container needs).
    func latestMember(named key: String) -> Entry? {
        var probe = key
        return probe.withUTF8 { wanted in
            for index in stride(from: count - 1, through: 0, by: -1) {
                let entry = entryStorage[index]
                if keyBytes.bytes(entry.keyStart..<entry.keyEnd).elementsEqual(wanted) { return entry }
            }
            return nil
        }
    }

    /// Whether the keys of two entries have the same bytes.
    func keysEqual(_ lhs: Int, _ rhs: Int) -> Bool {
        compareKeys(entryStorage[lhs], entryStorage[rhs]) == 0
    }

    /// The byte order of two entries' keys: negative, zero or positive.
    @inline(__always)
    func compareKeys(_ left: Entry, _ right: Entry) -> Int {
        if left.keyPrefix != right.keyPrefix { return left.keyPrefix < right.keyPrefix ? -1 : 1 }
        let leftCount = left.keyEnd - left.keyStart, rightCount = right.keyEnd - right.keyStart
        let common = min(leftCount, rightCount)
        if common > 8 {
            let order = memcmp(keyBytes.base + left.keyStart + 8, keyBytes.base + right.keyStart + 8, common - 8)
            if order != 0 { return Int(order) }
        }
        return leftCount - rightCount
    }

    private func push(_ entry: Entry) {
        if count < entryStorage.count {
            entryStorage[count] = entry
        } else {
            entryStorage.append(entry)
        }
        count += 1
    }

    /// Appends the key's bytes and returns an entry for it with its value still to be set.
    private func appendKey(_ key: String) -> Entry {
        let start = keyBytes.count
        let appended: Void? = key.utf8.withContiguousStorageIfAvailable { keyBytes.append($0) }
        if appended == nil { Array(key.utf8).withUnsafeBufferPointer { keyBytes.append($0) } }
        let traits = JSONStringEscaping.traits(of: keyBytes, start..<keyBytes.count)
        if traits.needsEscape { keysArePlain = false }
        if !traits.ascii { keysAreASCII = false }
        let entry = Entry(keyStart: start, keyEnd: keyBytes.count, keyPrefix: traits.prefix, valueStart: 0, valueEnd: 0)
        if keysAscending, count > 0, compareKeys(entryStorage[count - 1], entry) >= 0 { keysAscending = false }
        return entry
    }
}
