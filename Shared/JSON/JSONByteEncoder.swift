import FoundationEssentials

/// An `Encoder` that writes any `Encodable` straight into JSON bytes: the same bytes as
/// `JSONCoding.encoder()` (Foundation's `JSONEncoder` with `.sortedKeys`,
/// `.withoutEscapingSlashes` and RFC 3339 dates), without the tree of boxed values, string-keyed
/// dictionaries and per-number strings `JSONEncoder` builds first.
///
/// One instance stands for one value being encoded. Scalars go straight into the bytes of the
/// enclosing container's `JSONByteNode`; an object or array gets a node of its own, written into
/// the enclosing one (keys sorted) when the value is done. Encoders for nested values are reused
/// down the tree, and encoders, nodes and their buffers are kept per thread between calls
/// (`Context`), so an encoding allocates little besides its result and the container boxes
/// `KeyedEncodingContainer` makes.
///
/// `JSONEncoder` traps when a value uses its encoder against the rules (two values into one
/// single-value container, a keyed container after an unkeyed one); this encoder throws an
/// `EncodingError` instead.
final class JSONByteEncoder: Encoder {
    /// What went wrong below the top level; turned into an `EncodingError` by `encode`.
    enum Failure: Error {
        /// Containers nested `JSONByteNode.maximumDepth` deep.
        case tooDeep
        /// The value used its encoder in a way `JSONEncoder` does not allow.
        case misuse(String)
    }

    /// What this encoder has been given so far.
    enum State {
        case empty
        /// One value, already in `sink`.
        case single
        /// An object or array, written into `sink` by `finish`.
        case container(JSONByteNode)
    }

    // Stored properties are exempt from run-time exclusivity checks, as `JSONByteNode`'s are:
    // an encoder belongs to one encoding on one thread and never holds overlapping accesses.
    let context: Context
    @exclusivity(unchecked) private(set) var state: State = .empty
    /// Where a single value goes and where a container is written when done.
    @exclusivity(unchecked) private(set) var sink: JSONByteNode
    /// Containers around the value: its own containers are one deeper.
    @exclusivity(unchecked) private(set) var depth = 0
    /// The encoder of the enclosing value. Strong for members, which their parent never holds
    /// while they are in use; weak for a super-encoder, which the parent's node holds.
    @exclusivity(unchecked) private var parent: JSONByteEncoder?
    @exclusivity(unchecked) private weak var referencingParent: JSONByteEncoder?
    /// The container path from the parent's value to this one, and this value's key.
    @exclusivity(unchecked) private var containerPath: [any CodingKey] = []
    @exclusivity(unchecked) private var key: (any CodingKey)?
    /// Set when the value broke `JSONEncoder`'s rules; thrown when the value is finished.
    @exclusivity(unchecked) private var misuse: String?
    /// Where the single value starts in `sink`, for reopening it as a container.
    @exclusivity(unchecked) private var singleStart = 0
    /// An idle encoder for this value's members, kept so a tree reuses one encoder per level.
    @exclusivity(unchecked) private var spareChild: JSONByteEncoder?

    init(context: Context, sink: JSONByteNode) {
        self.context = context
        self.sink = sink
    }

    // MARK: - Top level

