import Glibc
import TestSupport
import Testing

@testable import ServiceKit

@Suite struct SMTPClientTests {
    static let shop = "sklep@example.pl"

    func client(for server: FakeSMTPServer, timeout: Duration = .seconds(10)) throws -> SMTPClient {
        let endpoint = try #require(SMTPEndpoint(url: server.url))
        return SMTPClient(endpoint: endpoint, timeout: timeout)
    }

    func sendError(_ body: () throws -> Void) -> SMTPError? {
        do {
            try body()
            return nil
        } catch let error as SMTPError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    // MARK: - Delivery

    @Test func send_DeliversUTF8SubjectAndBody_ThatDecodeBackUnchanged() throws {
        let server = try FakeSMTPServer()
        defer { server.stop() }
        let subject = "Zamówienie nr 42 – potwierdzenie: Łódź, Žilina, Příbram, ďakujeme 🙂"
        let body = """
            Dzień dobry Pani Żanetto,
            zażółć gęślą jaźń. Příliš žluťoučký kůň úpěl ďábelské ódy. Ďateľ ťuká, ľan a ôsmy.
            Linia z końcową spacją \nKwota: 129,99 zł = 30 €
            """
        let message = MailMessage(to: ["klientka@example.cz"], subject: subject, textBody: body)
        try client(for: server).send(message, from: Self.shop)

        let mail = try #require(server.messages.first)
        #expect(server.messages.count == 1)
        #expect(mail.envelopeFrom == Self.shop)
        #expect(mail.recipients == ["klientka@example.cz"])
        #expect(mail.decodedSubject == subject)
        #expect(mail.decodedBody == body + "\n")
        #expect(mail.header("From") == Self.shop)
        #expect(mail.header("To") == "klientka@example.cz")
        #expect(mail.header("MIME-Version") == "1.0")
        #expect(mail.header("Content-Type") == "text/plain; charset=utf-8")
        #expect(mail.header("Content-Transfer-Encoding") == "quoted-printable")
        #expect(mail.header("Date")?.hasSuffix("+0000") == true)
        let messageId = try #require(mail.header("Message-ID"))
        #expect(messageId.hasPrefix("<") && messageId.hasSuffix("@zaplecze>"))
        // 7-bit clean, and no line over the 78-character guideline (RFC 5322 §2.1.1).
        #expect(mail.data.utf8.allSatisfy { $0 < 0x80 })
        for line in mail.data.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 78, "\(line)") }
    }

    @Test func send_SpeaksTheExpectedDialogue_WithOneRCPTPerRecipient() throws {
        let server = try FakeSMTPServer()
        defer { server.stop() }
        let message = MailMessage(
            to: ["a@example.pl", "b@example.sk"], subject: "Hello", textBody: "Hi", from: "noreply@example.pl")
        try client(for: server).send(message, from: "bounces@example.pl")

        #expect(
            server.commands == [
                "EHLO zaplecze", "MAIL FROM:<bounces@example.pl>", "RCPT TO:<a@example.pl>", "RCPT TO:<b@example.sk>",
                "DATA", "QUIT",
            ])
        let mail = try #require(server.messages.first)
        #expect(mail.recipients == ["a@example.pl", "b@example.sk"])
        #expect(mail.header("From") == "noreply@example.pl")
        #expect(mail.header("To") == "a@example.pl, b@example.sk")
        #expect(mail.header("Subject") == "Hello")
    }

    @Test func send_DotStuffsLinesStartingWithADot_SoTheBodyArrivesWhole() throws {
        let server = try FakeSMTPServer()
        defer { server.stop() }
        let body = "first\n.\n.hidden line\n..two dots\nlast"
        try client(for: server).send(
            MailMessage(to: ["a@example.pl"], subject: "dots", textBody: body), from: Self.shop)

        let mail = try #require(server.messages.first)
        #expect(mail.decodedBody == body + "\n")
        #expect(mail.data.contains("\r\n.\r\n.hidden line\r\n..two dots\r\n"))

        let wire = String(decoding: SMTPMessageEncoder.dataSection(Array("a\r\n.\r\n.b\r\n".utf8)), as: UTF8.self)
        #expect(wire == "a\r\n..\r\n..b\r\n.\r\n")
    }

    @Test func send_FallsBackToHELO_WhenTheRelayRejectsEHLO() throws {
        let server = try FakeSMTPServer()
        defer { server.stop() }
        server.supportsEHLO = false
        try client(for: server).send(MailMessage(to: ["a@example.pl"], subject: "s", textBody: "b"), from: Self.shop)
        #expect(server.commands.prefix(2) == ["EHLO zaplecze", "HELO zaplecze"])
        #expect(server.messages.count == 1)
    }

    @Test func send_DeliversALargeBody() throws {
        let server = try FakeSMTPServer()
        defer { server.stop() }
        let body = String(repeating: "Żółta łódź płynie po Wiśle. ", count: 3_000)
        try client(for: server).send(MailMessage(to: ["a@example.pl"], subject: "big", textBody: body), from: Self.shop)
        #expect(server.messages.first?.decodedBody == body + "\n")
    }

    // MARK: - Failures

    @Test func send_ThrowsTheReplyCodeAndText_WhenARecipientIsRejected() throws {
        let server = try FakeSMTPServer()
        defer { server.stop() }
        server.rejectRecipients = true
        let client = try client(for: server)
        let error = sendError {
            try client.send(MailMessage(to: ["nobody@example.pl"], subject: "s", textBody: "b"), from: Self.shop)
        }
        #expect(error == .rejected(command: "RCPT", code: 550, text: "5.1.1 Mailbox unavailable"))
        #expect(server.messages.isEmpty)
        #expect(server.commands.last == "QUIT")
    }

    @Test func send_FailsWithConnectFailed_WhenNothingListens() throws {
        let server = try FakeSMTPServer()
        let client = try client(for: server)
        server.stop()
        let error = sendError {
            try client.send(MailMessage(to: ["a@example.pl"], subject: "s", textBody: "b"), from: Self.shop)
        }
        #expect(error == .connectFailed(endpoint: "smtp://127.0.0.1:\(server.port)", errno: ECONNREFUSED))
    }

    @Test func send_TimesOut_WhenTheRelayNeverGreets() throws {
        let server = try FakeSMTPServer()
        defer { server.stop() }
        server.silent = true
        let client = try client(for: server, timeout: .milliseconds(200))
        let error = sendError {
            try client.send(MailMessage(to: ["a@example.pl"], subject: "s", textBody: "b"), from: Self.shop)
        }
        #expect(error == .timedOut(during: "greeting"))
    }

    @Test func send_RefusesCRLFInSubjectAndAddresses_BeforeConnecting() throws {
        let server = try FakeSMTPServer()
        defer { server.stop() }
        let client = try client(for: server)
        let cases: [(MailMessage, String, SMTPError)] = [
            (
                MailMessage(to: ["a@example.pl"], subject: "Hi\r\nBcc: victim@example.pl", textBody: "b"), Self.shop,
                .headerInjection(field: "Subject")
            ),
            (
                MailMessage(to: ["a@example.pl"], subject: "Hi\nX-Evil: 1", textBody: "b"), Self.shop,
                .headerInjection(field: "Subject")
            ),
            (
                MailMessage(to: ["a@example.pl>\r\nRCPT TO:<b@example.pl"], subject: "s", textBody: "b"), Self.shop,
                .headerInjection(field: "To")
            ),
            (
                MailMessage(to: ["a@example.pl"], subject: "s", textBody: "b"), "x@example.pl\r\nDATA",
                .headerInjection(field: "MAIL FROM")
            ),
            (
                MailMessage(to: ["a@example.pl"], subject: "s", textBody: "b", from: "f@example.pl\nBcc: x@y.pl"),
                Self.shop, .headerInjection(field: "From")
            ),
            (
                MailMessage(to: ["a@example.pl"], subject: "s", textBody: "b", replyTo: "r@example.pl\r\n"),
                Self.shop, .headerInjection(field: "Reply-To")
            ),
        ]
        for (message, from, expected) in cases {
            #expect(sendError { try client.send(message, from: from) } == expected)
        }
        #expect(server.commands.isEmpty)
    }

    @Test func send_RejectsInvalidAddressesAndEmptyRecipientLists() throws {
        let server = try FakeSMTPServer()
        defer { server.stop() }
        let client = try client(for: server)
        for bad in ["", "no-at-sign", "@example.pl", "a@", "a b@example.pl", "żółw@example.pl", "<a@example.pl>"] {
            let error = sendError {
                try client.send(MailMessage(to: [bad], subject: "s", textBody: "b"), from: Self.shop)
            }
            #expect(error == .invalidAddress(bad))
        }
        let empty = sendError { try client.send(MailMessage(to: [], subject: "s", textBody: "b"), from: Self.shop) }
        #expect(empty == .noRecipients)
        let badHelo = SMTPClient(endpoint: client.endpoint, heloName: "x\r\nQUIT")
        let heloError = sendError {
            try badHelo.send(MailMessage(to: ["a@example.pl"], subject: "s", textBody: "b"), from: Self.shop)
        }
        #expect(heloError == .invalidHeloName("x\r\nQUIT"))
        #expect(server.commands.isEmpty)
    }
}

