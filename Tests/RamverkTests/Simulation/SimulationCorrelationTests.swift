#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Ramverk

/// Correlation matrices (validation, positive semi-definiteness by Cholesky) and the
/// Gaussian copula that draws correlated drivers.
struct SimulationCorrelationTests {
    // MARK: - The matrix

    @Test func pairsNotGivenAreZero() throws {
        let matrix = try CorrelationMatrix(size: 4, pairs: [CorrelationPair(2, 0, 0.5)])
        #expect(matrix.coefficient(0, 2) == 0.5)
        #expect(matrix.coefficient(2, 0) == 0.5)
        #expect(matrix.coefficient(1, 3) == 0)
        #expect(matrix.coefficient(3, 3) == 1)
        #expect(matrix.correlatedDrivers == [0, 2])
    }

    @Test func theFactorReproducesTheMatrix() throws {
        let pairs = [CorrelationPair(0, 1, 0.5), CorrelationPair(1, 2, -0.3), CorrelationPair(0, 3, 0.2)]
        let matrix = try CorrelationMatrix(size: 5, pairs: pairs)
        let drivers = matrix.correlatedDrivers
        let m = drivers.count
        #expect(drivers == [0, 1, 2, 3])
        for i in 0..<m {
            for j in 0..<m {
                let product = (0..<m).reduce(0.0) { $0 + matrix.factor[i * m + $1] * matrix.factor[j * m + $1] }
                #expect(abs(product - matrix.coefficient(drivers[i], drivers[j])) < 1e-12)
            }
        }
    }

