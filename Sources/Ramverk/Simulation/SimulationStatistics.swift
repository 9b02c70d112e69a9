/// The distribution of one output over a run's successful iterations, in exact öre.
///
/// Every iteration's value is kept (8 bytes per iteration per output, which is why a
/// run has `MonteCarloRunner.maximumIterations`), so any percentile can be asked for
/// afterwards. Percentiles use the "lower" rule: the value of rank ⌊p·(N − 1)⌋ in
/// ascending order, an actual result (never an interpolation between two), the rule
/// of `shared/bench/mc.c` and numpy's `method="lower"`.
public struct SimulationStatistics: Sendable, Equatable {
    /// The number of values (successful iterations); at least 1.
    public let count: Int
    /// Their exact sum: Int128 holds 2⁶³ öre times 2⁶⁴ iterations, so it cannot overflow.
    public let sum: Int128
    public let minimum: Int64
    public let maximum: Int64
    /// The 5th, 50th and 95th percentiles by the lower rule.
    public let p5: Int64
    public let p50: Int64
    public let p95: Int64
    /// How many values are below 0.
    public let belowZeroCount: Int
    /// Every value, in the order given (a run's: iteration order).
    public let values: [Int64]

    /// The statistics of `values` (not empty).
    public init(values: consuming [Int64]) {
        precondition(!values.isEmpty, "statistics of at least one value")
        var tally = OutputTally()
        values.withUnsafeBufferPointer { tally.add($0.baseAddress!, count: $0.count) }
        self.init(values: values, tally: tally)
    }

    /// The statistics of `values` (not empty), whose sum, extremes and negatives are
    /// `tally` already (a run tallies each chunk as it goes).
    init(values: consuming [Int64], tally: OutputTally) {
        precondition(!values.isEmpty && tally.count == values.count, "a tally of the values, at least one")
        let n = values.count
        let ranks = [0.05, 0.5, 0.95].map { Self.rank(of: $0, count: n) }
        let found = values.withUnsafeBufferPointer {
            RankSelect.select(ranks: ranks, in: $0, low: tally.minimum, high: tally.maximum)
        }
        count = n
        sum = tally.sum
        minimum = tally.minimum
        maximum = tally.maximum
        p5 = found[0]
        p50 = found[1]
        p95 = found[2]
        belowZeroCount = tally.belowZero
        self.values = values
    }

    /// The mean in öre, sum / count (a double: the mean of whole öre is rarely whole).
    public var mean: Double { Double(sum) / Double(count) }

    /// P(value < 0), the share of iterations with a negative result.
    public var probabilityBelowZero: Double { Double(belowZeroCount) / Double(count) }

    /// The rank of percentile p (in [0, 1]) among `count` sorted values: ⌊p·(N − 1)⌋.
    public static func rank(of p: Double, count: Int) -> Int {
        let clamped = Swift.min(Swift.max(p, 0), 1)
        return Swift.min(Int((clamped * Double(count - 1)).rounded(.down)), count - 1)
    }

    /// Percentile p (in [0, 1]) by the lower rule. Costs two passes over the values;
    /// ask for several at once with `percentiles(_:)`.
    public func percentile(_ p: Double) -> Int64 {
        percentiles([p])[0]
    }

    /// Percentiles by the lower rule, in the order asked.
    public func percentiles(_ ps: [Double]) -> [Int64] {
        let ranks = ps.map { Self.rank(of: $0, count: count) }
        return values.withUnsafeBufferPointer { RankSelect.select(ranks: ranks, in: $0, low: minimum, high: maximum) }
    }

    /// P(value > threshold).
    public func probability(above threshold: Int64) -> Double {
        var above = 0
        for value in values where value > threshold { above += 1 }
        return Double(above) / Double(count)
    }

    /// P(value < threshold).
    public func probability(below threshold: Int64) -> Double {
        var below = 0
        for value in values where value < threshold { below += 1 }
        return Double(below) / Double(count)
    }
}
