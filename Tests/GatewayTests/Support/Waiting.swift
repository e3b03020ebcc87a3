import Foundation

/// Polls `condition` until it holds or `timeout` passes (for work done by background threads,
/// such as the outbox dispatcher, whose timing a test cannot drive); returns whether it held.
func eventually(timeout: Duration = .seconds(20), _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try condition() { return true }
        usleep(20_000)
    }
    return try condition()
}
