/// A fixed set of threads running handlers, fed by a bounded queue: a slow handler or SQLite call
/// occupies a worker, never an event loop; when the queue is full, `submit` says no at once and the
/// server answers 503 instead of queueing without bound.
final class WorkerPool: @unchecked Sendable {
    // Safe: `queue`, `head` and `stopping` are only touched while `lock` is held.
    private let lock = Lock()
    private var queue: [(@Sendable () -> Void)?] = []
    private var head = 0
    private var stopping = false
    private var threads: [ThreadHandle] = []
    private let maxQueued: Int
    private var busy = 0

    init(threads count: Int, maxQueued: Int, name: String) {
        self.maxQueued = maxQueued
        for index in 0..<max(1, count) {
            threads.append(ThreadHandle.spawn(name: "\(name)-\(index)") { [unowned self] in self.work() })
        }
    }

    /// Queues a job; false when the queue is full or the pool stopped.
    func submit(_ job: @escaping @Sendable () -> Void) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if stopping || queue.count - head >= maxQueued { return false }
        queue.append(job)
        lock.signal()
        return true
    }

    /// Jobs waiting or running.
    var load: Int { lock.withLock { queue.count - head + busy } }

    /// Lets the queued jobs finish, then ends the threads.
    func stop() {
        lock.withLock {
            stopping = true
            lock.broadcast()
        }
        for thread in threads { thread.join() }
        threads.removeAll()
    }

    private func work() {
        while true {
            lock.lock()
            while head == queue.count && !stopping { lock.wait() }
            if head == queue.count {
                lock.unlock()
                return
            }
            let job = queue[head]
            queue[head] = nil
            head += 1
            if head > 1024 && head * 2 > queue.count {
                queue.removeFirst(head)
                head = 0
            }
            busy += 1
            lock.unlock()
            job?()
            lock.withLock { busy -= 1 }
        }
    }
}
