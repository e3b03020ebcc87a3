import Foundation
import JSON
import Testing

/// What `JSONCoding.encode` and Foundation's `JSONCoding.encoder()` make of one value.
public struct EncodingComparison {
    /// The bytes of `JSONCoding.encode`, or nil when it threw.
    public let ours: [UInt8]?
    /// The bytes of Foundation's `JSONEncoder` with the suite's settings, or nil when it threw.
    public let foundation: [UInt8]?

    /// Encodes `value` both ways.
    public init<T: Encodable>(_ value: T) {
        ours = try? JSONCoding.encode(value)
        foundation = (try? JSONCoding.encoder().encode(value)).map { Array($0) }
    }

    /// Whether both produced the same bytes, or both threw.
    public var agree: Bool { ours == foundation }

    /// Both sides as text, shortened, for failure messages.
    public var description: String {
        func text(_ bytes: [UInt8]?) -> String {
            guard let bytes else { return "threw" }
            let full = String(decoding: bytes, as: UTF8.self)
            return full.count <= 600 ? full : full.prefix(300) + " … " + full.suffix(300)
        }
        return "ours: \(text(ours))\nfoundation: \(text(foundation))"
    }
}

/// Expects `JSONCoding.encode(value)` to succeed with exactly Foundation's bytes, and returns our
/// text for further checks.
@discardableResult
public func expectSameJSON<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
    let comparison = EncodingComparison(value)
    let succeeded = comparison.ours != nil
    #expect(succeeded, "\(comparison.description)", sourceLocation: sourceLocation)
    let agree = comparison.agree
    #expect(agree, "\(comparison.description)", sourceLocation: sourceLocation)
    return comparison.ours.map { String(decoding: $0, as: UTF8.self) }
}

/// Expects `JSONCoding.encode(value)` to give `expected` and Foundation to agree.
public func expectJSON<T: Encodable>(_ value: T, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation)
{
    let text = expectSameJSON(value, sourceLocation: sourceLocation)
    let matches = text == expected
    #expect(matches, "expected \(expected), got \(text ?? "an error")", sourceLocation: sourceLocation)
}

/// Expects both encoders to throw for `value`.
public func expectBothThrow<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) {
    let comparison = EncodingComparison(value)
    let bothThrew = comparison.ours == nil && comparison.foundation == nil
    #expect(bothThrew, "\(comparison.description)", sourceLocation: sourceLocation)
}
