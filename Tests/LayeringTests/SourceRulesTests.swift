import Foundation
import Testing

/// Habits the package keeps by having one of each, read from the sources like the layers: the
/// product reads the time of day only through `WallClock`, so a test's manual clock dates every
/// row, token and log line; and tests wait on background work only through `eventually`, so
/// every wait has one bound and one way of polling.
struct SourceRulesTests {
    /// A line that breaks a rule, as `path:line: text`; comment lines are not code and are skipped.
    static func lines(
        under folders: [String], matching pattern: Regex<Substring>, except allowed: Set<String>
    ) throws -> [String] {
        try folders.flatMap { try LayeringTests.files(matching: $0) }.flatMap { file -> [String] in
            let path = file.path.replacingOccurrences(of: LayeringTests.root.path + "/", with: "")
            guard !allowed.contains(path) else { return [] }
            let source = try String(contentsOf: file, encoding: .utf8)
            return source.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap {
                index, line in
                let code = line.trimmingCharacters(in: .whitespaces)
                guard !code.hasPrefix("//"), (try? pattern.firstMatch(in: code)) != nil else { return nil }
                return "\(path):\(index + 1): \(code)"
            }
        }
    }

    /// `Date()`, `Date.now`, `time(nil)`, `gettimeofday` and `CLOCK_REALTIME` read the system's time
    /// of day around the one clock a service is given.
    static var wallClockReading: Regex<Substring> {
        #/(?:^|[^\w.])Date\(\)|Date\.now\b|(?:^|[^\w.])time\(nil\)|gettimeofday\(|CLOCK_REALTIME/#
    }

    @Test func theProduct_ReadsTheTimeOfDay_OnlyThroughWallClock() throws {
        let found = try Self.lines(
            under: ["Shared", "Services"], matching: Self.wallClockReading,
            except: ["Shared/Primitives/WallClock.swift"])
        #expect(found.isEmpty, "read the service's WallClock instead:\n\(found.joined(separator: "\n"))")
    }

    /// A loop that compares the clock with a deadline: the shape `eventually` has once.
    static var deadlineLoop: Regex<Substring> { #/while\b.*ContinuousClock\.now\s*<|while\b.*<\s*deadline/# }

    @Test func tests_WaitOnBackgroundWork_OnlyThroughEventually() throws {
        let found = try Self.lines(
            under: ["Tests"], matching: Self.deadlineLoop,
            except: [
                "Tests/TestSupport/Eventually.swift",
                // This file: the rule's own examples.
                "Tests/LayeringTests/SourceRulesTests.swift",
                // Writers that run for a fixed time while the service is killed: a load, not a wait.
                "Tests/IntegrationTests/LoyaltyCrashTests.swift",
                // A client trickling bytes until the server closes: it acts each round, it does not poll.
                "Tests/HTTPTests/SlowlorisTests.swift",
            ])
        #expect(found.isEmpty, "wait with eventually (TestSupport):\n\(found.joined(separator: "\n"))")
    }

    @Test func theRules_FindWhatTheyForbid() throws {
        for line in ["let now = Date()", "x = Date.now", "let t = time(nil)", "clock_gettime(CLOCK_REALTIME, &s)"] {
            #expect((try? Self.wallClockReading.firstMatch(in: line)) != nil, "\(line)")
        }
        for line in ["clock.date()", "Date(timeIntervalSince1970: 0)", "uptime(nil)", "let runtime()"] {
            #expect((try? Self.wallClockReading.firstMatch(in: line)) == nil, "\(line)")
        }
        #expect((try? Self.deadlineLoop.firstMatch(in: "while ContinuousClock.now < deadline {")) != nil)
        #expect((try? Self.deadlineLoop.firstMatch(in: "while isRunning && ContinuousClock.now < deadline {")) != nil)
        #expect((try? Self.deadlineLoop.firstMatch(in: "let started = ContinuousClock.now")) == nil)
    }
}
