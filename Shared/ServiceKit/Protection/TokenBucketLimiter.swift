import Primitives

/// Token buckets keyed by a string (a client address, a customer id): each key may spend up to
/// `burst` requests at once and regains `perSecond` of them every second.
///
/// ```swift
/// let limiter = TokenBucketLimiter(rule: .init(perSecond: 10, burst: 20))
/// if case .limited(let retryAfter) = limiter.acquire("203.0.113.7") { … 429, Retry-After: retryAfter }
/// ```
///
/// Memory is bounded: at most `maxKeys` buckets are kept. A bucket that has refilled completely
/// is the same as no bucket, so such idle buckets are dropped first; if the table is still full,
/// the least recently used eighth of a shard goes. The keys are spread over shards, each with its
/// own lock, so concurrent callers rarely wait for one another. Time comes from an injected
/// monotonic clock (nanoseconds), so tests need no sleeping.
public final class TokenBucketLimiter: Sendable {
    /// How fast a bucket refills and how much it holds.
    public struct Rule: Sendable, Equatable {
        /// Tokens regained per second.
        public var perSecond: Double
        /// The bucket's size: requests allowed at once after a quiet spell.
        public var burst: Double

        /// Creates a rule; `burst` below 1 is raised to 1 so a request can ever pass.
        public init(perSecond: Double, burst: Double) {
            self.perSecond = perSecond
            self.burst = max(1, burst)
        }

        /// `count` requests per minute with a burst of `burst`.
        public static func perMinute(_ count: Double, burst: Double) -> Rule {
            Rule(perSecond: count / 60, burst: burst)
        }
    }

    /// The answer to one request.
    public enum Decision: Sendable, Equatable {
        case allowed
        /// Refused; a token will be there in this many whole seconds (at least 1).
        case limited(retryAfterSeconds: Int)
    }

    private static let epsilon = 1e-9

    private struct Bucket {
        var tokens: Double
        var updatedAt: UInt64
    }

    private struct Shard {
        var buckets: [String: Bucket] = [:]
        var operations = 0
    }

    public let rule: Rule
    public let maxKeys: Int
    private let shards: [Locked<Shard>]
    private let perShardLimit: Int
    private let clock: MonotonicClock

    /// Creates a limiter holding at most `maxKeys` keys.
    public init(
        rule: Rule, maxKeys: Int = 100_000, shards: Int = 16,
        clock: MonotonicClock = .system
    ) {
        self.rule = rule
        let shardCount = max(1, min(shards, maxKeys))
        self.maxKeys = max(1, maxKeys)
        self.perShardLimit = max(1, self.maxKeys / shardCount)
        self.shards = (0..<shardCount).map { _ in Locked(Shard()) }
        self.clock = clock
    }

    /// Takes one token for `key` if there is one.
    public func acquire(_ key: String) -> Decision {
        update(key, take: true, force: false)
    }

    /// Whether `key` has a token, without taking it.
    public func peek(_ key: String) -> Decision {
        update(key, take: false, force: false)
    }

    /// Takes one token for `key` even when that leaves the bucket in debt (for charging a
    /// failure after the fact, e.g. a rejected credential).
    public func charge(_ key: String) {
        _ = update(key, take: true, force: true)
    }

    /// How many keys are tracked now.
    public var keyCount: Int {
        shards.reduce(0) { $0 + $1.withLock { $0.buckets.count } }
    }

    private func update(_ key: String, take: Bool, force: Bool) -> Decision {
        let now = clock.now()
        var hasher = Hasher()
        hasher.combine(key)
        let index = Int(UInt(bitPattern: hasher.finalize()) % UInt(shards.count))
        return shards[index].withLock { shard in
            shard.operations &+= 1
            var bucket: Bucket
            if let existing = shard.buckets[key] {
                bucket = existing
                bucket.tokens = refilled(existing, now: now)
                bucket.updatedAt = now
            } else {
                // A key never seen (or forgotten because it was idle) starts with a full bucket.
                if !take { return .allowed }
                if shard.buckets.count >= perShardLimit || shard.operations % 4096 == 0 {
                    evict(&shard, now: now)
                }
                bucket = Bucket(tokens: rule.burst, updatedAt: now)
            }
            let decision: Decision
            // The epsilon absorbs rounding in the refill (1/6 token per second times 6 s is not
            // exactly 1 in binary floating point).
            if bucket.tokens >= 1 - Self.epsilon {
                decision = .allowed
                if take { bucket.tokens -= 1 }
            } else {
                decision = .limited(retryAfterSeconds: retryAfter(tokens: bucket.tokens))
                // A debt is bounded by one burst so a storm of failures cannot lock a key out for
                // longer than two bursts' refill.
                if force { bucket.tokens = max(bucket.tokens - 1, -rule.burst) }
            }
            shard.buckets[key] = bucket
            return decision
        }
    }

    private func refilled(_ bucket: Bucket, now: UInt64) -> Double {
        let elapsed = now > bucket.updatedAt ? Double(now - bucket.updatedAt) / 1e9 : 0
        return min(rule.burst, bucket.tokens + elapsed * rule.perSecond)
    }

    private func retryAfter(tokens: Double) -> Int {
        guard rule.perSecond > 0 else { return 3600 }
        let seconds = ((1 - tokens) / rule.perSecond - Self.epsilon).rounded(.up)
        return Int(min(max(seconds, 1), 86_400))
    }

    /// Drops full (idle) buckets; if the shard is still at its limit, drops its least recently
    /// used eighth.
    private func evict(_ shard: inout Shard, now: UInt64) {
        shard.buckets = shard.buckets.filter { refilled($0.value, now: now) < rule.burst }
        guard shard.buckets.count >= perShardLimit else { return }
        let victims = shard.buckets.sorted { $0.value.updatedAt < $1.value.updatedAt }.prefix(max(1, perShardLimit / 8))
        for (key, _) in victims { shard.buckets.removeValue(forKey: key) }
    }
}
