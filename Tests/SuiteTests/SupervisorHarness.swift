import Foundation
import Primitives
import SuiteCore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a `Supervisor` on a thread of its own, records its events, and always stops it.
///
/// Waiting for an event is bounded only as a guard against a hung test (never as an assertion
/// about speed): a missing event fails the test instead of blocking the run forever.
final class SupervisorHarness: @unchecked Sendable {
    let supervisor: Supervisor
    private let condition = NSCondition()
    private var events: [SupervisorEvent] = []
    private var outcome: SupervisorOutcome?

    init(children: [ChildSpec], configuration: Supervisor.Configuration) {
        let box = Locked<SupervisorHarness?>(nil)
        supervisor = Supervisor(children: children, configuration: configuration) { event in
            box.current?.record(event)
        }
        box.withLock { $0 = self }
        let thread = Thread { [self] in
            let result = supervisor.run()
            condition.lock()
            outcome = result
            condition.broadcast()
            condition.unlock()
        }
        thread.name = "supervisor-under-test"
        thread.start()
    }

    private func record(_ event: SupervisorEvent) {
        condition.lock()
        events.append(event)
        condition.broadcast()
        condition.unlock()
    }

    /// Every event so far.
    var recorded: [SupervisorEvent] {
        condition.lock()
        defer { condition.unlock() }
        return events
    }

    /// Waits for the first event (from `index` on) that `match` accepts and returns its value.
    func waitFor<T>(from index: Int = 0, _ match: (SupervisorEvent) -> T?) -> T? {
        let giveUp = Date(timeIntervalSinceNow: 30)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if events.count > index, let found = events[index...].lazy.compactMap(match).first {
                return found
            }
            if outcome != nil || !condition.wait(until: giveUp) {
                return events.count > index ? events[index...].lazy.compactMap(match).first : nil
            }
        }
    }

    /// The pid of the given start of a child (0 = first).
    func pid(of name: String, restart: Int) -> pid_t? {
        waitFor { event in
            if case .started(name, let pid, restart) = event { return pid }
            return nil
        }
    }

    /// Waits for `run()` to return by itself.
    func waitForOutcome() -> SupervisorOutcome? {
        let giveUp = Date(timeIntervalSinceNow: 30)
        condition.lock()
        defer { condition.unlock() }
        while outcome == nil {
            if !condition.wait(until: giveUp) { break }
        }
        return outcome
    }

    /// Requests a stop and waits until `run()` has returned, i.e. every child is reaped.
    @discardableResult
    func stop() -> SupervisorOutcome? {
        supervisor.requestStop()
        let result = waitForOutcome()
        if result == nil {
            // Last resort so that no test leaves a process behind.
            supervisor.requestStop()
            _ = waitForOutcome()
        }
        return result
    }
}
