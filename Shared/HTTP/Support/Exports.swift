// Locks, threads and the monotonic clock are part of this module's vocabulary (`Locked`,
// `ThreadHandle`, `MonotonicClock` appear in its API), so importing HTTP brings them along.
@_exported import Primitives
