import Foundation

/// Polls `condition` every `interval` until it holds or `timeout` passes; returns whether it
/// held. For state that only polling can see — work done by background threads such as the
/// outbox dispatcher, a server's connection count, a database's queue — whose timing a test
/// cannot drive with a manual clock. The timeout only bounds a failing test: one that passes
/// returns as soon as the condition holds.
@discardableResult
public func eventually(
    timeout: Duration = .seconds(30), interval: Duration = .milliseconds(2), _ condition: () throws -> Bool
) rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    let pause = useconds_t(
        interval.components.seconds * 1_000_000 + interval.components.attoseconds / 1_000_000_000_000)
    while ContinuousClock.now < deadline {
        if try condition() { return true }
        usleep(pause)
    }
    return try condition()
}
