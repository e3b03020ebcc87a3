import FoundationEssentials
import Primitives

/// The state `JSONByteEncoder.encode` calls share: a pool of nodes and the top-level encoder
/// with its chain of member encoders, kept per thread between calls, so that an encoding
/// allocates little more than its result.
extension JSONByteEncoder {
    /// A pool of nodes and encoders for one encoding at a time on one thread.
    final class Context {
        @exclusivity(unchecked) private var spare: [JSONByteNode] = []
        /// The top-level encoder, kept with the member encoders it has spare.
        @exclusivity(unchecked) private var root: JSONByteEncoder?
        /// The text of decimals written lately: `Decimal.description` costs a microsecond or
        /// more, and the suite writes the same few coefficients and rates over and over.
        @exclusivity(unchecked) private var decimalTexts: [DecimalKey: [UInt8]] = [:]
        /// Whether an encoding is using the context (a value encoding JSON inside its own
        /// `encode(to:)` starts another encoding on the same thread).
        @exclusivity(unchecked) private var inUse = false
        /// Whether the context is its thread's, kept for the next encoding; a context made for
        /// an encoding inside another is taken apart when that encoding ends.
        @exclusivity(unchecked) private var isKept = false

        private static let maximumCachedDecimals = 256
        /// Enough nodes for the deepest documents the suite writes; more are simply dropped.
        private static let maximumSpare = 16
        /// Buffers larger than this are not kept for the next encoding.
        private static let maximumKeptCapacity = 1 << 14

        /// Each thread's kept context. Taken apart as its thread ends: it and its encoders point
        /// at each other, so releasing it alone would free nothing.
        private static let threadContexts = ThreadLocal(onThreadEnd: { $0.dismantle() }) {
            let context = Context()
            context.isKept = true
            return context
        }

        /// The calling thread's context, or a new one while that one is busy.
        static func acquire() -> Context {
            let context = threadContexts.value
            if context.inUse { return Context() }
            context.inUse = true
            return context
        }

        /// Ends an encoding with the context.
        func relinquish() {
            inUse = false
            if !isKept { dismantle() }
        }

        /// The top-level encoder, ready for a value written into `sink`.
        func rootEncoder(sink: JSONByteNode) -> JSONByteEncoder {
            let encoder = root ?? JSONByteEncoder(context: self, sink: sink)
            root = encoder
            encoder.configure(parent: nil, key: nil, path: [], sink: sink, depth: 0)
            return encoder
        }

        /// An empty node of `kind` at `depth`.
        func node(kind: JSONByteNode.Kind, depth: Int) -> JSONByteNode {
            let node = spare.popLast() ?? JSONByteNode()
            node.prepare(kind: kind, depth: depth)
            return node
        }

        /// Takes back a node that has been written out. Emptying it at once also drops the
        /// deferred members it held, so no encoder stays reachable through the pool.
        func recycle(_ node: JSONByteNode) {
            node.empty(keepingCapacityUpTo: Self.maximumKeptCapacity)
            if spare.count < Self.maximumSpare { spare.append(node) }
        }

        /// Appends `decimal.description`, from the cache when the same decimal was written lately.
        func appendDecimal(_ decimal: Decimal, to output: JSONByteBuffer) {
            // NaN is not equal to itself, so it would never be found; it is written as `NaN`.
            guard !decimal.isNaN else {
                JSONNumberFormatting.appendText(decimal.description, to: output)
                return
            }
            let key = DecimalKey(decimal)
            if let text = decimalTexts[key] {
                text.withUnsafeBufferPointer { output.append($0) }
                return
            }
            let text = Array(decimal.description.utf8)
            if decimalTexts.count >= Self.maximumCachedDecimals { decimalTexts.removeAll(keepingCapacity: true) }
            decimalTexts[key] = text
            text.withUnsafeBufferPointer { output.append($0) }
        }

        /// Breaks the context's links to its encoders, which point back at it.
        func dismantle() {
            root?.dismantle()
            root = nil
            spare.removeAll()
        }

        /// A decimal's exact representation: its sign, exponent and significand. `Decimal`'s own
        /// equality is numeric (1.5 == 1.50), while its description is not ("1.5", "1.50"), so
        /// decimals that are equal numerically but written differently have different keys.
        private struct DecimalKey: Hashable {
            let isNegative: Bool
            let exponent: Int
            /// The mantissa as an integer (exponent 0), equal only for equal mantissas.
            let significand: Decimal

            /// The key of a decimal that is not NaN.
            init(_ decimal: Decimal) {
                isNegative = decimal.sign == .minus
                exponent = decimal.exponent
                significand = decimal.significand
            }
        }
    }
}
