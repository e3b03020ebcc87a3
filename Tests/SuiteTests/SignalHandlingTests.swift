import Dispatch
import Primitives
import SuiteCore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct SignalHandlingTests {
    @Test func signalSentToTheWaitingThread_ReachesTheHandler_AsOrdinaryCode() {
        let received = Locked<[Int32]>([])
        let handled = DispatchSemaphore(value: 0)
        // SIGUSR2 aimed at the waiting thread alone (pthread_kill), which has it blocked: nothing
        // else in the test process can see it.
        let waiter = SignalHandling.startWaiting(for: [SIGUSR2]) { signal in
            received.withLock { $0.append(signal) }
            handled.signal()
            return received.current.count < 2
        }

        waiter.deliver(SIGUSR2)
        // Standard signals do not queue: the second must follow the handling of the first.
        handled.wait()
        waiter.deliver(SIGUSR2)
        waiter.waitUntilFinished()

        #expect(received.current == [SIGUSR2, SIGUSR2])
    }

    @Test func terminationSignals_AreSIGTERMAndSIGINT() {
        #expect(SignalHandling.terminationSignals == [SIGTERM, SIGINT])
    }
}
