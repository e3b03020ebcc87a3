#if canImport(Glibc)
    import Glibc
    import CSystem
#elseif canImport(Darwin)
    import Darwin
#endif

/// A joinable POSIX thread running a closure.
public final class ThreadHandle: @unchecked Sendable {
    // Safe: `thread` is written once before `spawn` returns and only read by `join`.
    private var thread: pthread_t

    private init(thread: pthread_t) { self.thread = thread }

    /// Starts `body` on a new thread named `name` (as `top` and `ps -L` show it, 15 bytes at most).
    public static func spawn(name: String, stackSize: Int = 8 * 1024 * 1024, _ body: @escaping @Sendable () -> Void)
        -> ThreadHandle
    {
        final class Box: @unchecked Sendable {
            let body: @Sendable () -> Void
            let name: String
            init(_ body: @escaping @Sendable () -> Void, name: String) {
                self.body = body
                self.name = name
            }
        }
        let box = Unmanaged.passRetained(Box(body, name: name)).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        pthread_attr_setstacksize(&attributes, stackSize)
        var thread = pthread_t()
        let result = pthread_create(
            &thread, &attributes,
            { raw in
                guard let raw else { return nil }
                let box = Unmanaged<Box>.fromOpaque(raw).takeRetainedValue()
                #if canImport(Glibc)
                    _ = zapleczeSetThreadName(String(box.name.prefix(15)))
                #endif
                box.body()
                return nil
            }, box)
        pthread_attr_destroy(&attributes)
        precondition(result == 0, "pthread_create failed: \(result)")
        return ThreadHandle(thread: thread)
    }

    /// Lets the thread's resources go when it ends, for threads nobody joins.
    public func detach() {
        pthread_detach(thread)
    }

    /// Waits for the thread to end.
    public func join() {
        pthread_join(thread, nil)
    }
}
