/// Writing a finished `JSONByteNode` out: objects with their members in the order of the UTF-8
/// bytes of their keys and one member per key, the last value written winning, which is what
/// `JSONWriter.serializeObject` does with the dictionary `JSONEncoder` builds.
extension JSONByteNode {
    /// Appends the node as JSON to `output` and recycles the nodes of its deferred members.
    /// Throws `JSONByteEncoder.Failure.tooDeep` for containers nested 512 deep, like `JSONWriter`.
    func serialize(into output: inout [UInt8], context: JSONByteEncoder.Context) throws {
        switch kind {
        case .value:
            output.append(contentsOf: bytes)
        case .array:
            guard depth < Self.maximumDepth else { throw JSONByteEncoder.Failure.tooDeep }
            output.append(UInt8(ascii: "["))
            for index in entries.indices {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                try appendValue(of: entries[index], to: &output, context: context)
            }
            output.append(UInt8(ascii: "]"))
        case .object:
            guard depth < Self.maximumDepth else { throw JSONByteEncoder.Failure.tooDeep }
            output.append(UInt8(ascii: "{"))
            let members = memberOrder()
            for (position, member) in members.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                let name = entries[member.name]
                keyBytes.withUnsafeBufferPointer { keys in
                    JSONStringEscaping.appendQuoted(
                        utf8: UnsafeBufferPointer(rebasing: keys[name.keyStart..<name.keyEnd]), to: &output
                    )
                }
                output.append(UInt8(ascii: ":"))
                try appendValue(of: entries[member.value], to: &output, context: context)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    private func appendValue(of entry: Entry, to output: inout [UInt8], context: JSONByteEncoder.Context) throws {
        switch entry.deferred {
        case nil:
            output.append(contentsOf: bytes[entry.valueStart..<entry.valueEnd])
        case .node(let node):
            try node.serialize(into: &output, context: context)
            context.recycle(node)
        case .encoder(let encoder):
            try encoder.finishDeferred(into: &output)
        }
    }

    /// The members to write, sorted: for each, the entry giving the key and the entry giving the value.
    private func memberOrder() -> [(name: Int, value: Int)] {
        var order: [(name: Int, value: Int)] = []
        order.reserveCapacity(entries.count)
        if keysAreASCII {
            // ASCII keys are equal as `String`s exactly when their bytes are: sort by bytes and,
            // of equal keys, keep the one written last.
            var indices = Array(entries.indices)
            sortByKey(&indices)
            for (position, index) in indices.enumerated() {
                if position + 1 < indices.count, keysEqual(index, indices[position + 1]) { continue }
                order.append((index, index))
            }
            return order
        }
        // Other keys may be equal as `String`s (canonically equivalent) with different bytes, as
        // "K" and KELVIN SIGN are; `JSONEncoder`'s dictionary keeps the first key and the last value.
        var first: [String: Int] = [:]
        var valueOf: [Int: Int] = [:]
        for index in entries.indices {
            let key = keyString(index)
            if let earlier = first[key] {
                valueOf[earlier] = index
            } else {
                first[key] = index
            }
        }
        var names = Array(first.values)
        sortByKey(&names)
        for name in names { order.append((name, valueOf[name] ?? name)) }
        return order
    }

    /// Sorts entry indices by the UTF-8 bytes of their keys, equal keys in written order.
    private func sortByKey(_ indices: inout [Int]) {
        keyBytes.withUnsafeBufferPointer { keys in
            let entries = self.entries
            func precedes(_ lhs: Int, _ rhs: Int) -> Bool {
                let left = UnsafeBufferPointer(rebasing: keys[entries[lhs].keyStart..<entries[lhs].keyEnd])
                let right = UnsafeBufferPointer(rebasing: keys[entries[rhs].keyStart..<entries[rhs].keyEnd])
                if left.elementsEqual(right) { return lhs < rhs }
                return left.lexicographicallyPrecedes(right)
            }
            if indices.count <= 16 {
                // Insertion sort: objects are small, and their keys often come nearly in order.
                for current in indices.indices.dropFirst() {
                    let moving = indices[current]
                    var slot = current
                    while slot > 0, precedes(moving, indices[slot - 1]) {
                        indices[slot] = indices[slot - 1]
                        slot -= 1
                    }
                    indices[slot] = moving
                }
            } else {
                indices.sort(by: precedes)
            }
        }
    }

    private func keysEqual(_ lhs: Int, _ rhs: Int) -> Bool {
        keyBytes[entries[lhs].keyStart..<entries[lhs].keyEnd].elementsEqual(keyBytes[entries[rhs].keyStart..<entries[rhs].keyEnd])
    }

    private func keyString(_ index: Int) -> String {
        String(decoding: keyBytes[entries[index].keyStart..<entries[index].keyEnd], as: UTF8.self)
    }
}
