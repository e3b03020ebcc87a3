import Contract
import FoundationEssentials
import Store

/// The helpdesk's figures, computed from the threads' times in whole milliseconds.
enum HelpdeskStatsRepository {
    static func stats(from: Date?, to: Date?, in connection: Connection) throws -> HelpdeskStats {
        var period = SQLConditions()
        period.add("created_at >= ?", ifPresent: from)
        period.add("created_at <= ?", ifPresent: to)
        let threads =
            try connection.scalar(
                "SELECT count(*) FROM threads WHERE \(period.joined)", bindings: period.bindings, as: Int64.self) ?? 0
        var open: [String: Int64] = [:]
        for status in ThreadStatus.allCases where status != .closed { open[status.rawValue] = 0 }
        for row in try connection.query(
            "SELECT status, count(*) AS n FROM threads WHERE status != 'closed' GROUP BY status")
        {
            open[try row.get("status", as: String.self)] = try row.get("n")
        }
        return HelpdeskStats(
            from: from, to: to, threads: threads,
            firstResponse: try figures("first_response_at - created_at", period: period, in: connection),
            resolution: try figures("closed_at - created_at", period: period, in: connection), openByStatus: open)
    }

    /// Count, mean and lower median of `duration` (milliseconds, NULL where there is none) over
    /// the period's threads, in whole seconds rounded down.
    static func figures(_ duration: String, period: SQLConditions, in connection: Connection) throws
        -> DurationFigures
    {
        let durations = "SELECT \(duration) AS d FROM threads WHERE \(period.joined) AND \(duration) IS NOT NULL"
        guard
            let row = try connection.queryOne(
                "SELECT count(*) AS n, sum(d) AS total FROM (\(durations))", bindings: period.bindings),
            let count = try row.get("n", as: Int64?.self), count > 0
        else { return DurationFigures(count: 0, averageSeconds: nil, medianSeconds: nil) }
        let total = try row.get("total", as: Int64.self)
        let median = try connection.scalar(
            "SELECT d FROM (\(durations)) ORDER BY d LIMIT 1 OFFSET ?", bindings: period.bindings + [(count - 1) / 2],
            as: Int64.self)
        return DurationFigures(
            count: count, averageSeconds: total / count / 1000, medianSeconds: median.map { $0 / 1000 })
    }
}
