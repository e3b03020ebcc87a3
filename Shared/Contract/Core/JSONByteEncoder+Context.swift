/// The state one `JSONByteEncoder.encode` call shares between its encoders: a pool of nodes,
/// so that the objects and arrays of a document reuse a few buffers instead of allocating theirs.
extension JSONByteEncoder {
    /// A pool of `JSONByteNode`s for one encoding; not shared between calls or threads.
    final class Context {
        /// Idle nodes, emptied but keeping their capacity.
        private var spare: [JSONByteNode] = []
        /// Enough for the deepest documents the suite writes; more are simply dropped.
        private static let maximumSpare = 32

        /// An empty node of `kind` at `depth`.
        func node(kind: JSONByteNode.Kind, depth: Int) -> JSONByteNode {
            let node = spare.popLast() ?? JSONByteNode()
            node.reset(kind: kind, depth: depth)
            return node
        }

        /// Takes back a node that has been written out. Emptying it at once also drops the
        /// deferred members it held, so no encoder stays reachable through the pool.
        func recycle(_ node: JSONByteNode) {
            node.reset(kind: .value, depth: 0)
            if spare.count < Self.maximumSpare { spare.append(node) }
        }
    }
}
