import JSON

// Encodable values that use the less common parts of the `Encoder` API, for comparing
// `JSONCoding.encode` with Foundation's `JSONEncoder` where the rules are subtle.

/// Encodes nothing at all.
struct Nothing: Encodable {
    func encode(to encoder: any Encoder) throws {}
}

/// A synthesized wrapper around a value that encodes nothing.
struct Wrapper: Encodable {
    let inner: Nothing
}

/// Hands its inner value to a single value container.
struct SingleWrapper: Encodable {
    let inner: Nothing

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(inner)
    }
}

/// Synthesized coding of an enum with associated values: nested keyed containers.
enum Shape: Encodable {
    case circle(radius: Double)
    case rectangle(width: Int, height: Int, label: String?)
    case empty
}

/// Opens the same nested containers twice and writes to both handles in turn.
struct Reopened: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        var first = container.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("nested"))
        try first.encode(1, forKey: AnyKey("b"))
        try container.encode("top", forKey: AnyKey("z"))
        var second = container.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("nested"))
        try second.encode(2, forKey: AnyKey("a"))
        try first.encode(3, forKey: AnyKey("c"))
        var list = container.nestedUnkeyedContainer(forKey: AnyKey("list"))
        try list.encode(1)
        var sameList = container.nestedUnkeyedContainer(forKey: AnyKey("list"))
        try sameList.encode(2)
        var deeper = second.nestedUnkeyedContainer(forKey: AnyKey("deeper"))
        try deeper.encode("x")
        var object = deeper.nestedContainer(keyedBy: AnyKey.self)
        try object.encode(true, forKey: AnyKey("t"))
        try object.encodeNil(forKey: AnyKey("n"))
        var array = deeper.nestedUnkeyedContainer()
        try array.encodeNil()
        try array.encode(1.5)
        try deeper.encode(false)
    }
}

/// A value encoding its "superclass" part through keyed super-encoders.
struct Derived: Encodable {
    let base: Int
    let extra: String

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        try container.encode(extra, forKey: AnyKey("extra"))
        var parent = container.superEncoder().container(keyedBy: AnyKey.self)
        try parent.encode(base, forKey: AnyKey("base"))
        var single = container.superEncoder(forKey: AnyKey("named")).singleValueContainer()
        try single.encode([base, base])
        _ = container.superEncoder(forKey: AnyKey("unused"))
        try container.encode(0, forKey: AnyKey("after"))
    }
}

/// Super-encoders of an unkeyed container take the place they were asked for.
struct SuperUser: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(1)
        let middle = container.superEncoder()
        try container.encode(3)
        var single = middle.singleValueContainer()
        try single.encode(2)
        var nested = container.superEncoder().unkeyedContainer()
        try nested.encode("n")
        _ = container.superEncoder()
        try container.encode(5)
    }
}

/// A superclass and a subclass writing into one keyed container.
class Parent: Encodable {
    var name = "parent/child"

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        try container.encode(name, forKey: AnyKey("name"))
        try container.encode(1, forKey: AnyKey("shared"))
    }
}

final class Child: Parent {
    var age = 7

    override func encode(to encoder: any Encoder) throws {
        try super.encode(to: encoder)
        var container = encoder.container(keyedBy: AnyKey.self)
        try container.encode(age, forKey: AnyKey("age"))
        try container.encode(2, forKey: AnyKey("shared"))
    }
}

/// `levels` keyed containers nested in each other around `innermost`.
struct Deep<Innermost: Encodable>: Encodable {
    let levels: Int
    let innermost: Innermost

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        if levels <= 1 {
            try container.encode(innermost, forKey: AnyKey("k"))
        } else {
            try container.encode(Deep(levels: levels - 1, innermost: innermost), forKey: AnyKey("k"))
        }
    }
}

/// Gives a single value container two values, which `JSONEncoder` traps on.
struct TwoSingleValues: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(1)
        try container.encode(2)
    }
}

/// Asks for a keyed container after an unkeyed one, which `JSONEncoder` traps on.
struct KeyedAfterUnkeyed: Encodable {
    func encode(to encoder: any Encoder) throws {
        var list = encoder.unkeyedContainer()
        try list.encode(1)
        var object = encoder.container(keyedBy: AnyKey.self)
        try object.encode(2, forKey: AnyKey("a"))
    }
}

/// Writes objects and arrays as values, then opens nested containers under the same keys, and
/// turns a single value into a keyed container: `JSONEncoder` merges into what was written.
struct ReopenedValues: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        try container.encode(["b": 1, "quote\"\n": 2], forKey: AnyKey("object"))
        var object = container.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("object"))
        try object.encode("x", forKey: AnyKey("a"))
        try object.encode(3, forKey: AnyKey("b"))
        try container.encode([Reference(id: 1, name: "r")], forKey: AnyKey("array"))
        var array = container.nestedUnkeyedContainer(forKey: AnyKey("array"))
        try array.encode("appended")
        try container.encode(SingleThenKeyed(), forKey: AnyKey("single"))
    }
}

/// Gives its single value container an object, then asks for a keyed container.
struct SingleThenKeyed: Encodable {
    func encode(to encoder: any Encoder) throws {
        var single = encoder.singleValueContainer()
        try single.encode(
            JSONValue.object(["first": .array([.number(1), .null]), "second": .object(["x\u{1}": .string("y")])]))
        var keyed = encoder.container(keyedBy: AnyKey.self)
        try keyed.encode(true, forKey: AnyKey("third"))
    }
}
