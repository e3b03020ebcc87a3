import Testing

@testable import HTTP

/// The connection state machine driven with plain numbers as the clock: every timeout is checked
/// just before and at its deadline, without sleeping.
@Suite struct ConnectionStateMachineTests {
    /// One second in the machine's nanoseconds.
    static let second: UInt64 = 1_000_000_000

    static var limits: HTTPLimits {
        var limits = HTTPLimits()
        limits.headerTimeout = .seconds(10)
        limits.bodyProgressTimeout = .seconds(5)
        limits.idleTimeout = .seconds(60)
        limits.writeTimeout = .seconds(30)
        return limits
    }

    /// A machine created at `start` seconds.
    static func machine(at start: UInt64 = 1_000) -> ConnectionStateMachine {
        ConnectionStateMachine(timeouts: .init(limits), now: start * second)
    }

    static func at(_ seconds: UInt64, _ extraNanos: UInt64 = 0) -> UInt64 { seconds * second + extraNanos }

    // MARK: - Reading the head

    @Test func headerTimeout_IsNotRestartedByLaterBytes_SoATrickledHeadGets408() {
        var machine = Self.machine()
        machine.received(parserIdle: false, readingBody: false, now: Self.at(1_000))
        #expect(machine.phase == .readingHead)
        // A byte every second, as a slowloris client sends them.
        for second in 1_001...1_009 {
            machine.received(parserIdle: false, readingBody: false, now: Self.at(UInt64(second)))
            #expect(machine.tick(now: Self.at(UInt64(second))) == .none)
        }
        #expect(machine.tick(now: Self.at(1_010) - 1) == .none)
        #expect(machine.tick(now: Self.at(1_010)) == .respondAndClose(.requestTimeout))
    }

    @Test func after408_OnlyOneAnswerIsMade_AndWritingItClosesTheConnection() {
        var machine = Self.machine()
        machine.received(parserIdle: false, readingBody: false, now: Self.at(1_000))
        #expect(machine.tick(now: Self.at(1_010)) == .respondAndClose(.requestTimeout))
        // The loop writes the 408 (as for any answer of its own) and asks what next.
        machine.dispatched()
        #expect(machine.tick(now: Self.at(1_011)) == .none)
        #expect(machine.responseWritten(keepAlive: false, now: Self.at(1_011)) == .close)
        #expect(machine.phase == .closed)
    }

    @Test func a408ThePeerNeverReads_IsCutByTheWriteTimer() {
        var machine = Self.machine()
        machine.received(parserIdle: false, readingBody: true, now: Self.at(1_000))
        #expect(machine.tick(now: Self.at(1_005)) == .respondAndClose(.requestTimeout))
        machine.writeBlocked(now: Self.at(1_005))
        #expect(machine.tick(now: Self.at(1_034)) == .none)
        #expect(machine.tick(now: Self.at(1_035)) == .close)
    }

    @Test func headerTimeout_OfTheFirstRequest_RunsFromTheAccept_SoAConnectionThatSendsNothingCloses() {
        var machine = Self.machine(at: 1_000)
        #expect(machine.isIdle)
        #expect(machine.tick(now: Self.at(1_010) - 1) == .none)
        #expect(machine.tick(now: Self.at(1_010)) == .close)
    }

    @Test func headerTimeout_OfTheFirstRequest_IsNotRestartedByItsFirstByte() {
        var machine = Self.machine(at: 1_000)
        // Silent for 9 s, then a first byte: the head still has until 10 s after the accept.
        machine.received(parserIdle: false, readingBody: false, now: Self.at(1_009))
        #expect(machine.tick(now: Self.at(1_010) - 1) == .none)
        #expect(machine.tick(now: Self.at(1_010)) == .respondAndClose(.requestTimeout))
    }