    /// Encodes `value` as JSON.
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let context = Context.acquire()
        defer { context.relinquish() }
        let output = context.node(kind: .value, depth: 0)
        let encoder = context.rootEncoder(sink: output)
        do {
            if try !encoder.appendSpecial(value, to: output, key: nil, path: []) {
                try value.encode(to: encoder)
                guard try encoder.finish() else {
                    throw EncodingError.invalidValue(
                        value, .init(codingPath: [], debugDescription: "Top-level \(T.self) did not encode any values.")
                    )
                }
            }
        } catch Failure.tooDeep {
            throw EncodingError.invalidValue(
                value, .init(codingPath: [], debugDescription: "Unable to encode the given top-level value to JSON.")
            )
        } catch Failure.misuse(let message) {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: message))
        }
        let bytes = output.bytes.makeArray()
        context.recycle(output)
        return bytes
    }

    // MARK: - Encoder

    var codingPath: [any CodingKey] {
        var path = (parent ?? referencingParent)?.codingPath ?? []
        path.append(contentsOf: containerPath)
        if let key { path.append(key) }
        return path
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(JSONKeyedByteContainer<Key>(encoder: self, node: ownContainer(.object), path: []))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        JSONUnkeyedByteContainer(encoder: self, node: ownContainer(.array), path: [])
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        self
    }

    /// The value's object or array: the one asked for before, or the single value reopened
    /// when it was an object or array, as `JSONEncoder` hands back.
    private func ownContainer(_ kind: JSONByteNode.Kind) -> JSONByteNode {
        switch state {
        case .container(let node) where node.kind == kind:
            return node
        case .empty:
            let node = context.node(kind: kind, depth: depth + 1)
            state = .container(node)
            return node
        case .single:
            let written = sink.bytes.bytes(singleStart..<sink.bytes.count)
            if let node = JSONByteNode.reopen(written, as: kind, depth: depth + 1, context: context) {
                sink.bytes.truncate(to: singleStart)
                state = .container(node)
                return node
            }
        case .container:
            break
        }
        noteMisuse(
            "A \(kind == .object ? "keyed" : "unkeyed") container was requested for a value already encoded another way."
        )
        return context.node(kind: kind, depth: depth + 1)
    }

    /// Records that the value broke `JSONEncoder`'s rules (where `JSONEncoder` traps); the first
    /// such message is thrown when the value is finished.
    func noteMisuse(_ message: String) {
        if misuse == nil { misuse = message }
    }

    // MARK: - Lifecycle

    /// Readies the encoder for a value with the given place in the tree; `referencing` for a
    /// super-encoder, which its parent keeps until the parent's container is written.
    func configure(
        parent: JSONByteEncoder?, key: (any CodingKey)?, path: [any CodingKey], sink: JSONByteNode, depth: Int,
        referencing: Bool = false
    ) {
        if referencing {
            self.referencingParent = parent
            self.parent = nil
        } else {
            self.parent = parent
        }
        self.key = key
        self.containerPath = path
        self.sink = sink
        self.depth = depth
        state = .empty
        misuse = nil
    }

    /// Claims the single value; throws if the value already encoded something.
    func claimSingleValue() throws -> JSONByteNode {
        guard case .empty = state else {
            throw Failure.misuse("A single value container was given a second value.")
        }
        state = .single
        singleStart = sink.bytes.count
        return sink
    }

    /// Writes the value's container into `sink`; false when the value encoded nothing at all.
    func finish() throws -> Bool {
        if let misuse { throw Failure.misuse(misuse) }
        switch state {
        case .empty:
            return false
        case .single:
            return true
        case .container(let node):
            try node.serialize(into: sink.bytes, context: context)
            context.recycle(node)
            state = .empty
            return true
        }
    }

    /// For an encoder from `superEncoder()`, whose sink is its own: appends its value to
    /// `output`, `{}` when it got none (as `JSONEncoder`'s referencing encoder writes).
    func finishDeferred(into output: JSONByteBuffer) throws {
        if let misuse { throw Failure.misuse(misuse) }
        switch state {
        case .empty:
            output.append("{}")
        case .single:
            output.append(sink.bytes)
        case .container(let node):
            try node.serialize(into: output, context: context)
            context.recycle(node)
        }
        state = .empty
        context.recycle(sink)
    }

    /// An encoder for a member of this value, to be handed back with `returnChild`.
    func takeChild() -> JSONByteEncoder {
        if let child = spareChild {
            spareChild = nil
            return child
        }
        return JSONByteEncoder(context: context, sink: sink)
    }

    /// Takes back a child from `takeChild`, dropping its links so that no cycle outlives the call.
    func returnChild(_ child: JSONByteEncoder) {
        child.parent = nil
        child.key = nil
        child.containerPath = []
        if case .empty = child.state {} else { child.state = .empty }
        spareChild = child
    }

    /// Drops the chain of spare member encoders, for a context that is going away.
    func dismantle() {
        var next = spareChild
        spareChild = nil
        while let child = next {
            next = child.spareChild
            child.spareChild = nil
        }
        state = .empty
    }

    /// The key of an array element or of `super`, as `JSONEncoder` names them in coding paths.
    /// An enum so that it fits an existential's inline buffer: a path key costs no allocation.
    enum PathKey: CodingKey {
        case index(Int)
        case named(String)

        init(stringValue: String) { self = .named(stringValue) }
        init(intValue: Int) { self = .index(intValue) }

        var stringValue: String {
            switch self {
            case .index(let index): "Index \(index)"
            case .named(let name): name
            }
        }

        var intValue: Int? {
            if case .index(let index) = self { return index }
            return nil
        }

        /// The key `superEncoder()` writes under.
        static let `super` = PathKey.named("super")
    }
}
