import Primitives

/// A background job's thread: runs `body` every `interval` until stopped, waking at once when
/// stopped. The services' jobs (points expiry, purchase recovery) are built on it.
///
/// ```swift
/// let task = PeriodicTask(name: "points-expiry", interval: .seconds(60)) { _ in expireDuePoints() }
/// task.start()
/// defer { task.stop() }
/// ```
public final class PeriodicTask: @unchecked Sendable {
    // Safe: `stopping` is only touched while `lock` is held; `thread` is written once in `start`
    // before any other thread can call `stop`; the rest is immutable.
    private let name: String
    private let interval: Duration
    private let runsAtStart: Bool
    private let body: @Sendable (PeriodicTask) -> Void
    private let lock = Lock()
    private var stopping = false
    private var thread: ThreadHandle?

    /// A task named `name` (the thread's name) running `body` every `interval`; the first run
    /// comes at once when `runsAtStart`, else one interval after `start`. `body` receives the
    /// task, to ask `isStopping` during a long run.
    public init(
        name: String, interval: Duration, runsAtStart: Bool = false, _ body: @escaping @Sendable (PeriodicTask) -> Void
    ) {
        self.name = name
        self.interval = interval
        self.runsAtStart = runsAtStart
        self.body = body
    }

    /// Starts the thread.
    public func start() {
        thread = ThreadHandle.spawn(name: name) { [self] in run() }
    }

    /// Stops the thread promptly (it wakes from its wait at once) and waits for it to end.
    public func stop() {
        lock.withLock {
            stopping = true
            lock.broadcast()
        }
        thread?.join()
    }

    /// Whether `stop` was called: a long run checks it between steps.
    public var isStopping: Bool { lock.withLock { stopping } }

    private func run() {
        if runsAtStart, !isStopping { body(self) }
        let waitNanoseconds = interval.nanoseconds
        while true {
            lock.lock()
            let deadline = MonotonicClock.now() &+ waitNanoseconds
            while !stopping, MonotonicClock.now() < deadline {
                lock.wait(untilMonotonicNanoseconds: deadline)
            }
            let stop = stopping
            lock.unlock()
            if stop { return }
            body(self)
        }
    }
}
