import Testing
@testable import Ramverk

/// The statistics of an output: exact mean, the "lower" percentile rule, the rank
/// selection against a sort, and the probabilities of falling below or above a threshold.
struct SimulationStatisticsTests {
    @Test func lowerRuleOnASmallArray() {
        // Sorted: −30 −10 0 5 7 12 20 40 90 100 (N = 10, so rank ⌊p·9⌋).
        let statistics = SimulationStatistics(values: [20, -10, 100, 0, 7, -30, 90, 5, 40, 12])
        #expect(statistics.p5 == -30)       // ⌊0,45⌋ = 0
        #expect(statistics.p50 == 7)        // ⌊4,5⌋ = 4
        #expect(statistics.p95 == 90)       // ⌊8,55⌋ = 8
        #expect(statistics.percentile(0) == -30)
        #expect(statistics.percentile(1) == 100)
        #expect(statistics.percentile(0.25) == 0)   // ⌊2,25⌋ = 2
        #expect(statistics.percentiles([0.9, 0.2, 0.9]) == [90, -10, 90])   // ⌊8,1⌋, ⌊1,8⌋
        #expect(statistics.minimum == -30)
        #expect(statistics.maximum == 100)
        #expect(statistics.sum == 234)
        #expect(statistics.mean == 23.4)
        #expect(statistics.belowZeroCount == 2)
        #expect(statistics.probabilityBelowZero == 0.2)
        #expect(statistics.probability(above: 20) == 0.3)
        #expect(statistics.probability(below: 7) == 0.4)
    }

    @Test func rankMatchesTheBenchmarkRule() {
        // (long)(0.05 * (n − 1)) in mc.c.
        #expect(SimulationStatistics.rank(of: 0.05, count: 1_000_000) == 49_999)
        #expect(SimulationStatistics.rank(of: 0.5, count: 1_000_000) == 499_999)
        #expect(SimulationStatistics.rank(of: 0.95, count: 1_000_000) == 949_999)
        #expect(SimulationStatistics.rank(of: 0.5, count: 1) == 0)
    }

    @Test(arguments: [1, 2, 3, 17, 1_000, 4_097, 100_000])
    func rankSelectionAgreesWithSorting(_ count: Int) {
        var generator = SeededGenerator(seed: UInt64(count))
        // Few distinct values as well as many: runs of equal values must not trip it.
        for spread in [UInt64(5), 1 << 40] {
            let values = (0..<count).map { _ in Int64(bitPattern: generator.next() % spread) - Int64(spread / 2) }
            let sorted = values.sorted()
            let ps = [0, 0.01, 0.05, 0.3, 0.5, 0.95, 0.999, 1]
            let statistics = SimulationStatistics(values: values)
            #expect(statistics.percentiles(ps) == ps.map { sorted[SimulationStatistics.rank(of: $0, count: count)] })
            #expect(statistics.p50 == sorted[SimulationStatistics.rank(of: 0.5, count: count)])
            #expect(statistics.values == values)
        }
    }

    /// Shapes that put most values in one bucket of the first pass: a spike with far
    /// outliers, the extremes of Int64, and a constant.
    @Test func rankSelectionOnSpikesAndExtremes() {
        var generator = SeededGenerator(seed: 7)
        let spike = (0..<50_000).map { index -> Int64 in
            index % 1_000 == 0 ? Int64(bitPattern: generator.next()) : 1_000_000 + Int64(generator.next() % 300)
        }
        let corners: [Int64] = [.min, .max, 0, -1]
        let extremes = (0..<3_000).map { index -> Int64 in
            let step = Int64(index / 4 % 3)
            return index % 2 == 0 ? corners[index % 4] &+ step : corners[index % 4] &- step
        }
        let constant = [Int64](repeating: -42, count: 10_000)
        let shapes: [[Int64]] = [spike, extremes, constant]
        for values in shapes {
            let sorted = values.sorted()
            let ps: [Double] = [0, 0.001, 0.05, 0.25, 0.5, 0.95, 0.999, 1]
            let statistics = SimulationStatistics(values: values)
            let expected = ps.map { sorted[SimulationStatistics.rank(of: $0, count: values.count)] }
            #expect(statistics.percentiles(ps) == expected)
            #expect([statistics.p5, statistics.p50, statistics.p95] == [expected[2], expected[4], expected[5]])
        }
    }

    @Test func theSumIsExactBeyondSixtyFourBits() {
        let statistics = SimulationStatistics(values: [Int64.max, Int64.max, Int64.max, -1])
        #expect(statistics.sum == 3 * Int128(Int64.max) - 1)
        #expect(statistics.mean == Double(3 * Int128(Int64.max) - 1) / 4)
    }
}
