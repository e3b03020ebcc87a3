/// How the background job writes and removes codes: chunk sizes and pacing.
public struct GenerationSettings: Sendable {
    /// Codes per write transaction while generating (see `CodeGenerator`).
    public var chunkSize: Int64 = 50_000
    /// Candidates drawn and sorted at once while generating.
    public var roundSize: Int64 = 1_000_000
    /// Codes removed (or switched on or off) per write transaction.
    public var removalChunk: Int = 20_000
    /// A rest between two chunks, leaving the writer to other requests for longer; zero by
    /// default, since the writer already takes other transactions between chunks.
    public var pause: Duration = .zero

    /// The defaults.
    public init() {}

    /// Settings with the given sizes.
    public init(chunkSize: Int64, roundSize: Int64 = 1_000_000, removalChunk: Int = 20_000, pause: Duration = .zero) {
        self.chunkSize = chunkSize
        self.roundSize = roundSize
        self.removalChunk = removalChunk
        self.pause = pause
    }
}
