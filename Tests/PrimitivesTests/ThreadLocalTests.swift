import Primitives
import Testing

/// `ThreadLocal`, the per-thread slot behind the store's gate bookkeeping and the JSON encoder's
/// per-thread context: one value per thread and instance, let go when its thread ends.
@Suite struct ThreadLocalTests {
    /// An object whose identity and lifetime the tests follow.
    final class Marker: Sendable {
        let number: Int
        init(number: Int) { self.number = number }
    }

    /// A weak reference that can be handed back from another thread.
    struct WeakMarker {
        weak var marker: Marker?
    }

    /// Counts the values made, numbering each.
    final class Factory: Sendable {
        let made = Locked(0)
        func make() -> Marker {
            Marker(
                number: made.withLock {
                    $0 += 1; return $0
                })
        }
    }

    /// Runs `body` on a new thread and waits for the thread to have ended.
    func onOtherThread(_ body: @escaping @Sendable () -> Void) {
        ThreadHandle.spawn(name: "thread-local-test", body).join()
    }

    @Test func aThread_GetsTheSameValue_EveryTime() {
        let factory = Factory()
        let local = ThreadLocal { factory.make() }
        #expect(local.existingValue == nil)
        let first = local.value
        #expect(local.value === first)
        #expect(local.existingValue === first)
        #expect(factory.made.current == 1)
    }

    @Test func eachThread_GetsItsOwnValue() {
        let factory = Factory()
        let local = ThreadLocal { factory.make() }
        let mine = local.value
        let theirs = Locked<[Int]>([])
        for _ in 0..<3 {
            onOtherThread {
                // A new thread starts with nothing, whatever other threads hold.
                let before = local.existingValue
                let value = local.value
                theirs.withLock { $0.append(before == nil ? value.number : -1) }
            }
        }
        #expect(theirs.current == [2, 3, 4])
        #expect(local.value === mine)
    }

    @Test func aThreadsValue_IsReleased_WhenTheThreadEnds() {
        let ended = Locked<[Int]>([])
        let local = ThreadLocal(onThreadEnd: { marker in ended.withLock { $0.append(marker.number) } }) {
            Marker(number: 7)
        }
        let weak = Locked(WeakMarker())
        onOtherThread {
            let marker = local.value
            weak.withLock { $0.marker = marker }
        }
        // join returns after the thread's key destructors ran (pthread_key_create(3)).
        #expect(ended.current == [7])
        #expect(weak.current.marker == nil)
    }

    @Test func aThreadThatNeverAsked_MakesNothing_AndEndsNothing() {
        let factory = Factory()
        let ended = Locked(0)
        let local = ThreadLocal(onThreadEnd: { _ in ended.withLock { $0 += 1 } }) { factory.make() }
        onOtherThread { _ = local.existingValue }
        #expect(factory.made.current == 0)
        #expect(ended.current == 0)
    }

    @Test func twoInstances_DoNotShare() {
        let first = ThreadLocal { Marker(number: 1) }
        let second = ThreadLocal { Marker(number: 2) }
        #expect(first.value.number == 1)
        #expect(second.existingValue == nil)
        #expect(second.value.number == 2)
        #expect(first.value !== second.value)
    }

    @Test func anInstanceThatGoes_LetsGoOfTheCallingThreadsValue() {
        let weak = Locked(WeakMarker())
        let ended = Locked(0)
        do {
            let local = ThreadLocal(onThreadEnd: { _ in ended.withLock { $0 += 1 } }) { Marker(number: 1) }
            let marker = local.value
            weak.withLock { $0.marker = marker }
        }
        #expect(ended.current == 1)
        #expect(weak.current.marker == nil)
    }
}
