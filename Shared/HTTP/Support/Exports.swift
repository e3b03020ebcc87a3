// Methods and percent-encoding are HTTP's words with no I/O, kept in a leaf module so that the
// contract's route declarations can use them without depending on the server; importing HTTP
// brings them along.
@_exported import HTTPTypes
// Locks, threads and the monotonic clock are part of this module's vocabulary (`Locked`,
// `ThreadHandle`, `MonotonicClock` appear in its API), so importing HTTP brings them along.
@_exported import Primitives