    @Test func everyProblemIsReported() {
        let pairs = [
            CorrelationPair(0, 5, 0.1),    // 0: driver out of range
            CorrelationPair(0, 1, 1.5),    // 1: coefficient out of range
            CorrelationPair(2, 2, 0.5),    // 2: a driver with itself
            CorrelationPair(0, 1, 0.4),    // 3
            CorrelationPair(1, 0, 0.3),    // 4: conflicts with 3
            CorrelationPair(1, 0, 0.4),    // 5: repeats 3, no problem
            CorrelationPair(1, 2, .nan),   // 6: not a coefficient
        ]
        #expect(throws: CorrelationMatrix.Invalid(problems: [
            .driverOutOfRange(pair: 0), .coefficientOutOfRange(pair: 1), .selfCorrelation(pair: 2),
            .conflicting(pair: 4, earlier: 3), .coefficientOutOfRange(pair: 6),
        ])) {
            try CorrelationMatrix(size: 3, pairs: pairs)
        }
    }

    @Test func inconsistentCorrelationsAreNotPositiveSemidefinite() {
        // A and B move together, B and C move together, but A and C opposite: impossible.
        do {
            _ = try CorrelationMatrix(size: 3, pairs: [CorrelationPair(0, 1, 0.9), CorrelationPair(1, 2, 0.9),
                                                       CorrelationPair(0, 2, -0.9)])
            Issue.record("accepted a matrix that is not positive semi-definite")
        } catch {
            guard case .notPositiveSemidefinite(let driver, let pivot)? = error.problems.first else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(error.problems.count == 1)
            #expect(driver == 2)
            // L₃₁ = −0,9, L₃₂ = (0,9 + 0,9·0,9)/√0,19, pivot 1 − 0,81 − 1,71²/0,19 = −15,2.
            #expect(abs(pivot - (1 - 0.81 - 1.71 * 1.71 / 0.19)) < 1e-9)
        }
    }

    @Test func aZeroPivotWithSomethingBelowItIsNotPositiveSemidefinite() {
        // A = B exactly and B = C exactly, so A = C, but A and C are stated uncorrelated.
        #expect(throws: CorrelationMatrix.Invalid.self) {
            try CorrelationMatrix(size: 3, pairs: [CorrelationPair(0, 1, 1), CorrelationPair(1, 2, 1)])
        }
    }

    @Test func perfectCorrelationIsAllowed() throws {
        let matrix = try CorrelationMatrix(size: 3, pairs: [CorrelationPair(0, 1, 1), CorrelationPair(1, 2, 1),
                                                            CorrelationPair(0, 2, 1)])
        let draws = Self.draw([.normal(mean: 0, sd: 1), .normal(mean: 10, sd: 2), .normal(mean: -5, sd: 3)],
                              matrix, rows: 1_000)
        for row in 0..<1_000 {
            #expect(abs(draws[1][row] - (10 + 2 * draws[0][row])) < 1e-9)
            #expect(abs(draws[2][row] - (-5 + 3 * draws[0][row])) < 1e-9)
        }
    }

    // MARK: - The copula

    static let rows = 50_000

    /// Draws `rows` iterations through a sampling plan; one array per driver.
    static func draw(_ drivers: [Distribution], _ matrix: CorrelationMatrix?, rows: Int = rows) -> [[Double]] {
        let plan = SamplingPlan(drivers: drivers, correlation: matrix)
        var generator = SeededGenerator(seed: 99)
        var columns = [[Double]](repeating: [], count: drivers.count)
        // In blocks of the runner's size, as the runner does (a column per driver).
        var block = [Double](repeating: .nan, count: ChunkWorker.blockRows * drivers.count)
        var done = 0
        while done < rows {
            let count = min(ChunkWorker.blockRows, rows - done)
            block.withUnsafeMutableBufferPointer { buffer in
                plan.fill(buffer.baseAddress!, rows: count, columnStride: ChunkWorker.blockRows, using: &generator)
            }
            for d in drivers.indices { columns[d] += block[(d * ChunkWorker.blockRows)..<(d * ChunkWorker.blockRows + count)] }
            done += count
        }
        return columns
    }

    @Test(arguments: [0.6, -0.4, 0.95])
    func correlatedNormalsHaveTheirCorrelation(_ rho: Double) throws {
        let matrix = try CorrelationMatrix(size: 3, pairs: [CorrelationPair(0, 2, rho)])
        let draws = Self.draw([.normal(mean: 100, sd: 20), .uniform(low: 0, high: 1), .normal(mean: -50, sd: 5)], matrix)
        // The standard error of Pearson's r for normals is about (1 − ρ²)/√n.
        let tolerance = 5 * (1 - rho * rho) / Double(Self.rows).squareRoot()
        #expect(abs(SimulationSampleMoments.correlation(draws[0], draws[2]) - rho) < tolerance)
        // The uncorrelated driver stays uncorrelated.
        #expect(abs(SimulationSampleMoments.correlation(draws[0], draws[1])) < 5 / Double(Self.rows).squareRoot())
        // Spearman's ρ of a Gaussian copula is (6/π)·asin(ρ/2), whatever the marginals.
        let spearman = 6 / Double.pi * asin(rho / 2)
        #expect(abs(SimulationSampleMoments.rankCorrelation(draws[0], draws[2]) - spearman) < tolerance)
    }

    @Test func rankCorrelationSurvivesOtherMarginals() throws {
        let drivers: [Distribution] = [
            .triangular(min: -600, mode: -100, max: 200), .lognormal(mean: -200, sd: 150),
            .uniform(low: -300, high: 100), .event(probability: 0.3, then: .normal(mean: -400, sd: 100)),
        ]
        let matrix = try CorrelationMatrix(size: 4, pairs: [CorrelationPair(0, 1, 0.7), CorrelationPair(0, 2, -0.5),
                                                            CorrelationPair(1, 2, -0.2), CorrelationPair(2, 3, 0.4)])
        let draws = Self.draw(drivers, matrix)
        let tolerance = 5 / Double(Self.rows).squareRoot()
        for (i, j, rho) in [(0, 1, 0.7), (0, 2, -0.5), (1, 2, -0.2)] {
            let spearman = 6 / Double.pi * asin(rho / 2)
            #expect(abs(SimulationSampleMoments.rankCorrelation(draws[i], draws[j]) - spearman) < tolerance)
        }
        // The event ties at 0, so only the direction is checked there.
        #expect(SimulationSampleMoments.correlation(draws[2], draws[3]) > 0.1)
        // Each driver keeps its own distribution.
        for (driver, distribution) in drivers.enumerated() {
            let sample = SimulationSampleMoments(draws[driver])
            #expect(sample.meanAgrees(with: distribution.mean))
            #expect(sample.varianceAgrees(with: distribution.variance))
        }
    }
}
