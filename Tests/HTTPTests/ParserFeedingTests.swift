import HTTP
import Testing

// MARK: - Feeding helpers

/// One request parser event, reduced to comparable values.
enum RequestRecord: Equatable, CustomStringConvertible {
    case head(String)
    case request(String, body: [UInt8])
    /// The input ended inside a request.
    case unfinished

    init(_ head: HTTPRequestHead) {
        self = .head(Self.describe(head))
    }

    init(_ request: HTTPRequest) {
        self = .request(Self.describe(request.head), body: request.body)
    }

    static func describe(_ head: HTTPRequestHead) -> String {
        let fields = head.headers.fields.map { "\($0.name)=\($0.value)" }.joined(separator: "|")
        return "\(head.method) \(head.target) \(head.version) [\(fields)] keepAlive=\(head.keepAlive) "
            + "continue=\(head.expectsContinue)"
    }

    var description: String {
        switch self {
        case .head(let head): return "head \(head)"
        case .request(let head, let body): return "request \(head) body=\(String(decoding: body, as: UTF8.self))"
        case .unfinished: return "unfinished"
        }
    }
}

/// Everything a request parser produced from one input.
struct RequestOutcome: Equatable {
    var records: [RequestRecord] = []
    var error: HTTPParseError?

    /// The requests (head and body) in order.
    var requests: [(head: String, body: [UInt8])] {
        records.compactMap { if case .request(let head, let body) = $0 { return (head, body) } else { return nil } }
    }

    var bodies: [String] { requests.map { String(decoding: $0.body, as: UTF8.self) } }
}

/// Two complete requests put before every input fed back to back.
let requestPrefix =
    "GET /first HTTP/1.1\r\nHost: a\r\n\r\nPOST /second HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nok"

/// Parses `wire` whole, one byte at a time, and back to back: after two other requests (whole
/// and in 7-byte pieces) and, when it parses cleanly, three times in a row. Expects the same
/// outcome every way and returns the outcome of the whole input. `bodyLimit` is called on every
/// head and may raise the body limit for that request.
func parseRequests(
    _ wire: String,
    limits: HTTPLimits = HTTPLimits(),
    bodyLimit: ((HTTPRequestHead) -> Int?)? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) -> RequestOutcome {
    let bytes = Array(wire.utf8)
    let whole = feedRequests([bytes], limits: limits, bodyLimit: bodyLimit)
    let byteByByte = feedRequests(bytes.map { [$0] }, limits: limits, bodyLimit: bodyLimit)
    #expect(byteByByte == whole, "one byte at a time differs from whole", sourceLocation: sourceLocation)

    let prefix = Array(requestPrefix.utf8)
    var afterOthers = feedRequests([prefix], limits: limits, bodyLimit: bodyLimit)
    #expect(afterOthers.error == nil && afterOthers.records.count == 4, sourceLocation: sourceLocation)
    afterOthers.records += whole.records
    afterOthers.error = whole.error
    for pieces in [[prefix + bytes], inPieces(prefix + bytes)] {
        let outcome = feedRequests(pieces, limits: limits, bodyLimit: bodyLimit)
        #expect(outcome == afterOthers, "after other requests differs", sourceLocation: sourceLocation)
    }

    if whole.error == nil && whole.records.last != .unfinished {
        let expected = RequestOutcome(records: whole.records + whole.records + whole.records)
        let tripled = bytes + bytes + bytes
        for pieces in [[tripled], inPieces(tripled)] {
            let outcome = feedRequests(pieces, limits: limits, bodyLimit: bodyLimit)
            #expect(outcome == expected, "three in a row differs", sourceLocation: sourceLocation)
        }
    }
    return whole
}

/// The bytes cut into pieces of 7, a size that lands on every kind of boundary.
func inPieces(_ bytes: [UInt8]) -> [[UInt8]] {
    stride(from: 0, to: bytes.count, by: 7).map { Array(bytes[$0..<min($0 + 7, bytes.count)]) }
}

/// Feeds the pieces in order, draining events after each, and stops at the first error.
func feedRequests(
    _ pieces: [[UInt8]],
    limits: HTTPLimits = HTTPLimits(),
    bodyLimit: ((HTTPRequestHead) -> Int?)? = nil
) -> RequestOutcome {
    var parser = HTTPRequestParser(limits: limits)
    var outcome = RequestOutcome()
    do {
        for piece in pieces {
            parser.append(piece)
            while let event = try parser.next() {
                switch event {
                case .head(let head):
                    outcome.records.append(RequestRecord(head))
                    if let limit = bodyLimit?(head) { parser.bodyLimit = limit }
                case .request(let request):
                    outcome.records.append(RequestRecord(request))
                }
            }
        }
        if !parser.isIdle { outcome.records.append(.unfinished) }
    } catch {
        outcome.error = error
    }
    return outcome
}

