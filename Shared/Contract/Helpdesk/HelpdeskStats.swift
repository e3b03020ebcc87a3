import FoundationEssentials

/// `GET /v1/stats`: response figures over the threads opened in a period, and the open threads
/// per status now.
public struct HelpdeskStats: Codable, Sendable, Hashable {
    public var from: Date?
    public var to: Date?
    /// Threads opened in the period.
    public var threads: Int64
    /// From opening to the first operator reply, over the threads that have one.
    public var firstResponse: DurationFigures
    /// From opening to closing, over the threads closed now.
    public var resolution: DurationFigures
    /// Threads not closed, per status (every status but closed, zeros included), whenever opened.
    public var openByStatus: [String: Int64]

    /// Creates the statistics.
    public init(
        from: Date?, to: Date?, threads: Int64, firstResponse: DurationFigures, resolution: DurationFigures,
        openByStatus: [String: Int64]
    ) {
        self.from = from
        self.to = to
        self.threads = threads
        self.firstResponse = firstResponse
        self.resolution = resolution
        self.openByStatus = openByStatus
    }
}

/// Durations in whole seconds: how many, their mean (rounded down) and median (the lower middle).
public struct DurationFigures: Codable, Sendable, Hashable {
    public var count: Int64
    public var averageSeconds: Int64?
    public var medianSeconds: Int64?

    /// Creates figures; the mean and median are null without any.
    public init(count: Int64, averageSeconds: Int64?, medianSeconds: Int64?) {
        self.count = count
        self.averageSeconds = averageSeconds
        self.medianSeconds = medianSeconds
    }
}
