/// What the simulation found, as exact figures for the reports: per followed figure its
/// mean, percentiles and the share of iterations below zero; per risk its contribution.
public struct SimulationSummary: Sendable {
    /// One figure's distribution over the successful iterations.
    public struct Figure: Sendable {
        public enum Kind: Sendable, Equatable {
            case result, balanceResult
            case ramRemaining(year: Int)
            case followed(label: String)
        }
        public var kind: Kind
        /// Mean rounded to whole öre (half away from zero), from the exact sum.
        public var mean: Money
        public var p5: Money
        public var p50: Money
        public var p95: Money
        public var minimum: Money
        public var maximum: Money
        /// Iterations below zero, and their share of the successful ones.
        public var belowZero: Int
        public var shareBelowZero: Ratio
    }

    /// One risk's part in the spread of the result.
    public struct Contribution: Sendable {
        public var name: String
        /// Pearson correlation of the risk's outcome with the result, in millionths.
        public var correlation: Ratio
        /// Its square: the share of the result's variance it explains alone.
        public var varianceShare: Ratio
    }

    public var iterations: Int
    public var seed: UInt64
    public var failedIterations: Int
    public var figures: [Figure]
    /// Largest share of variance first.
    public var contributions: [Contribution]
    /// Counts of the result in `histogramBins` equal bins from its minimum to maximum.
    /// Counted at each call, a pass over every iteration — a method, not a property, so
    /// that a caller asks once: the JSON and HTML reports do, the text report (`kör`)
    /// does not and no longer waits for it.
    public func histogram() -> [Int] { SimulationSummary.histogram(resultStatistics) }
    /// The result's statistics, with its values (shared with the run's, not copied).
    private let resultStatistics: SimulationStatistics
    public static let histogramBins = 40
    public static let percentileRule = "lägre rangvärdet: sorterade[⌊p·(N − 1)⌋]"

    public var result: Figure { figures[0] }
    public var balanceResult: Figure { figures[1] }

    /// The summary of `run`, whose outputs the figures come from as `figures` says
    /// (in output order: result, balance result, each ram's remainder, each followed value).
    init(_ run: SimulationResult, figures sources: [SimulatedFigure], model: Model, yearRams: [Int], risks: [QuantifiedRisk]) {
        iterations = run.iterations
        seed = run.seed
        failedIterations = run.failedIterations
        var kinds: [Figure.Kind] = [.result, .balanceResult]
        kinds += yearRams.map { .ramRemaining(year: model.rams[$0].year) }
        kinds += model.riskAnalysis.simulation.followed.map { .followed(label: $0.label) }
        let count = run.outputs[0].count
        figures = zip(kinds, sources).map { kind, source in
            switch source {
            case .output(let index):
                let statistics = run.outputs[index]
                return Figure(kind: kind,
                              mean: Money(ore: ExactArithmetic.narrow(ExactArithmetic.divideRounded(statistics.sum, Int128(statistics.count)) ?? 0) ?? 0),
                              p5: Money(ore: statistics.p5), p50: Money(ore: statistics.p50), p95: Money(ore: statistics.p95),
                              minimum: Money(ore: statistics.minimum), maximum: Money(ore: statistics.maximum),
                              belowZero: statistics.belowZeroCount,
                              shareBelowZero: Ratio(micros: Int64(statistics.belowZeroCount) * Ratio.scale / Int64(statistics.count)))
            case .constant(let value):
                // What the statistics of `count` copies of the value come to.
                let below = value < 0 ? count : 0
                return Figure(kind: kind, mean: Money(ore: value), p5: Money(ore: value), p50: Money(ore: value),
                              p95: Money(ore: value), minimum: Money(ore: value), maximum: Money(ore: value),
                              belowZero: below, shareBelowZero: Ratio(micros: Int64(below) * Ratio.scale / Int64(count)))
            }
        }
        contributions = zip(risks, run.contributions).map { risk, contribution in
            Contribution(name: model.risks[risk.risk].name.text,
                         correlation: Ratio(micros: Int64((contribution.correlation * 1_000_000).rounded())),
                         varianceShare: Ratio(micros: Int64((contribution.varianceShare * 1_000_000).rounded())))
        }
        // Stable order: by share, then as declared.
        contributions = contributions.enumerated().sorted { a, b in
            a.element.varianceShare.micros != b.element.varianceShare.micros
                ? a.element.varianceShare.micros > b.element.varianceShare.micros : a.offset < b.offset
        }.map(\.element)
        resultStatistics = run.outputs[0]
    }

    /// Bin of a value: ⌊(value − minimum) · bins / (maximum − minimum + 1)⌋.
    static func histogram(_ statistics: SimulationStatistics) -> [Int] {
        var bins = [Int](repeating: 0, count: histogramBins)
        let range = UInt64(bitPattern: statistics.maximum &- statistics.minimum)
        guard range < UInt64.max else {
            // The whole of Int64: the width does not fit in 64 bits.
            let low = Int128(statistics.minimum)
            let width = Int128(statistics.maximum) - low + 1
            for value in statistics.values { bins[Int((Int128(value) - low) * Int128(histogramBins) / width)] += 1 }
            return bins
        }
        let width = range + 1
        let low = statistics.minimum
        guard width > UInt64(histogramBins) else {
            for value in statistics.values {
                let product = UInt64(bitPattern: value &- low).multipliedFullWidth(by: UInt64(histogramBins))
                bins[Int(width.dividingFullWidth(product).quotient)] += 1
            }
            return bins
        }
        // Not a 128-bit division per value: value − minimum = d is in bin k exactly when
        // d ≥ tₖ = ⌈k·width/bins⌉. The estimate ⌊d·m / 2⁶⁴⌋ with m = ⌊2⁶⁴·bins/width⌋
        // (one multiplication) is the bin or the one below it — m is short of
        // 2⁶⁴·bins/width by less than 1, so d·m/2⁶⁴ is short of d·bins/width by less
        // than d/2⁶⁴ < 1 — and one comparison with the next threshold settles which.
        let multiplier = width.dividingFullWidth((high: UInt64(histogramBins), low: 0)).quotient
        let thresholds = (0...histogramBins).map { k -> UInt64 in
            let (quotient, remainder) = UInt64(histogramBins).dividingFullWidth(UInt64(k).multipliedFullWidth(by: width))
            return remainder > 0 ? quotient + 1 : quotient
        }
        thresholds.withUnsafeBufferPointer { thresholds in
            bins.withUnsafeMutableBufferPointer { bins in
                for value in statistics.values {
                    let d = UInt64(bitPattern: value &- low)
                    let estimate = Int(truncatingIfNeeded: d.multipliedFullWidth(by: multiplier).high)
                    bins[estimate &+ (d >= thresholds[estimate &+ 1] ? 1 : 0)] &+= 1
                }
            }
        }
        return bins
    }
}