    @Test func headerTimeout_OfALaterRequest_RunsFromItsFirstByte() {
        var machine = Self.machine(at: 1_000)
        machine.received(parserIdle: false, readingBody: false, now: Self.at(1_001))
        machine.dispatched()
        #expect(machine.responseWritten(keepAlive: true, now: Self.at(1_002)) == .none)
        // Idle for 48 s (less than the idle timeout), then the first byte of the next request.
        machine.received(parserIdle: false, readingBody: false, now: Self.at(1_050))
        #expect(machine.tick(now: Self.at(1_059)) == .none)
        #expect(machine.tick(now: Self.at(1_060)) == .respondAndClose(.requestTimeout))
    }

    @Test func bytesThatLeaveTheParserIdle_DoNotStartTheHeaderTimer() {
        var machine = Self.machine(at: 1_000)
        machine.received(parserIdle: false, readingBody: false, now: Self.at(1_000))
        machine.dispatched()
        #expect(machine.responseWritten(keepAlive: true, now: Self.at(1_000)) == .none)
        machine.received(parserIdle: true, readingBody: false, now: Self.at(1_001))
        #expect(machine.phase == .idle)
        // The idle deadline still applies, not the header one.
        #expect(machine.tick(now: Self.at(1_011)) == .none)
        #expect(machine.tick(now: Self.at(1_060)) == .close)
    }

    // MARK: - Reading the body

    @Test func bodyProgress_RestartsTheTimer_AndAStalledBodyGets408() {
        var machine = Self.machine()
        machine.received(parserIdle: false, readingBody: false, now: Self.at(1_000))
        machine.received(parserIdle: false, readingBody: true, bodyBytes: 1 << 20, now: Self.at(1_002))
        #expect(machine.phase == .readingBody)
        // Each piece gives the client another 5 s, well past the 10 s header deadline.
        for second in stride(from: 1_006, through: 1_030, by: 4) {
            #expect(machine.tick(now: Self.at(UInt64(second))) == .none)
            machine.received(parserIdle: false, readingBody: true, bodyBytes: 1 << 20, now: Self.at(UInt64(second)))
        }
        #expect(machine.tick(now: Self.at(1_035) - 1) == .none)
        #expect(machine.tick(now: Self.at(1_035)) == .respondAndClose(.requestTimeout))
    }

    @Test func aBodyTrickledJustInsideTheProgressTimer_Gets408_AtItsOverallDeadline() {
        var machine = Self.machine()
        // 64 KiB at the minimum 16 KiB/s: 4 s, plus the 5 s progress timeout.
        machine.received(parserIdle: false, readingBody: true, bodyBytes: 64 * 1024, now: Self.at(1_000))
        for second in stride(from: 1_004, through: 1_008, by: 4) {
            #expect(machine.tick(now: Self.at(UInt64(second))) == .none)
            machine.received(parserIdle: false, readingBody: true, now: Self.at(UInt64(second)))
        }
        // The piece at 1 008 s restarted the progress timer (to 1 013 s), not the body's deadline.
        #expect(machine.tick(now: Self.at(1_009) - 1) == .none)
        #expect(machine.tick(now: Self.at(1_009)) == .respondAndClose(.requestTimeout))
    }

    @Test func headAndBodyStartInOneRead_BodyTimerApplies() {
        var machine = Self.machine()
        machine.received(parserIdle: false, readingBody: true, now: Self.at(1_000))
        #expect(machine.phase == .readingBody)
        #expect(machine.tick(now: Self.at(1_005) - 1) == .none)
        #expect(machine.tick(now: Self.at(1_005)) == .respondAndClose(.requestTimeout))
    }

    // MARK: - Idle keep-alive

    @Test func idleKeepAlive_ClosesSilentlyAtTheDeadline_AndNotBefore() {
        var machine = Self.machine(at: 1_000)
        machine.received(parserIdle: false, readingBody: false, now: Self.at(1_000))
        machine.dispatched()
        #expect(machine.responseWritten(keepAlive: true, now: Self.at(1_000)) == .none)
        #expect(machine.isIdle)
        #expect(machine.idleSince == Self.at(1_000))
        #expect(machine.tick(now: Self.at(1_060) - 1) == .none)
        #expect(machine.phase == .idle)
        #expect(machine.tick(now: Self.at(1_060)) == .close)
        #expect(machine.phase == .closed)
    }

