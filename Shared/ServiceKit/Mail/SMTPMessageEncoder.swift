import FoundationEssentials
import Glibc
import Primitives

/// Turns a `MailMessage` into the RFC 5322 text sent after DATA, and that text into the
/// dot-stuffed DATA section (RFC 5321 §4.5.2).
///
/// The output is 7-bit clean so any relay accepts it without 8BITMIME: the body is UTF-8 in
/// quoted-printable (RFC 2045 §6.7), which keeps Polish, Czech and Slovak text mostly readable in
/// raw form, and a non-ASCII subject becomes RFC 2047 "B" encoded-words.
enum SMTPMessageEncoder {
    /// Renders headers and body with CRLF line endings; nothing is dot-stuffed yet.
    static func encode(
        _ message: MailMessage, envelopeFrom: String, unixTime: Int64, messageId: String
    ) throws(SMTPError) -> [UInt8] {
        guard !message.to.isEmpty else { throw .noRecipients }
        let from = message.from ?? envelopeFrom
        try validateAddress(from, field: "From")
        for recipient in message.to { try validateAddress(recipient, field: "To") }
        if let replyTo = message.replyTo { try validateAddress(replyTo, field: "Reply-To") }
        guard !message.subject.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A }) else {
            throw .headerInjection(field: "Subject")
        }

        var headers = [
            "From: \(from)",
            // One recipient per line keeps long lists under the 78-character guideline (RFC 5322 §2.1.1).
            "To: " + message.to.joined(separator: ",\r\n "),
            "Subject: " + encodeSubject(message.subject),
            "Date: " + rfc5322Date(unixTime),
            "Message-ID: \(messageId)",
        ]
        if let replyTo = message.replyTo { headers.append("Reply-To: \(replyTo)") }
        headers += [
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
        ]
        var output = Array((headers.joined(separator: "\r\n") + "\r\n\r\n").utf8)
        output += quotedPrintable(message.textBody)
        return output
    }

    /// Dot-stuffs every line that starts with "." and appends the end-of-data marker
    /// (RFC 5321 §4.5.2). Expects CRLF line endings, which `encode` guarantees.
    static func dataSection(_ message: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(message.count + 16)
        var atLineStart = true
        for byte in message {
            if atLineStart, byte == UInt8(ascii: ".") { output.append(UInt8(ascii: ".")) }
            output.append(byte)
            atLineStart = byte == 0x0A
        }
        if !output.isEmpty, !output.suffix(2).elementsEqual([0x0D, 0x0A]) { output += [0x0D, 0x0A] }
        output += Array(".\r\n".utf8)
        return output
    }

    // MARK: - Addresses

    /// Accepts `local@domain` in printable ASCII without the specials that would need quoting
    /// (RFC 5322 §3.2.3) or break `MAIL FROM:<…>`; quoted local parts and address literals are
    /// deliberately not supported.
    static func validateAddress(_ address: String, field: String) throws(SMTPError) {
        let bytes = Array(address.utf8)
        if bytes.contains(where: { $0 == 0x0D || $0 == 0x0A }) { throw .headerInjection(field: field) }
        let forbidden = Set("<>()[],;:\"\\ ".utf8)
        guard bytes.count <= 254,
            bytes.allSatisfy({ (0x21...0x7E).contains($0) && !forbidden.contains($0) }),
            let at = bytes.lastIndex(of: UInt8(ascii: "@")),
            at > 0, at < bytes.count - 1
        else { throw .invalidAddress(address) }
    }

    // MARK: - Subject (RFC 2047)

    /// Returns the subject as is when it is short printable ASCII, else as folded encoded-words.
    static func encodeSubject(_ subject: String) -> String {
        let bytes = Array(subject.utf8)
        let plain =
            bytes.count <= 900
            && bytes.allSatisfy { (0x20...0x7E).contains($0) || $0 == 0x09 }
            && !subject.contains("=?")  // would be mistaken for an encoded-word
        if plain { return subject }

        // RFC 2047 §5: each encoded-word holds whole characters and is at most 75 characters;
        // 39 bytes → 52 base64 characters → 64-character words, so "Subject: " plus the first
        // word also fits the 76-character line limit of §2.
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in subject.unicodeScalars {
            let encoded = Array(String(scalar).utf8)
            if chunk.count + encoded.count > 39 {
                words.append(encodedWord(chunk))
                chunk.removeAll(keepingCapacity: true)
            }
            chunk += encoded
        }
        if !chunk.isEmpty || words.isEmpty { words.append(encodedWord(chunk)) }
        // Whitespace between adjacent encoded-words is dropped by decoders (§6.2), so folding
        // between them does not change the subject.
        return words.joined(separator: "\r\n ")
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }

    // MARK: - Body (RFC 2045 §6.7)

    /// Encodes text as quoted-printable with CRLF hard breaks and soft breaks before 76 columns.
    static func quotedPrintable(_ text: String) -> [UInt8] {
        let hexDigits = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        var line: [UInt8] = []

        func escape(_ byte: UInt8) -> [UInt8] {
            [UInt8(ascii: "="), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
        }
        func append(_ token: [UInt8]) {
            // Rule 5: at most 76 characters per line, counting the "=" of a soft break.
            if line.count + token.count > 75 {
                output += line + [UInt8(ascii: "="), 0x0D, 0x0A]
                line.removeAll(keepingCapacity: true)
            }
            line += token
        }
        func endLine() {
            // Rule 3: whitespace at the end of an encoded line would be stripped in transit.
            if let last = line.last, last == 0x20 || last == 0x09 {
                line.removeLast()
                append(escape(last))
            }
            output += line + [0x0D, 0x0A]
            line.removeAll(keepingCapacity: true)
        }

        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x0D:
                // CRLF, lone CR and lone LF all end a line (rule 4: canonical CRLF).
                if index < bytes.count, bytes[index] == 0x0A { index += 1 }
                endLine()
            case 0x0A:
                endLine()
            case 0x20, 0x09, 33...60, 62...126:
                append([byte])
            default:
                append(escape(byte))
            }
        }
        if !line.isEmpty { endLine() }
        return output
    }

    // MARK: - Date (RFC 5322 §3.3)

    /// Formats Unix seconds as `Tue, 01 Jul 2025 10:00:00 +0000`.
    static func rfc5322Date(_ unixTime: Int64) -> String {
        let days = unixTime >= 0 ? unixTime / 86_400 : (unixTime - 86_399) / 86_400
        let secondsOfDay = unixTime - days * 86_400
        let date = CivilDate(daysSince1970: days)
        // 1970-01-01 was a Thursday.
        let weekday = ((days % 7) + 7 + 4) % 7

        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(weekdays[Int(weekday)]), \(two(date.day)) \(months[Int(date.month - 1)]) \(date.year) "
            + "\(two(secondsOfDay / 3600)):\(two(secondsOfDay / 60 % 60)):\(two(secondsOfDay % 60)) +0000"
    }
}
