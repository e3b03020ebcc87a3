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

    // Shared instances: encoding and decoding read the settings only, and building a coder per
    // call cost as much as the encoding itself on a hot path.
    private static let sharedEncoder = encoder()
    private static let sharedDecoder = decoder()

    /// Encodes `value` to bytes.
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        Array(try sharedEncoder.encode(value))
    }

    /// Decodes `T` from bytes; an empty body is a `DecodingError` like any other bad body.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        if bytes.isEmpty {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "The body is empty."))
        }
        return try sharedDecoder.decode(type, from: Data(bytes))
    }
}

/// RFC 3339 timestamps in UTC.
public enum RFC3339 {
    private static let whole = Date.ISO8601FormatStyle(timeZone: .gmt)
    private static let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)

    /// `2026-11-23T10:00:00Z`, with milliseconds when the date has them.
    public static func format(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        return seconds == seconds.rounded(.down) ? whole.format(date) : fractional.format(date)
    }

    /// Parses a timestamp with or without fractional seconds, `Z` or an offset.
    public static func parse(_ text: String) -> Date? {
        guard text.utf8.count <= 40 else { return nil }
        if let date = try? whole.parse(text) { return date }
        if let date = try? fractional.parse(text) { return date }
        return nil
    }
}