    @Test func idleDeadline_StartsAgainAfterEachResponse() {
        var machine = Self.machine(at: 1_000)
        machine.received(parserIdle: false, readingBody: false, now: Self.at(1_001))
        machine.dispatched()
        #expect(machine.responseWritten(keepAlive: true, now: Self.at(1_050)) == .none)
        #expect(machine.phase == .idle)
        #expect(machine.tick(now: Self.at(1_109)) == .none)
        #expect(machine.tick(now: Self.at(1_110)) == .close)
    }

    // MARK: - The exchange

    @Test func anAnswerBeforeTheBody_ClosesLingering_UntilTheLingerTimeOrTooManyDiscardedBytes() {
        var machine = Self.machine()
        machine.received(parserIdle: false, readingBody: false, now: Self.at(1_000))
        machine.headArrived(expectsContinue: true)
        machine.refusedBeforeBody()
        let continues = machine.takeContinue(readingBody: true)
        #expect(!continues)
        let keptAlive = machine.dispatched(clientKeepsAlive: true)
        #expect(!keptAlive)
        machine.responseQueued(keepAlive: false)
        let next = machine.queueWritten(serverDraining: false, now: Self.at(1_000))
        #expect(next == .close)
        #expect(machine.lingersOnClose)
        machine.beginLingering(now: Self.at(1_000))
        #expect(machine.tick(now: Self.at(1_002) - 1) == .none)
        #expect(machine.tick(now: Self.at(1_002)) == .close)
        let underLimit = machine.discarded(1 << 20)
        #expect(!underLimit)
        let overLimit = machine.discarded(1)
        #expect(overLimit)
    }

    @Test func aKeptAliveExchange_EndsIdle_AndAHalfClosedClientIsNotKeptAlive() {
        var machine = Self.machine()
        machine.received(parserIdle: false, readingBody: false, now: Self.at(1_000))
        let keptAlive = machine.dispatched(clientKeepsAlive: true)
        #expect(keptAlive)
        #expect(machine.awaitingResponse)
        let early = machine.queueWritten(serverDraining: false, now: Self.at(1_001))
        #expect(early == nil)
        machine.responseQueued(keepAlive: true)
        let next = machine.queueWritten(serverDraining: false, now: Self.at(1_001))
        #expect(next == ConnectionStateMachine.Action.none)
        #expect(!machine.awaitingResponse)
        #expect(machine.isIdle)
        machine.inputEnded()
        machine.received(parserIdle: false, readingBody: false, now: Self.at(1_002))
        let keptAliveAfterHalfClose = machine.dispatched(clientKeepsAlive: true)
        #expect(!keptAliveAfterHalfClose)
        #expect(!machine.lingersOnClose)
    }

    // MARK: - Processing

    @Test func processing_HasNoTimeout() {
        var machine = Self.machine()
        machine.received(parserIdle: false, readingBody: false, now: Self.at(1_000))
        machine.dispatched()
        #expect(machine.phase == .processing)
        for hours in [1, 5, 24] as [UInt64] {
            #expect(machine.tick(now: Self.at(1_000 + hours * 3_600)) == .none)
        }
        // Late bytes (a pipelined request) do not start a timer either.
        machine.received(parserIdle: false, readingBody: false, now: Self.at(100_000))
        #expect(machine.phase == .processing)
        #expect(machine.tick(now: Self.at(200_000)) == .none)
    }

    // MARK: - Writing

    @Test func writeStall_ClosesAfterWriteTimeout() {
        var machine = Self.machine()
        machine.dispatched()
        machine.writeBlocked(now: Self.at(1_000))
        // A second blocked write does not restart the timer.
        machine.writeBlocked(now: Self.at(1_010))
        #expect(machine.tick(now: Self.at(1_030) - 1) == .none)
        #expect(machine.tick(now: Self.at(1_030)) == .close)
        #expect(machine.phase == .closed)
    }

    @Test func writeProgress_RestartsTheWriteTimer() {
        var machine = Self.machine()
        machine.dispatched()
        machine.writeBlocked(now: Self.at(1_000))
        machine.writeProgressed(now: Self.at(1_020))
        #expect(machine.tick(now: Self.at(1_049)) == .none)
        #expect(machine.tick(now: Self.at(1_050)) == .close)
    }

