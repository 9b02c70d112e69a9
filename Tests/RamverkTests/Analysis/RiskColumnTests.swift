import Testing
@testable import Ramverk

/// The simulation's fast paths against the plain arithmetic they stand for: a risk's
/// column in floating point against `RiskColumn.rounded` and checked integer steps, the
/// histogram's estimate-and-correct against the 128-bit quotient, and the ziggurat's
/// known tail start against its bisection.
struct RiskColumnTests {
    /// Draws at the edges of the rounding: ties both ways, the double just below ½,
    /// large values on either side of 2⁵¹, and what cannot be rounded at all.
    static let edges: [Double] = [
        0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994,
        1e15 + 0.5, -1e15 - 0.5, 4_503_599_627_370_495.5, 0x1p51 - 1, 0x1p51, -0x1p51, 0x1p52 + 2,
        4.5e18, -4.5e18, 4.7e18, .infinity, -.infinity, .nan, 123_456.789, -987_654.321,
    ]

    /// A block of `draws` for driver 0 (column-major, the runner's layout).
    static func withBlock(_ draws: [Double], _ body: (IterationBlock, UnsafeMutablePointer<Int64>) -> Void) {
        var column = draws + [Double](repeating: 0, count: ChunkWorker.blockRows - draws.count)
        var results = [Int64](repeating: 0, count: ChunkWorker.blockRows)
        var flags = [Bool](repeating: true, count: ChunkWorker.blockRows)
        var values = [Int64](repeating: -7, count: ChunkWorker.blockRows)
        column.withUnsafeMutableBufferPointer { column in
            results.withUnsafeMutableBufferPointer { results in
                flags.withUnsafeMutableBufferPointer { flags in
                    values.withUnsafeMutableBufferPointer { values in
                        let block = IterationBlock(rows: draws.count, drivers: 1, outputs: 1, draws: column.baseAddress!,
                                                   results: results.baseAddress!, succeeded: flags.baseAddress!)
                        body(block, values.baseAddress!)
                    }
                }
            }
        }
    }

    /// Row by row with checked steps: the value, or nil for a failed iteration.
    static func expectedAmount(_ draw: Double, base: Int64, replacing: Bool, flip: Bool) -> Int64? {
        guard let drawn = RiskColumn.rounded(draw) else { return nil }
        let (sum, overflow) = replacing ? (drawn, false) : base.addingReportingOverflow(drawn)
        if overflow { return nil }
        if !flip { return sum }
        let (negated, negationOverflow) = (0 as Int64).subtractingReportingOverflow(sum)
        return negationOverflow ? nil : negated
    }

    static func expectedNumber(_ draw: Double, base: Int64, unit: MoneyUnit, replacing: Bool) -> Int64? {
        guard let drawn = RiskColumn.rounded(draw) else { return nil }
        let (sum, overflow) = replacing ? (drawn, false) : base.addingReportingOverflow(drawn)
        return overflow ? nil : RiskColumn.amount(micros: sum, in: unit)
    }

    /// The column and the flags `RiskColumn` leaves, and that the bound it returns holds.
    static func check(_ draws: [Double], expected: (Double) -> Int64?,
                      _ fill: (UnsafeMutablePointer<Int64>, IterationBlock) -> UInt64) {
        withBlock(draws) { block, values in
            let bound = fill(values, block)
            for (row, draw) in draws.enumerated() {
                let want = expected(draw)
                #expect(block.succeeded[row] == (want != nil), "draw \(draw)")
                #expect(values[row] == (want ?? 0), "draw \(draw)")
                #expect(values[row].magnitude <= bound, "draw \(draw)")
            }
        }
    }

    @Test(arguments: [Int64(0), 15_000_000, -3, Int64.max - 10, Int64.min + 10])
    func amountsAgreeWithCheckedRounding(_ base: Int64) {
        // In range (the vector path) and with every edge (the checked path) alike.
        var generator = SeededGenerator(seed: 3)
        let ordinary = (0..<100).map { index in (generator.nextUnitDouble() - 0.5) * 1e7 + (index % 4 == 0 ? 0.5 : 0) }
        for draws in [ordinary, Self.edges] {
            for replacing in [false, true] {
                for flip in [false, true] {
                    Self.check(draws, expected: { Self.expectedAmount($0, base: base, replacing: replacing, flip: flip) }) {
                        RiskColumn.amounts($0, risk: 0, $1, base: base, replacing: replacing, flip: flip)
                    }
                }
            }
        }
    }

    @Test(arguments: MoneyUnit.allCases)
    func numbersAgreeWithCheckedRounding(_ unit: MoneyUnit) {
        var generator = SeededGenerator(seed: 5)
        // Millionths whose amounts land on half öre and near them.
        let ordinary = (0..<100).map { index -> Double in
            let whole = Double(Int64(generator.nextUnitDouble() * 2e9) - 1_000_000_000)
            return index % 3 == 0 ? whole * 5 : whole + (index % 2 == 0 ? 0.5 : 0.25)
        }
        for base in [Int64(0), 15_000_000_000, -5, Int64(1) << 54] {
            for draws in [ordinary, Self.edges] {
                for replacing in [false, true] {
                    Self.check(draws, expected: { Self.expectedNumber($0, base: base, unit: unit, replacing: replacing) }) {
                        RiskColumn.numbers($0, risk: 0, $1, base: base, unit: unit, replacing: replacing)
                    }
                }
            }
        }
    }

    /// ⌊(value − minimum) · bins / (maximum − minimum + 1)⌋, as the report defines a bin.
    static func referenceHistogram(_ values: [Int64]) -> [Int] {
        let low = Int128(values.min()!)
        let width = Int128(values.max()!) - low + 1
        var bins = [Int](repeating: 0, count: SimulationSummary.histogramBins)
        for value in values { bins[Int((Int128(value) - low) * Int128(SimulationSummary.histogramBins) / width)] += 1 }
        return bins
    }

    @Test(arguments: [UInt64(7), 39, 40, 41, 1_000, 1 << 40, UInt64(Int64.max), UInt64.max])
    func histogramAgreesWithTheQuotient(_ spread: UInt64) {
        var generator = SeededGenerator(seed: spread)
        var values = (0..<5_000).map { _ in Int64(bitPattern: spread == .max ? generator.next() : generator.next() % (spread + 1)) }
        // The extremes and the values either side of every bin boundary.
        let low = values.min()!
        values += [low, low &+ Int64(bitPattern: spread)]
        for k in 1..<SimulationSummary.histogramBins {
            let boundary = Int64(bitPattern: UInt64((Int128(k) * (Int128(spread) + 1) + 39) / 40))
            values += [low &+ boundary &- 1, low &+ boundary]
        }
        values = values.filter { UInt64(bitPattern: $0 &- low) <= spread }
        let statistics = SimulationStatistics(values: values)
        #expect(SimulationSummary.histogram(statistics) == Self.referenceHistogram(values))
    }

    @Test func zigguratTailStartIsTheBisections() {
        #expect(Ziggurat.tailStart() == Ziggurat.bisectedTailStart())
        #expect(Ziggurat.shared.r == Ziggurat.knownTailStart)
    }
}
