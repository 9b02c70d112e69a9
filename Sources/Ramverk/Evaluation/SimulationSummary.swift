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
    public var histogram: [Int]
    public static let histogramBins = 40
    public static let percentileRule = "lägre rangvärdet: sorterade[⌊p·(N − 1)⌋]"

    public var result: Figure { figures[0] }
    public var balanceResult: Figure { figures[1] }

    init(_ run: SimulationResult, model: Model, yearRams: [Int], risks: [QuantifiedRisk]) {
        iterations = run.iterations
        seed = run.seed
        failedIterations = run.failedIterations
        var kinds: [Figure.Kind] = [.result, .balanceResult]
        kinds += yearRams.map { .ramRemaining(year: model.rams[$0].year) }
        kinds += model.riskAnalysis.simulation.followed.map { .followed(label: $0.label) }
        figures = zip(kinds, run.outputs).map { kind, statistics in
            Figure(kind: kind,
                   mean: Money(ore: ExactArithmetic.narrow(ExactArithmetic.divideRounded(statistics.sum, Int128(statistics.count)) ?? 0) ?? 0),
                   p5: Money(ore: statistics.p5), p50: Money(ore: statistics.p50), p95: Money(ore: statistics.p95),
                   minimum: Money(ore: statistics.minimum), maximum: Money(ore: statistics.maximum),
                   belowZero: statistics.belowZeroCount,
                   shareBelowZero: Ratio(micros: Int64(statistics.belowZeroCount) * Ratio.scale / Int64(statistics.count)))
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
        histogram = SimulationSummary.histogram(run.outputs[0])
    }

    /// Bin of a value: ⌊(value − minimum) · bins / (maximum − minimum + 1)⌋.
    private static func histogram(_ statistics: SimulationStatistics) -> [Int] {
        var bins = [Int](repeating: 0, count: histogramBins)
        let range = UInt64(bitPattern: statistics.maximum &- statistics.minimum)
        guard range < UInt64.max else {
            // The whole of Int64: the width does not fit in 64 bits.
            let low = Int128(statistics.minimum)
            let width = Int128(statistics.maximum) - low + 1
            for value in statistics.values { bins[Int((Int128(value) - low) * Int128(histogramBins) / width)] += 1 }
            return bins
        }
        // The same quotient in unsigned 64-bit parts, without widening every value to
        // Int128 (the quotient is below `histogramBins`, so it cannot overflow).
        let width = range + 1
        let low = statistics.minimum
        for value in statistics.values {
            let product = UInt64(bitPattern: value &- low).multipliedFullWidth(by: UInt64(histogramBins))
            bins[Int(width.dividingFullWidth(product).quotient)] += 1
        }
        return bins
    }
}
