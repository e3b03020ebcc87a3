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

    /// One member: its key's UTF-8 in `keyBytes` (objects only) and its value in `bytes` or deferred.
    struct Entry {
        var keyStart: Int
        var keyEnd: Int
        var valueStart: Int
        var valueEnd: Int
        var deferred: Deferred?
    }

    /// `JSONWriter` refuses containers nested this deep (`maximumRecursionDepth`).
    static let maximumDepth = 512

    private(set) var kind: Kind = .value
    /// How many containers enclose this one, itself included (the outermost object is 1).
    private(set) var depth = 0
    /// Serialised member values, back to back.
    var bytes: [UInt8] = []
    /// Member keys as raw UTF-8, back to back.
    private(set) var keyBytes: [UInt8] = []
    private(set) var entries: [Entry] = []
    /// Whether every key so far is ASCII, where byte equality is `String` equality.
    private(set) var keysAreASCII = true

    /// Makes the node empty and ready for reuse as a `kind` at `depth`, keeping its storage.
    func reset(kind: Kind, depth: Int) {
        self.kind = kind
        self.depth = depth
        bytes.removeAll(keepingCapacity: true)
        keyBytes.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
        keysAreASCII = true
    }

    /// The number of members so far.
    var count: Int { entries.count }

    // MARK: - Adding members

    /// Records the value written to `bytes` since `valueStart` as the member `key`.
    func addMember(key: String, valueStart: Int) {
        let (keyStart, keyEnd) = appendKey(key)
        entries.append(Entry(keyStart: keyStart, keyEnd: keyEnd, valueStart: valueStart, valueEnd: bytes.count))
    }

    /// Records the value written to `bytes` since `valueStart` as the next element.
    func addElement(valueStart: Int) {
        entries.append(Entry(keyStart: 0, keyEnd: 0, valueStart: valueStart, valueEnd: bytes.count))
    }

    /// Adds a member (or, with a nil key, an element) whose value comes later.
    func addDeferred(_ deferred: Deferred, key: String?) {
        var keyRange = (0, 0)
        if let key { keyRange = appendKey(key) }
        entries.append(Entry(keyStart: keyRange.0, keyEnd: keyRange.1, valueStart: 0, valueEnd: 0, deferred: deferred))
    }

    /// The latest member named `key`, if any (byte equality, which is all a reopened container needs).
    func latestMember(named key: String) -> Entry? {
        var probe = key
        return probe.withUTF8 { wanted in
            keyBytes.withUnsafeBufferPointer { keys in
                entries.last { entry in
                    entry.keyEnd - entry.keyStart == wanted.count
                        && UnsafeBufferPointer(rebasing: keys[entry.keyStart..<entry.keyEnd]).elementsEqual(wanted)
                }
            }
        }
    }

    private func appendKey(_ key: String) -> (Int, Int) {
        let start = keyBytes.count
        var combined: UInt8 = 0
        for byte in key.utf8 { combined |= byte }
        if combined >= 0x80 { keysAreASCII = false }
        keyBytes.append(contentsOf: key.utf8)
        return (start, keyBytes.count)
    }
}
