#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One object per thread: made by `make` on a thread's first use, let go when that thread ends.
///
/// ```swift
/// private static let scratch = ThreadLocal { Scratch() }
/// scratch.value.append(bytes)             // the calling thread's own Scratch
/// ```
///
/// Built on a pthread key whose destructor runs in each ending thread that set a value
/// (pthread_key_create(3)). Make instances live at least as long as the threads that use them,
/// as a `static let` does: when an instance goes, pthread_key_delete(3) runs no destructors, so
/// the values other threads still hold are never released.
public final class ThreadLocal<Value: AnyObject>: @unchecked Sendable {
    // Safe: `key` and the closures are set once in `init`; each thread reads and writes only its
    // own slot of the key, which needs no lock.
    private let key: pthread_key_t
    private let make: @Sendable () -> Value
    private let onThreadEnd: (@Sendable (Value) -> Void)?

    /// A key whose values come from `make`; `onThreadEnd` gets a thread's value as the thread
    /// ends, for values that must be taken apart (a reference cycle) rather than just released.
    public init(onThreadEnd: (@Sendable (Value) -> Void)? = nil, make: @escaping @Sendable () -> Value) {
        var key = pthread_key_t()
        let status = pthread_key_create(&key, endThreadLocalSlot)
        // Fails only when the process has used up its keys (PTHREAD_KEYS_MAX), a programming error.
        precondition(status == 0, "pthread_key_create failed: \(status)")
        self.key = key
        self.make = make
        self.onThreadEnd = onThreadEnd
    }

    deinit {
        // The calling thread's value goes now, as it would when the thread ended.
        if let pointer = pthread_getspecific(key) {
            pthread_setspecific(key, nil)
            Unmanaged<ThreadLocalSlot>.fromOpaque(pointer).takeRetainedValue().end()
        }
        pthread_key_delete(key)
    }

    /// The calling thread's value, made on its first use on this thread.
    public var value: Value {
        if let existing = existingValue { return existing }
        let slot = Slot(value: make(), onThreadEnd: onThreadEnd)
        pthread_setspecific(key, Unmanaged.passRetained(slot).toOpaque())
        return slot.value
    }

    /// The calling thread's value if it has made one; never makes one.
    public var existingValue: Value? {
        guard let pointer = pthread_getspecific(key) else { return nil }
        return Unmanaged<Slot>.fromOpaque(pointer).takeUnretainedValue().value
    }

    /// A thread's value with what to do when the thread ends.
    private final class Slot: ThreadLocalSlot {
        let value: Value
        let onThreadEnd: (@Sendable (Value) -> Void)?

        init(value: Value, onThreadEnd: (@Sendable (Value) -> Void)?) {
            self.value = value
            self.onThreadEnd = onThreadEnd
        }

        override func end() { onThreadEnd?(value) }
    }
}

/// What a key holds for a thread, seen without its value's type: the key's destructor is a C
/// function and cannot be generic.
private class ThreadLocalSlot {
    /// Called once as the slot is let go.
    func end() {}
}

/// The destructor of every `ThreadLocal` key: ends the slot and drops the reference the key held.
/// It runs only for a non-null value, on the ending thread (pthread_key_create(3)).
private func endThreadLocalSlot(_ pointer: UnsafeMutableRawPointer?) {
    guard let pointer else { return }
    Unmanaged<ThreadLocalSlot>.fromOpaque(pointer).takeRetainedValue().end()
}