@Suite struct SMTPEndpointTests {
    @Test func initURL_ParsesHostAndPort_WithPort25ByDefault() {
        #expect(SMTPEndpoint(url: "smtp://127.0.0.1:2525") == SMTPEndpoint(host: "127.0.0.1", port: 2525))
        #expect(SMTPEndpoint(url: "smtp://mail.example.pl")?.port == 25)
        #expect(SMTPEndpoint(url: "SMTP://relay/")?.host == "relay")
        #expect(SMTPEndpoint(url: "smtp://[::1]:26")?.host == "::1")
        #expect(SMTPEndpoint(url: "smtp://[::1]:26")?.description == "smtp://[::1]:26")
    }

    @Test func initURL_RejectsEverythingElse() {
        let bad = [
            "", "smtp://", "http://relay:25", "smtp://relay:0", "smtp://relay:65536", "smtp://relay:+25",
            "smtp://relay:", "smtp://relay:25/path", "smtp://user@relay", "smtp://re lay", "smtp://[::1",
            "smtp://[::1]x", "smtp://::1:25", "smtp://relay:99999999999999999999",
        ]
        for url in bad { #expect(SMTPEndpoint(url: url) == nil, "\(url)") }
    }
}

@Suite struct SMTPMessageEncoderTests {
    @Test func quotedPrintable_KeepsLinesWithin76Characters_AndEscapesTrailingSpace() {
        let text = String(repeating: "zażółć gęślą jaźń ", count: 30) + " \nlast\t"
        let lines = String(decoding: SMTPMessageEncoder.quotedPrintable(text), as: UTF8.self)
            .components(separatedBy: "\r\n")
        for line in lines { #expect(line.utf8.count <= 76, "\(line)") }
        #expect(lines.contains { $0.hasSuffix("=20") })
        #expect(lines.contains("last=09"))
        // No escape sequence is cut by a soft break.
        for line in lines where line.hasSuffix("=") { #expect(!line.dropLast().hasSuffix("=")) }
    }

    @Test func quotedPrintable_NormalisesLineBreaksToCRLF() {
        let encoded = String(decoding: SMTPMessageEncoder.quotedPrintable("a\nb\r\nc\rd"), as: UTF8.self)
        #expect(encoded == "a\r\nb\r\nc\r\nd\r\n")
        #expect(String(decoding: SMTPMessageEncoder.quotedPrintable("x=1"), as: UTF8.self) == "x=3D1\r\n")
    }

    @Test func encodeSubject_LeavesPlainASCIIAlone_AndEncodesTheRest() {
        #expect(SMTPMessageEncoder.encodeSubject("Order 42 shipped") == "Order 42 shipped")
        #expect(SMTPMessageEncoder.encodeSubject("=?UTF-8?B?eA==?=").hasPrefix("=?UTF-8?B?PT9"))
        let words = SMTPMessageEncoder.encodeSubject(String(repeating: "Čšťžýáíé ", count: 12))
            .components(separatedBy: "\r\n ")
        #expect(words.count > 1)
        for word in words {
            #expect(word.count <= 75)
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
        }
    }

    @Test func rfc5322Date_FormatsKnownInstants() {
        #expect(SMTPMessageEncoder.rfc5322Date(0) == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(SMTPMessageEncoder.rfc5322Date(1_751_364_000) == "Tue, 01 Jul 2025 10:00:00 +0000")
        #expect(SMTPMessageEncoder.rfc5322Date(951_782_400) == "Tue, 29 Feb 2000 00:00:00 +0000")
        #expect(SMTPMessageEncoder.rfc5322Date(4_102_444_799) == "Thu, 31 Dec 2099 23:59:59 +0000")
        #expect(SMTPMessageEncoder.rfc5322Date(-86_400) == "Wed, 31 Dec 1969 00:00:00 +0000")
    }
}
