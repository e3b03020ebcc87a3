/// A fixed set of threads running handlers, fed by a bounded queue: a slow handler or SQLite call
/// occupies a worker, never an event loop; when the queue is full, `submit` says no at once and the
/// server answers 503 instead of queueing without bound.
///
/// Each idle worker sleeps on its own condition and `submit` hands a job straight to one of them,
/// so a request wakes exactly one thread and the shared lock is held only for a push or a pop (a
/// single condition shared by all workers made every submit a lock convoy).
final class WorkerPool: @unchecked Sendable {
    // Safe: `queue`, `head`, `idle`, `stopping` are only touched while `lock` is held; a
    // `Worker`'s `job` and `stop` only while its own lock is held.
    typealias Job = @Sendable () -> Void

    private final class Worker: @unchecked Sendable {
        let lock = Lock()
        var job: Job?
        var stop = false
    }

    private let lock = Lock()
    private var queue: [Job?] = []
    private var head = 0
    private var idle: [Worker] = []
    private var stopping = false
    private var busy = 0
    private var threads: [ThreadHandle] = []
    private let maxQueued: Int

    init(threads count: Int, maxQueued: Int, name: String) {
        self.maxQueued = maxQueued
        for index in 0..<max(1, count) {
            let worker = Worker()
            threads.append(ThreadHandle.spawn(name: "\(name)-\(index)") { [unowned self] in self.work(worker) })
        }
    }

    /// Queues a job; false when the queue is full or the pool stopped.
    func submit(_ job: @escaping Job) -> Bool {
        lock.lock()
        if stopping {
            lock.unlock()
            return false
        }
        if let worker = idle.popLast() {
            busy += 1
            lock.unlock()
            worker.lock.withLock {
                worker.job = job
                worker.lock.signal()
            }
            return true
        }
        if queue.count - head >= maxQueued {
            lock.unlock()
            return false
        }
        queue.append(job)
        lock.unlock()
        return true
    }

    /// Jobs waiting or running.
    var load: Int { lock.withLock { queue.count - head + busy } }

    /// Lets the queued jobs finish, then ends the threads.
    func stop() {
        let sleepers: [Worker] = lock.withLock {
            stopping = true
            defer { idle.removeAll() }
            return idle
        }
        for worker in sleepers {
            worker.lock.withLock {
                worker.stop = true
                worker.lock.signal()
            }
        }
        for thread in threads { thread.join() }
        threads.removeAll()
    }

    private func work(_ worker: Worker) {
        var finishedJob = false
        while true {
            lock.lock()
            if finishedJob {
                busy -= 1
                finishedJob = false
            }
            if head < queue.count {
                let job = queue[head]
                queue[head] = nil
                head += 1
                if head == queue.count {
                    queue.removeAll(keepingCapacity: true)
                    head = 0
                } else if head > 1024 && head * 2 > queue.count {
                    queue.removeFirst(head)
                    head = 0
                }
                busy += 1
                lock.unlock()
                job?()
                finishedJob = true
                continue
            }
            if stopping {
                lock.unlock()
                return
            }
            idle.append(worker)
            lock.unlock()
            worker.lock.lock()
            while worker.job == nil && !worker.stop { worker.lock.wait() }
            let job = worker.job
            worker.job = nil
            worker.lock.unlock()
            guard let job else { return }
            job()
            finishedJob = true
        }
    }
}
