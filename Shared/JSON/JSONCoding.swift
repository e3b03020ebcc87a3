import FoundationEssentials
import Glibc

/// The one JSON configuration of the suite: RFC 3339 dates in UTC (fractional seconds accepted),
/// keys as declared (lowerCamelCase), sorted output so answers are stable.
public enum JSONCoding {
    /// A new encoder with the suite's settings.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(RFC3339.format(date))
        }
        return encoder
    }

    /// A new decoder with the suite's settings.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = RFC3339.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "Expected an RFC 3339 date such as 2026-11-23T10:00:00Z."
                )
            }
            return date
        }
        return decoder
    }

    // A shared decoder: decoding reads the settings only, and building a decoder per call cost
    // as much as the decoding itself on a hot path.
    private static let sharedDecoder = decoder()

    /// Encodes `value` to bytes: the same bytes as `encoder()` gives, written by
    /// `JSONByteEncoder` at a fraction of `JSONEncoder`'s cost.
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        try JSONByteEncoder.encode(value)
    }

    /// Decodes `T` from bytes. Text that is not JSON, and an object that names a key twice, is a
    /// `JSONBodyError` (400) with the position or the key; a number the field cannot hold is a
    /// `JSONBodyError` (422) naming the field and its range; a type that refuses unknown fields
    /// (`RefusesUnknownFields`) names them (422). Other misfits are `DecodingError`s with the
    /// field's coding path.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        if bytes.isEmpty { throw JSONBodyError.empty }
        try JSONBodyScanner.check(bytes)
        let value: T
        do {
            value = try sharedDecoder.decode(type, from: Data(bytes))
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            // The syntax is sound, so Foundation's decoder refused a number that does not fit its
            // field, and says neither which nor why.
            throw numberMisfit(type, in: bytes) ?? DecodingError.dataCorrupted(context)
        }
        if let strict = value as? any RefusesUnknownFields {
            let unknown = try unknownFields(in: bytes, of: strict)
            if !unknown.isEmpty { throw JSONBodyError.unknownFields(unknown) }
        }
        return value
    }

    static func decodeWithoutChecks<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try sharedDecoder.decode(type, from: Data(bytes))
    }
}