    @Test func writeProgress_WithoutAStall_StartsNoTimer() {
        var machine = Self.machine()
        machine.dispatched()
        machine.writeProgressed(now: Self.at(1_000))
        #expect(machine.writeStalledSince == nil)
        #expect(machine.tick(now: Self.at(10_000)) == .none)
    }

    @Test func writeDrained_ClearsTheWriteTimer() {
        var machine = Self.machine()
        machine.dispatched()
        machine.writeBlocked(now: Self.at(1_000))
        machine.writeDrained()
        #expect(machine.writeStalledSince == nil)
        #expect(machine.tick(now: Self.at(1_100)) == .none)
        // A new stall starts a new timer from its own time.
        machine.writeBlocked(now: Self.at(1_200))
        #expect(machine.tick(now: Self.at(1_229)) == .none)
        #expect(machine.tick(now: Self.at(1_230)) == .close)
    }

    @Test func writeStall_AppliesWhileIdleToo() {
        // A 408 or 503 the loop wrote itself can stall with the connection otherwise idle.
        var machine = Self.machine()
        machine.writeBlocked(now: Self.at(1_000))
        #expect(machine.tick(now: Self.at(1_030)) == .close)
    }

    // MARK: - Keep-alive and draining

    @Test func responseWithoutKeepAlive_Closes() {
        var machine = Self.machine()
        machine.dispatched()
        #expect(machine.responseWritten(keepAlive: false, now: Self.at(1_001)) == .close)
        #expect(machine.phase == .closed)
        // Nothing more happens to a closed connection.
        #expect(machine.responseWritten(keepAlive: true, now: Self.at(1_002)) == .none)
        #expect(machine.tick(now: Self.at(9_999)) == .none)
    }

    @Test func beginDraining_ClosesAnIdleConnectionAtOnce() {
        var machine = Self.machine()
        #expect(machine.beginDraining() == .close)
        #expect(machine.phase == .closed)
        #expect(machine.draining)
    }

    @Test func beginDraining_LetsABusyConnectionFinishItsResponse_ThenCloses() {
        var machine = Self.machine()
        machine.received(parserIdle: false, readingBody: false, now: Self.at(1_000))
        machine.dispatched()
        #expect(machine.beginDraining() == .none)
        #expect(machine.phase == .processing)
        #expect(machine.responseWritten(keepAlive: true, now: Self.at(1_001)) == .close)
        #expect(machine.phase == .closed)
    }

    @Test func beginDraining_WhileTheHeadArrives_WaitsForItsResponse() {
        var machine = Self.machine()
        machine.received(parserIdle: false, readingBody: false, now: Self.at(1_000))
        #expect(machine.beginDraining() == .none)
        // The header timer still guards a client that never finishes.
        #expect(machine.tick(now: Self.at(1_010)) == .respondAndClose(.requestTimeout))
    }

    @Test func closed_StopsEveryTimer() {
        var machine = Self.machine()
        machine.received(parserIdle: false, readingBody: false, now: Self.at(1_000))
        machine.closed()
        #expect(machine.tick(now: Self.at(5_000)) == .none)
        machine.dispatched()
        #expect(machine.phase == .closed)
    }

    @Test func aTimeoutTooLargeForTheClock_MeansNever_NotAtOnce() {
        // `.seconds(Int64.max)` saturates to UInt64.max nanoseconds; a wrapping deadline would
        // land in the past and close the connection on the first tick.
        var limits = Self.limits
        limits.idleTimeout = .seconds(Int64.max)
        limits.headerTimeout = .seconds(Int64.max)
        var machine = ConnectionStateMachine(timeouts: .init(limits), now: Self.at(1_000))
        #expect(machine.tick(now: Self.at(1_001)) == .none)
        #expect(machine.tick(now: Self.at(1_000_000)) == .none)
        machine.received(parserIdle: false, readingBody: false, now: Self.at(1_000_001))
        #expect(machine.tick(now: Self.at(1_000_002)) == .none)
    }
}