/// One response parser event; consecutive body pieces are merged, as their cut depends on how
/// the bytes arrived.
enum ResponseRecord: Equatable {
    case head(status: Int, version: HTTPVersion, fields: [String])
    case body(String)
    case end
}

/// Everything a response parser produced from one input, then a closed connection.
struct ResponseOutcome: Equatable {
    var records: [ResponseRecord] = []
    var error: HTTPParseError?
}

/// Two complete responses put before every input fed back to back.
let responsePrefix = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 204 No Content\r\n\r\n"

/// Parses `wire` whole, one byte at a time, and back to back: after two other responses and,
/// when it parses cleanly, three times in a row; the responses answer `methods` in turn
/// (repeated as needed) and the connection is closed at the end. Expects the same outcome every
/// way and returns the outcome of the whole input.
func parseResponses(
    _ wire: String,
    to methods: [HTTPMethod] = [.get],
    limits: HTTPLimits = HTTPLimits(),
    sourceLocation: SourceLocation = #_sourceLocation
) -> ResponseOutcome {
    let bytes = Array(wire.utf8)
    let whole = feedResponses([bytes], to: methods, limits: limits)
    let byteByByte = feedResponses(bytes.map { [$0] }, to: methods, limits: limits)
    #expect(byteByByte == whole, "one byte at a time differs from whole", sourceLocation: sourceLocation)

    let prefix = Array(responsePrefix.utf8)
    var afterOthers = feedResponses([prefix], to: [.get], limits: limits, close: false)
    #expect(afterOthers.records.count == 5, sourceLocation: sourceLocation)
    afterOthers.records += whole.records
    afterOthers.error = whole.error
    for pieces in [[prefix + bytes], inPieces(prefix + bytes)] {
        let outcome = feedResponses(pieces, to: [.get, .get] + methods, limits: limits, repeatFrom: 2)
        #expect(outcome == afterOthers, "after other responses differs", sourceLocation: sourceLocation)
    }

    guard whole.error == nil else { return whole }
    var expected = whole
    let endsByClose =
        whole.records.last == .end
        && feedResponses([bytes], to: methods, limits: limits, close: false).records.last != .end
    if endsByClose {
        // The copies become part of the body that only the close ends.
        var records = whole.records
        records.removeLast()
        if case .body(let body) = records.last {
            records[records.count - 1] = .body(body + wire + wire)
        } else {
            records.append(.body(wire + wire))
        }
        expected.records = records + [.end]
    } else {
        expected.records = whole.records + whole.records + whole.records
    }
    let tripled = bytes + bytes + bytes
    for pieces in [[tripled], inPieces(tripled)] {
        let outcome = feedResponses(pieces, to: methods, limits: limits)
        #expect(outcome == expected, "three in a row differs", sourceLocation: sourceLocation)
    }
    return whole
}

/// Feeds the pieces in order, expecting a response to each method in turn, then reports the
/// close of the connection (unless `close` is false).
func feedResponses(
    _ pieces: [[UInt8]],
    to methods: [HTTPMethod],
    limits: HTTPLimits = HTTPLimits(),
    close: Bool = true,
    repeatFrom: Int = 0
) -> ResponseOutcome {
    var parser = HTTPResponseParser(limits: limits)
    var outcome = ResponseOutcome()
    var answered = 0
    parser.expectResponse(to: methods[0])
    func record(_ event: HTTPResponseParser.Event) {
        switch event {
        case .head(let summary):
            let head = summary.head
            outcome.records.append(
                .head(
                    status: head.status.code, version: head.version,
                    fields: head.headers.fields.map { "\($0.name)=\($0.value)" })
            )
        case .body(let piece):
            let text = String(decoding: piece, as: UTF8.self)
            if case .body(let earlier) = outcome.records.last {
                outcome.records[outcome.records.count - 1] = .body(earlier + text)
            } else {
                outcome.records.append(.body(text))
            }
        case .end:
            outcome.records.append(.end)
            answered += 1
            // After the first `repeatFrom` methods, the rest repeat.
            let cycle = methods.count - repeatFrom
            let index = answered < methods.count ? answered : repeatFrom + (answered - repeatFrom) % cycle
            parser.expectResponse(to: methods[index])
        }
    }
    do {
        for piece in pieces {
            parser.append(piece)
            while let event = try parser.next() { record(event) }
        }
        if close, let event = try parser.connectionClosed() {
            record(event)
            while let event = try parser.next() { record(event) }
        }
    } catch {
        outcome.error = error
    }
    return outcome
}
