import FoundationEssentials
import Glibc
import Primitives

/// A request type whose decoder refuses members it does not know, so that a misspelt or
/// outdated field name is an error naming it rather than a value silently dropped.
///
/// ```swift
/// extension RewardInput: RefusesUnknownFields {}
/// ```
///
/// The known members are those the decoded value encodes back: a member of the body that is
/// not in the re-encoded value (and is not `null`) was not read.
public protocol RefusesUnknownFields: Encodable {}

extension JSONCoding {
    /// The members of `bytes` that `value`, decoded from it, does not encode back; array
    /// positions are compared as any position, so a reordered set does not count.
    static func unknownFields(in bytes: [UInt8], of value: any RefusesUnknownFields) throws -> [String] {
        let sent = try JSONBodyScanner.facts(bytes).members
        let known = Set(try JSONBodyScanner.facts(try encode(value)).members.map { anyPosition($0.path) })
        return sent.filter { !$0.isNull && !known.contains(anyPosition($0.path)) }.map(\.path)
    }

    /// Finds the number Foundation's decoder refused without naming: every number that is not an
    /// exact `Int64` is sent again as a string, and the field that then reports a string instead
    /// of an integer is the one that could not hold it. A floating-point field that reports it
    /// is given its number back and the search goes on, unless the number overflows a `Double`.
    static func numberMisfit<T: Decodable>(_ type: T.Type, in bytes: [UInt8]) -> JSONBodyError? {
        guard let numbers = try? JSONBodyScanner.facts(bytes).numbers, !numbers.isEmpty else { return nil }
        var quoted = Array(numbers.indices)
        // Each round gives a floating-point field (in every array element) its numbers back; a
        // body of many such fields is not searched for long: it gets the generic answer.
        for _ in 0..<min(numbers.count + 1, maximumMisfitRounds) {
            do {
                _ = try decodeWithoutChecks(type, from: quoting(numbers, at: quoted, in: bytes))
                return nil
            } catch DecodingError.typeMismatch(let expected, let context) {
                let path = DecodingText.path(context.codingPath)
                guard let position = quoted.firstIndex(where: { numbers[$0].path == path }) else { return nil }
                if expected is any FixedWidthInteger.Type {
                    return .valueDoesNotFit(path: path, expected: DecodingText.expectation(of: expected))
                }
                if expected is any BinaryFloatingPoint.Type, Double(numbers[quoted[position]].text)?.isFinite != true {
                    return .valueDoesNotFit(
                        path: path, expected: "a number from -1.7976931348623157e308 to 1.7976931348623157e308")
                }
                let field = anyPosition(path)
                quoted.removeAll { anyPosition(numbers[$0].path) == field }
            } catch {
                return nil
            }
        }
        return nil
    }

    /// Most decodes spent looking for the number that does not fit.
    static let maximumMisfitRounds = 8

    private static func quoting(_ numbers: [JSONBodyScanner.NumberLiteral], at chosen: [Int], in bytes: [UInt8])
        -> [UInt8]
    {
        var result = bytes
        // From the end, so earlier ranges keep their offsets.
        for index in chosen.sorted().reversed() {
            let range = numbers[index].range
            result.replaceSubrange(range, with: [UInt8(ascii: "\"")] + bytes[range] + [UInt8(ascii: "\"")])
        }
        return result
    }

    private static func anyPosition(_ path: String) -> String {
        var text = ""
        var inBrackets = false
        for character in path {
            if character == "[" {
                inBrackets = true
                text += "[]"
            } else if character == "]" {
                inBrackets = false
            } else if !inBrackets {
                text.append(character)
            }
        }
        return text
    }
}

/// Enumerations of the contract refuse an unknown value by listing the ones they take (the
/// synthesized decoder says only "Cannot initialize X from invalid String value").
extension Decodable where Self: RawRepresentable & CaseIterable, Self.RawValue == String {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            let allowed = Self.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Must be one of: \(allowed); not '\(text.prefix(60))'.")
        }
        self = value
    }
}
