import Foundation
import TestValues

/// A random JSON-like value that encodes itself through every part of the `Encoder` API:
/// keyed containers with `encode`, `encodeIfPresent`, nested containers and super-encoders,
/// unkeyed containers likewise, dictionaries with string and integer keys, single value
/// containers, and scalars of many types.
indirect enum RandomTree: Encodable {
    case string(String)
    case integer(Int64)
    case small(Int8)
    case unsigned(UInt32)
    case double(Double)
    case float(Float)
    case bool(Bool)
    case null
    case date(Date)
    case data(Data)
    case decimal(Decimal)
    /// Members in order (keys may repeat); `style` picks how they are written.
    case object([(String, RandomTree?)], style: Int)
    case array([RandomTree?], style: Int)
    case dictionary([String: RandomTree])
    case numbered([Int: RandomTree])
    case single(RandomTree)

    /// A random tree at most `depth` containers deep.
    static func make(_ values: inout SampleValues, depth: Int) -> RandomTree {
        let choice = Int.random(in: 0..<(depth <= 0 ? 11 : 17), using: &values.generator)
        switch choice {
        case 0: return .string(values.string())
        case 1: return .integer(values.int64())
        case 2: return .small(Int8.random(in: .min ... .max, using: &values.generator))
        case 3: return .unsigned(UInt32.random(in: 0 ... .max, using: &values.generator))
        case 4: return .double(values.double())
        case 5:
            let number = Float(values.double())
            return .float(number.isFinite ? number : 1.5)
        case 6: return .bool(values.bool())
        case 7: return .null
        case 8: return .date(values.date())
        case 9: return .data(Data(values.string().utf8))
        case 10: return .decimal(Decimal(values.int64()) / 1000)
        case 11, 12:
            let keys = (0..<Int.random(in: 0...6, using: &values.generator)).map { _ in
                Bool.random(using: &values.generator)
                    ? values.string() : ["a", "b", "id", "Z", "é"].randomElement(using: &values.generator) ?? "a"
            }
            return .object(
                keys.map { ($0, values.optional { make(&$0, depth: depth - 1) }) },
                style: Int.random(in: 0..<4, using: &values.generator))
        case 13:
            return .array(
                (0..<Int.random(in: 0...5, using: &values.generator)).map { _ in
                    values.optional { make(&$0, depth: depth - 1) }
                },
                style: Int.random(in: 0..<3, using: &values.generator))
        case 14:
            var members: [String: RandomTree] = [:]
            for _ in 0..<values.count() { members[values.string()] = make(&values, depth: depth - 1) }
            return .dictionary(members)
        case 15:
            var members: [Int: RandomTree] = [:]
            for _ in 0..<values.count() { members[values.int()] = make(&values, depth: depth - 1) }
            return .numbered(members)
        default:
            return .single(make(&values, depth: depth - 1))
        }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .object(let members, let style):
            var container = encoder.container(keyedBy: AnyKey.self)
            try Self.encode(members, style: style, into: &container)
        case .array(let elements, let style):
            var container = encoder.unkeyedContainer()
            try Self.encode(elements, style: style, into: &container)
        case .dictionary(let members): try members.encode(to: encoder)
        case .numbered(let members): try members.encode(to: encoder)
        default:
            var container = encoder.singleValueContainer()
            try encodeScalar(into: &container)
        }
    }

    private func encodeScalar(into container: inout any SingleValueEncodingContainer) throws {
        switch self {
        case .string(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .small(let value): try container.encode(value)
        case .unsigned(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .float(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .null: try container.encodeNil()
        case .date(let value): try container.encode(value)
        case .data(let value): try container.encode(value)
        case .decimal(let value): try container.encode(value)
        case .single(let value): try container.encode(value)
        case .object, .array, .dictionary, .numbered: try container.encode(self)
        }
    }

    private static func encode(
        _ members: [(String, RandomTree?)], style: Int, into container: inout KeyedEncodingContainer<AnyKey>
    ) throws {
        for (name, member) in members {
            let key = AnyKey(name)
            switch (style, member) {
            case (_, nil) where style == 1: try container.encodeIfPresent(member, forKey: key)
            case (_, nil): try container.encodeNil(forKey: key)
            case (2, .object(let inner, let innerStyle)?):
                var nested = container.nestedContainer(keyedBy: AnyKey.self, forKey: key)
                try encode(inner, style: innerStyle, into: &nested)
            case (2, .array(let inner, let innerStyle)?):
                var nested = container.nestedUnkeyedContainer(forKey: key)
                try encode(inner, style: innerStyle, into: &nested)
            case (3, let member?): try member.encode(to: container.superEncoder(forKey: key))
            case (_, let member?): try container.encode(member, forKey: key)
            }
        }
    }

    private static func encode(
        _ elements: [RandomTree?], style: Int, into container: inout any UnkeyedEncodingContainer
    ) throws {
        for element in elements {
            switch (style, element) {
            case (_, nil): try container.encodeNil()
            case (1, .object(let inner, let innerStyle)?):
                var nested = container.nestedContainer(keyedBy: AnyKey.self)
                try encode(inner, style: innerStyle, into: &nested)
            case (1, .array(let inner, let innerStyle)?):
                var nested = container.nestedUnkeyedContainer()
                try encode(inner, style: innerStyle, into: &nested)
            case (2, let element?): try element.encode(to: container.superEncoder())
            case (_, let element?): try container.encode(element)
            }
        }
    }
}
