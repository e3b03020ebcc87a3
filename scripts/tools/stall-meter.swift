// Measures how often this CPU is taken away from a running thread, and for how long: it reads
// the monotonic clock in a tight loop and counts the gaps between two readings. On a quiet
// dedicated machine the gaps stay in microseconds; on a shared virtual machine the hypervisor
// pauses the virtual CPU now and then, and every request in flight at that moment waits as long.
// Those pauses set a floor under any benchmark's p99 that no server can go below.
//
// usage: stall-meter SECONDS   (run one per CPU, pinned with taskset, on an otherwise idle machine)
import Glibc

func now() -> Int64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
}

let arguments = CommandLine.arguments
guard arguments.count == 2, let seconds = Double(arguments[1]), seconds > 0, seconds <= 3600 else {
    print("usage: stall-meter SECONDS")
    exit(2)
}
// Gaps of at least 0.5 ms, by upper bound in nanoseconds.
let bounds: [Int64] = [1_000_000, 2_000_000, 5_000_000, 10_000_000, .max]
var counts = [Int](repeating: 0, count: bounds.count)
var stalled: Int64 = 0
var longest: Int64 = 0
let start = now()
let end = start + Int64(seconds * 1e9)
var previous = start
while true {
    let current = now()
    let gap = current - previous
    previous = current
    if current > end { break }
    guard gap >= 500_000 else { continue }
    stalled += gap
    longest = max(longest, gap)
    let index = bounds.firstIndex { gap < $0 } ?? bounds.count - 1
    counts[index] += 1
}
func ms(_ nanoseconds: Int64) -> String {
    let hundredths = (nanoseconds + 5_000) / 10_000
    return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
}
print(
    "pauses ≥0.5 ms: <1 ms \(counts[0]), 1–2 ms \(counts[1]), 2–5 ms \(counts[2]), 5–10 ms \(counts[3]), ≥10 ms \(counts[4]); "
        + "\(ms(stalled)) ms lost in \(Int(seconds)) s, longest \(ms(longest)) ms")
