// libFuzzer entry point for the HTTP request and response parsers; built by scripts/fuzz-http-parser
// together with Shared/HTTP/Core and Shared/HTTP/Parser as one module.
//
// Every input is parsed three ways — whole, split in two at a point taken from the data, and in
// small pieces (one byte at a time for short inputs) — and the three transcripts must be
// identical. On top of "no crash" (which AddressSanitizer and Swift's own checks enforce) this
// catches any state that depends on how the bytes were cut, bodies over the limit, and parsers
// that stop making progress.

/// Limits small enough that random inputs reach every limit check.
private let smallLimits: HTTPLimits = {
    var limits = HTTPLimits()
    limits.maxRequestLineBytes = 64
    limits.maxHeaderBytes = 256
    limits.maxHeaderCount = 6
    limits.maxBodyBytes = 128
    return limits
}()

/// A target ending in `+` raises the body limit after the head, as a route may.
private let raisedBodyLimit = 512

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let limits = (bytes.last ?? 0) & 1 == 0 ? smallLimits : HTTPLimits()
    let split = bytes.isEmpty ? 0 : Int(bytes[0]) * 31 % (bytes.count + 1)
    // One byte at a time is the harshest split but costs a `next()` per byte; past a few
    // hundred bytes, pieces of 1 to 8 bytes (from the data) keep the fuzzer fast.
    let pieceSize = bytes.count <= 512 ? 1 : 1 + Int(bytes[bytes.count / 2] % 8)
    let pieces: [[[UInt8]]] = [
        [bytes],
        [Array(bytes[..<split]), Array(bytes[split...])],
        stride(from: 0, to: bytes.count, by: pieceSize).map { Array(bytes[$0..<min($0 + pieceSize, bytes.count)]) },
    ]

    let requestTranscripts = pieces.map { requestTranscript($0, limits: limits) }
    for transcript in requestTranscripts.dropFirst() where transcript != requestTranscripts[0] {
        fatalError("request parser depends on how the input is split:\n\(requestTranscripts[0])\n---\n\(transcript)")
    }
    let method: HTTPMethod = (bytes.first ?? 0) & 2 == 0 ? .get : .head
    let responseTranscripts = pieces.map { responseTranscript($0, limits: limits, method: method) }
    for transcript in responseTranscripts.dropFirst() where transcript != responseTranscripts[0] {
        fatalError("response parser depends on how the input is split:\n\(responseTranscripts[0])\n---\n\(transcript)")
    }
    return 0
}

/// Feeds the pieces in order and describes every event and the final error.
private func requestTranscript(_ pieces: [[UInt8]], limits: HTTPLimits) -> [String] {
    var parser = HTTPRequestParser(limits: limits)
    var transcript: [String] = []
    let total = pieces.reduce(0) { $0 + $1.count }
    var events = 0
    do {
        for piece in pieces {
            parser.append(piece)
            while let event = try parser.next() {
                events += 1
                // Every request consumes at least a request line, so more events than bytes
                // means the parser returns events without making progress.
                if events > 2 * total + 2 { fatalError("request parser makes no progress") }
                switch event {
                case .head(let head):
                    if head.target.hasSuffix("+") { parser.bodyLimit = raisedBodyLimit }
                    transcript.append("head \(head.method) \(head.target) \(head.version) \(head.headers.fields.map { "\($0.name)=\($0.value)" })")
                case .request(let request):
                    let limit = request.target.hasSuffix("+") ? raisedBodyLimit : limits.maxBodyBytes
                    if request.body.count > limit { fatalError("body of \(request.body.count) bytes over the limit \(limit)") }
                    transcript.append("request \(request.method) \(request.target) body \(request.body)")
                }
            }
        }
        transcript.append(parser.isIdle ? "idle" : parser.isReadingBody ? "reading body" : "reading head")
    } catch {
        transcript.append("error \(error)")
        // A failed parser stays failed.
        do {
            _ = try parser.next()
            fatalError("request parser recovered after an error")
        } catch let again {
            if again != error { fatalError("request parser changed its error") }
        }
    }
    return transcript
}

/// Feeds the pieces in order, then closes the connection; bodies are compared whole, since
/// how they are cut into `.body` events depends on how the bytes arrived.
private func responseTranscript(_ pieces: [[UInt8]], limits: HTTPLimits, method: HTTPMethod) -> [String] {
    var parser = HTTPResponseParser(limits: limits)
    parser.expectResponse(to: method)
    var transcript: [String] = []
    var body: [UInt8] = []
    let total = pieces.reduce(0) { $0 + $1.count }
    var events = 0
    func record(_ event: HTTPResponseParser.Event) {
        events += 1
        if events > 2 * total + 4 { fatalError("response parser makes no progress") }
        switch event {
        case .head(let summary):
            transcript.append("head \(summary.head.status) \(summary.head.version) \(summary.head.headers.fields.map { "\($0.name)=\($0.value)" })")
        case .body(let piece):
            if piece.isEmpty { fatalError("empty body piece") }
            body += piece
        case .end:
            transcript.append("body \(body) end")
            body = []
            parser.expectResponse(to: .get)
        }
    }
    do {
        for piece in pieces {
            parser.append(piece)
            while let event = try parser.next() { record(event) }
        }
        if let event = try parser.connectionClosed() {
            record(event)
            while let event = try parser.next() { record(event) }
        }
        transcript.append("closed, body so far \(body)")
    } catch {
        transcript.append("error \(error), body so far \(body)")
    }
    return transcript
}
