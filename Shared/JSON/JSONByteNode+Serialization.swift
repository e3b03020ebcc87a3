/// Writing a finished `JSONByteNode` out: objects with their members in the order of the UTF-8
/// bytes of their keys and one member per key, the last value written winning, which is what
/// `JSONWriter.serializeObject` does with the dictionary `JSONEncoder` builds.
extension JSONByteNode {
    /// Appends the node as JSON to `output` and recycles the nodes of its deferred members.
    /// Throws `JSONByteEncoder.Failure.tooDeep` for containers nested 512 deep, like `JSONWriter`.
    func serialize(into output: JSONByteBuffer, context: JSONByteEncoder.Context) throws {
        switch kind {
        case .value:
            output.append(bytes)
        case .array:
            guard depth < Self.maximumDepth else { throw JSONByteEncoder.Failure.tooDeep }
            output.reserve(estimatedSize)
            output.append(UInt8(ascii: "["))
            for index in 0..<count {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                try appendValue(of: entry(index), to: output, context: context)
            }
            output.append(UInt8(ascii: "]"))
        case .object:
            guard depth < Self.maximumDepth else { throw JSONByteEncoder.Failure.tooDeep }
            output.reserve(estimatedSize)
            output.append(UInt8(ascii: "{"))
            if !keysAreASCII {
                for (position, member) in canonicalMembers().enumerated() {
                    if position > 0 { output.append(UInt8(ascii: ",")) }
                    try appendMember(name: member.name, value: member.value, to: output, context: context)
                }
            } else if keysAscending {
                for index in 0..<count {
                    if index > 0 { output.append(UInt8(ascii: ",")) }
                    try appendMember(name: index, value: index, to: output, context: context)
                }
            } else {
                // ASCII keys are equal as `String`s exactly when their bytes are: sort by bytes
                // and, of equal keys, write the one written last.
                try withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { order in
                    for index in 0..<count { order[index] = index }
                    sortByKey(order)
                    var first = true
                    for position in 0..<count {
                        let index = order[position]
                        if position + 1 < count, keysEqual(index, order[position + 1]) { continue }
                        if !first { output.append(UInt8(ascii: ",")) }
                        first = false
                        try appendMember(name: index, value: index, to: output, context: context)
                    }
                }
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    private func appendMember(name: Int, value: Int, to output: JSONByteBuffer, context: JSONByteEncoder.Context) throws
    {
        let named = entry(name)
        let key = keyBytes.bytes(named.keyStart..<named.keyEnd)
        if keysArePlain {
            output.appendPlainKey(key)
        } else {
            JSONStringEscaping.appendQuoted(utf8: key, to: output)
            output.append(UInt8(ascii: ":"))
        }
        try appendValue(of: entry(value), to: output, context: context)
    }

    private func appendValue(of entry: Entry, to output: JSONByteBuffer, context: JSONByteEncoder.Context) throws {
        switch deferred(of: entry) {
        case nil:
            output.append(bytes, entry.valueStart..<entry.valueEnd)
        case .node(let node):
            try node.serialize(into: output, context: context)
            context.recycle(node)
        case .encoder(let encoder):
            try encoder.finishDeferred(into: output)
        }
    }

    /// The members to write when some key is not ASCII, sorted: for each, the entry giving the
    /// key and the entry giving the value. Such keys may be equal as `String`s (canonically
    /// equivalent) with different bytes, as "K" and KELVIN SIGN are; `JSONEncoder`'s dictionary
    /// keeps the first key and the last value.
    private func canonicalMembers() -> [(name: Int, value: Int)] {
        var first: [String: Int] = [:]
        var valueOf: [Int: Int] = [:]
        for index in 0..<count {
            let named = entry(index)
            let key = String(decoding: keyBytes.bytes(named.keyStart..<named.keyEnd), as: UTF8.self)
            if let earlier = first[key] {
                valueOf[earlier] = index
            } else {
                first[key] = index
            }
        }
        var names = Array(first.values)
        names.withUnsafeMutableBufferPointer { sortByKey($0) }
        return names.map { ($0, valueOf[$0] ?? $0) }
    }

    /// Sorts entry indices by the UTF-8 bytes of their keys, equal keys in written order.
    private func sortByKey(_ order: UnsafeMutableBufferPointer<Int>) {
        var indices = order
        func precedes(_ lhs: Int, _ rhs: Int) -> Bool {
            let order = compareKeys(entry(lhs), entry(rhs))
            return order != 0 ? order < 0 : lhs < rhs
        }
        if indices.count <= 24 {
            // Insertion sort: objects are small, and their keys often come nearly in order.
            for current in 1..<max(indices.count, 1) {
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
