#if canImport(Glibc)
    import Glibc
    import CSystem
    import Primitives

    /// One thread running an epoll loop: it owns its listener and connections, the upstream exchanges
    /// its handlers started (`LoopExchange`), and runs tasks other threads hand it (`execute`), woken
    /// through an eventfd. Epoll is level-triggered: a connection whose request is with a handler
    /// simply stops asking for input.
    final class EventLoop: @unchecked Sendable {
        // Safe: everything but `tasks`/`wakePending` (guarded by `taskLock`) is touched only on the
        // loop's own thread.
        let epoll: Int32
        private let wakeFD: Int32
        private let taskLock = Lock()
        private var tasks: [@Sendable () -> Void] = []
        private var wakePending = false
        private var listeners: [Int32: (EventLoop) -> Void] = [:]
        private var connections: [Int32: HTTPConnection] = [:]
        /// The exchanges whose sockets are watched, by fd.
        private var exchanges: [Int32: LoopExchange] = [:]
        /// Every exchange begun here and not yet finished, with a socket or without (while it looks
        /// a name up or waits for a pooled connection): the timer and `stop` reach them all.
        private var liveExchanges: [ObjectIdentifier: LoopExchange] = [:]
        private var stopped = false
        private var lastTick: UInt64 = 0
        let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
        private var thread: ThreadHandle?
        let index: Int

        init(index: Int) throws(SystemError) {
            self.index = index
            epoll = try syscallOrThrow("epoll_create1") { epoll_create1(Int32(EPOLL_CLOEXEC)) }
            wakeFD = try syscallOrThrow("eventfd") { eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC)) }
            try register(wakeFD, events: EPOLLIN.rawValue)
        }

        deinit {
            readBuffer.deallocate()
            close(wakeFD)
            close(epoll)
        }

        /// The loop whose thread is calling, if any: handlers running on a loop start upstream
        /// exchanges on it rather than waiting for them.
        static var current: EventLoop? { currentSlot.value.loop }

        private final class Slot {
            weak var loop: EventLoop?
        }

        private static let currentSlot = ThreadLocal { Slot() }

        func start(name: String) {
            thread = ThreadHandle.spawn(name: name, stackSize: 1024 * 1024) { [self] in run() }
        }

        func join() { thread?.join() }

        /// Runs `task` on the loop's thread soon.
        func execute(_ task: @escaping @Sendable () -> Void) {
            let wake: Bool = taskLock.withLock {
                tasks.append(task)
                if wakePending { return false }
                wakePending = true
                return true
            }
            if wake { signalWake() }
        }

        // MARK: - Registration

        func register(_ fd: Int32, events: UInt32) throws(SystemError) {
            var event = epoll_event(events: events, data: epoll_data_t(fd: fd))
            try syscallOrThrow("epoll_ctl(ADD)") { epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event) }
        }

        func modify(_ fd: Int32, events: UInt32) throws(SystemError) {
            var event = epoll_event(events: events, data: epoll_data_t(fd: fd))
            try syscallOrThrow("epoll_ctl(MOD)") { epoll_ctl(epoll, EPOLL_CTL_MOD, fd, &event) }
        }

        /// Removes `fd` from the epoll set. Failing means it was not in it (or is no longer open):
        /// either way nothing reports on it any more, which is what the callers want.
        func deregister(_ fd: Int32) {
            do {
                try syscallOrThrow("epoll_ctl(DEL)") { epoll_ctl(epoll, EPOLL_CTL_DEL, fd, nil) }
            } catch {
                assert(error.errno == ENOENT || error.errno == EBADF, "\(error)")
            }
        }

        /// Watches a listening socket. Every loop watches the same socket (each through its own
        /// descriptor), so `EPOLLEXCLUSIVE` wakes one waiting loop per new connection, not all.
        func addListener(_ fd: Int32, onReadable: @escaping (EventLoop) -> Void) throws(SystemError) {
            listeners[fd] = onReadable
            try register(fd, events: EPOLLIN.rawValue | EPOLLEXCLUSIVE.rawValue)
        }

        func removeListener(_ fd: Int32) {
            guard listeners.removeValue(forKey: fd) != nil else { return }
            deregister(fd)
            close(fd)
        }

        func adopt(_ connection: HTTPConnection) {
            do {
                try register(connection.fd, events: EPOLLIN.rawValue | EPOLLRDHUP.rawValue)
                connections[connection.fd] = connection
            } catch {
                connection.abandon()
            }
        }

        /// Forgets a closed connection (its fd is closed by the connection itself afterwards).
        func forget(_ fd: Int32) {
            deregister(fd)
            connections.removeValue(forKey: fd)
        }

        /// Forgets a connection whose socket was already removed from the epoll set.
        func forgetWithoutDeregistering(_ fd: Int32) {
            connections.removeValue(forKey: fd)
        }

        var connectionCount: Int { connections.count }

        /// Closes up to `limit` of this loop's idle connections, the longest idle first, to make room
        /// for new clients; returns how many it closed.
        func shedIdleConnections(limit: Int) -> Int {
            let idle = connections.values.filter(\.isIdle).sorted { $0.idleSince < $1.idleSince }.prefix(limit)
            for connection in idle { connection.closeNow() }
            return idle.count
        }

        /// True once `stop` ran: nothing is watched any more.
        var isStopped: Bool { stopped }

        /// An exchange started on this loop; `ended` once it has finished.
        func began(_ exchange: LoopExchange) {
            liveExchanges[ObjectIdentifier(exchange)] = exchange
        }

        func ended(_ exchange: LoopExchange) {
            liveExchanges.removeValue(forKey: ObjectIdentifier(exchange))
        }

        /// Watches an upstream exchange's socket for `events`.
        func watch(_ exchange: LoopExchange, fd: Int32, events: UInt32) throws(SystemError) {
            try register(fd, events: events)
            exchanges[fd] = exchange
        }

        /// Stops watching an upstream exchange's socket (before it goes back to its pool or is closed).
        func unwatch(_ fd: Int32) {
            guard exchanges.removeValue(forKey: fd) != nil else { return }
            deregister(fd)
        }

        /// Begins a graceful stop: idle connections close now, busy ones after their response.
        func drain() {
            for connection in Array(connections.values) { connection.beginDraining() }
        }

        /// Closes the listeners so no new connection arrives here.
        func stopAccepting() {
            for fd in Array(listeners.keys) { removeListener(fd) }
        }

        /// Closes every connection and ends the loop.
        func stop() {
            for connection in Array(connections.values) { connection.closeNow() }
            for exchange in Array(liveExchanges.values) { exchange.abandon() }
            for fd in Array(listeners.keys) { removeListener(fd) }
            stopped = true
        }

        // MARK: - The loop

        private func run() {
            Self.currentSlot.value.loop = self
            defer { Self.currentSlot.value.loop = nil }
            var events = [epoll_event](repeating: epoll_event(), count: 256)
            while !stopped {
                let count = events.withUnsafeMutableBufferPointer { buffer in
                    epoll_wait(epoll, buffer.baseAddress, Int32(buffer.count), 250)
                }
                if count < 0 && errno != EINTR { break }
                if count > 0 {
                    for index in 0..<Int(count) {
                        let event = events[index]
                        let fd = event.data.fd
                        if fd == wakeFD {
                            drainWake()
                        } else if let accept = listeners[fd] {
                            accept(self)
                        } else if let connection = connections[fd] {
                            connection.handle(events: event.events)
                        } else if let exchange = exchanges[fd] {
                            exchange.handle(events: event.events)
                        }
                    }
                }
                runTasks()
                let now = MonotonicClock.now()
                if now &- lastTick >= 200_000_000 {
                    lastTick = now
                    for connection in Array(connections.values) { connection.tick(now: now) }
                    for exchange in Array(liveExchanges.values) { exchange.tick(now: now) }
                }
            }
            runTasks()
        }

        /// Adds one to the eventfd's counter, waking the loop.
        private func signalWake() {
            var one: UInt64 = 1
            wakeCounter("write(eventfd)") { write(wakeFD, &one, 8) }
        }

        /// Resets the eventfd's counter.
        private func drainWake() {
            var value: UInt64 = 0
            wakeCounter("read(eventfd)") { read(wakeFD, &value, 8) }
        }

        /// One call on the eventfd. Would-block means the counter is at its maximum (a write: the
        /// loop is woken anyway) or already reset (a read): done either way. Nothing else can fail
        /// on a descriptor the loop owns.
        private func wakeCounter(_ name: String, _ call: () -> Int) {
            do {
                _ = try syscall(name, call)
            } catch {
                assertionFailure("\(error)")
            }
        }

        private func runTasks() {
            while true {
                let batch: [@Sendable () -> Void] = taskLock.withLock {
                    let current = tasks
                    tasks.removeAll(keepingCapacity: true)
                    if current.isEmpty { wakePending = false }
                    return current
                }
                if batch.isEmpty { return }
                for task in batch { task() }
            }
        }
    }
#endif
