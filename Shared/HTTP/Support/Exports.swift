// Principals carry a `CustomerId` and routes read identifiers from paths, so the identifier types
// are part of this module's vocabulary too, and of every module built on it.
@_exported import Identifiers
// Locks, threads and the monotonic clock are part of this module's vocabulary (`Locked`,
// `ThreadHandle`, `MonotonicClock` appear in its API), so importing HTTP brings them along.
@_exported import Primitives
