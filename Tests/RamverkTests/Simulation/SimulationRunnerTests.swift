import Synchronization
import Testing
@testable import Ramverk

/// The runner: reproducible whatever the threads, failed iterations left out, the
/// driver contributions, progress, and the errors it reports instead of running.
struct SimulationRunnerTests {
    static let drivers: [Distribution] = [
        .normal(mean: 0, sd: 400), .triangular(min: -600, mode: -100, max: 200), .uniform(low: -300, high: 100),
        .lognormal(mean: -200, sd: 150), .event(probability: 0.1, then: .constant(-1_000)),
        .triangular(min: -50, mode: 150, max: 400),
    ]

    /// kSEK to öre, rounded half away from zero.
    static func ore(_ kilo: Double) -> Int64 { Int64((kilo * 100_000).rounded()) }

    /// The mixed model: output 0 the sum plus 1 500, output 1 the largest single
    /// cost; an iteration fails when driver 2 falls in its lowest 5 % (a stand-in for
    /// a division by zero), so the failures depend on the draws alone.
    static func run(threads: Int, seed: UInt64 = 42, iterations: Int = 3 * MonteCarloRunner.chunkSize + 1_234)
        throws -> SimulationResult {
        let correlation = try CorrelationMatrix(size: drivers.count, pairs: [CorrelationPair(0, 1, 0.5),
                                                                            CorrelationPair(1, 3, -0.3)])
        return try MonteCarloRunner.run(drivers: drivers, correlation: correlation, iterations: iterations,
                                        seed: seed, threads: threads, outputs: 2) { draws, outputs in
            if draws[2] < -280 { return false }
            outputs[0] = ore(1_500 + draws.reduce(0, +))
            outputs[1] = ore(draws.min()!)
            return true
        }
    }

    @Test func sameSeedGivesTheSameResultWhateverTheThreads() throws {
        let one = try Self.run(threads: 1)
        #expect(try Self.run(threads: 2) == one)
        #expect(try Self.run(threads: 3) == one)
        #expect(try Self.run(threads: 1) == one)
        #expect(one.outputs.count == 2)
        #expect(one.contributions.count == Self.drivers.count)
    }

    @Test func differentSeedsDiffer() throws {
        let first = try Self.run(threads: 2, seed: 1)
        let second = try Self.run(threads: 2, seed: 2)
        #expect(first.outputs[0].values != second.outputs[0].values)
        #expect(first.outputs[0].mean != second.outputs[0].mean)
        #expect(first.seed == 1 && second.seed == 2)
    }

    @Test func failedIterationsCountInNoStatistic() throws {
        let result = try Self.run(threads: 2)
        let iterations = 3 * MonteCarloRunner.chunkSize + 1_234
        #expect(result.iterations == iterations)
        // P(U(−300, 100) < −280) = 5 %.
        let expected = 0.05 * Double(iterations)
        #expect(abs(Double(result.failedIterations) - expected) < 5 * (expected * 0.95).squareRoot())
        for output in result.outputs {
            #expect(output.count == iterations - result.failedIterations)
            #expect(output.values.count == output.count)
        }
    }

    @Test func theFirstFailedIterationCanBeReplayed() throws {
        let iterations = 3 * MonteCarloRunner.chunkSize + 1_234
        let result = try Self.run(threads: 2)
        let first = try #require(result.firstFailedIteration)
        let correlation = try CorrelationMatrix(size: Self.drivers.count, pairs: [CorrelationPair(0, 1, 0.5),
                                                                                 CorrelationPair(1, 3, -0.3)])
        let replay = { (iteration: Int) in
            MonteCarloRunner.draws(ofIteration: iteration, drivers: Self.drivers, correlation: correlation,
                                   iterations: iterations, seed: 42)
        }
        #expect(replay(first)[2] < -280)
        #expect((0..<first).allSatisfy { replay($0)[2] >= -280 })
    }

    @Test func replayedDrawsAreTheDrawsOfTheRun() throws {
        // Two chunks, the second ending in a short block; every output one driver.
        let iterations = MonteCarloRunner.chunkSize + 300
        let drivers = Array(Self.drivers.prefix(4))
        let correlation = try CorrelationMatrix(size: 4, pairs: [CorrelationPair(0, 1, 0.5)])
        let result = try MonteCarloRunner.run(drivers: drivers, correlation: correlation, iterations: iterations,
                                              seed: 3, threads: 2, outputs: 4) { draws, outputs in
            for driver in 0..<4 { outputs[driver] = Self.ore(draws[driver]) }
            return true
        }
        let replayed = (MonteCarloRunner.chunkSize..<iterations).map {
            MonteCarloRunner.draws(ofIteration: $0, drivers: drivers, correlation: correlation,
                                   iterations: iterations, seed: 3)
        }
        for driver in 0..<4 {
            // The statistics reorder the values, so compare the second chunk's as sets.
            let run = Set(result.outputs[driver].values)
            #expect(replayed.allSatisfy { run.contains(Self.ore($0[driver])) })
        }
    }

    @Test func theMeanAgreesWithTheModel() throws {
        let result = try Self.run(threads: 2)
        // Without the failed iterations driver 2 is U(−280, 100): mean −90 instead of −100.
        let analytic = 1_500 + Self.drivers.reduce(0) { $0 + $1.mean } + 10
        let sd = (Self.drivers.reduce(0) { $0 + $1.variance }).squareRoot() * 1.2  // room for the correlations
        let statistics = result.outputs[0]
        #expect(abs(statistics.mean / 100_000 - analytic) < 5 * sd / Double(statistics.count).squareRoot())
        #expect(statistics.p5 < statistics.p50 && statistics.p50 < statistics.p95)
        #expect(statistics.minimum <= statistics.p5 && statistics.p95 <= statistics.maximum)
    }

    @Test func contributionsOfASumOfIndependentDriversShareTheVariance() throws {
        let drivers: [Distribution] = [.normal(mean: 0, sd: 300), .uniform(low: -300, high: 100),
                                       .triangular(min: -800, mode: -100, max: 50), .constant(7)]
        let result = try MonteCarloRunner.run(drivers: drivers, iterations: 100_000, seed: 5, threads: 2) { draws, outputs in
            // The first driver enters with a minus sign: its correlation is negative.
            outputs[0] = Self.ore(-draws[0] + draws[1] + draws[2] + draws[3])
            return true
        }
        let total = drivers.reduce(0) { $0 + $1.variance }
        let shares = result.contributions.map(\.varianceShare)
        #expect(abs(shares.reduce(0, +) - 1) < 0.02)
        for (driver, distribution) in drivers.enumerated() {
            #expect(abs(shares[driver] - distribution.variance / total) < 0.01)
            let contribution = result.contributions[driver]
            #expect(abs(contribution.mean - distribution.mean) < 5 * (distribution.variance / 100_000).squareRoot() + 1e-9)
            #expect(abs(contribution.standardDeviation - distribution.variance.squareRoot()) < 0.02 * distribution.variance.squareRoot() + 1e-9)
        }
        #expect(result.contributions[0].correlation < -0.5)
        #expect(result.contributions[1].correlation > 0)
        #expect(result.contributions[3].correlation == 0)
    }

    @Test func progressRisesToOneOncePerChunk() throws {
        let reports = Mutex<[Double]>([])
        _ = try MonteCarloRunner.run(drivers: [.uniform(low: 0, high: 1)], iterations: 5 * MonteCarloRunner.chunkSize,
                                     seed: 1, threads: 2, progress: { fraction in reports.withLock { $0.append(fraction) } }) { _, outputs in
            outputs[0] = 1
            return true
        }
        let fractions = reports.withLock { $0 }
        #expect(fractions == [0.2, 0.4, 0.6, 0.8, 1.0])
    }

    @Test func perThreadContextIsMadeOncePerWorker() throws {
        let made = Mutex(0)
        let result = try MonteCarloRunner.run(drivers: [.constant(2)], iterations: 4 * MonteCarloRunner.chunkSize,
                                              seed: 1, threads: 2, outputs: 3,
                                              makeContext: { made.withLock { $0 += 1 }; return [Int64](repeating: 0, count: 4) }) {
            scratch, draws, outputs in
            scratch[0] = Int64(draws[0])
            outputs[0] = scratch[0]
            // outputs[2] is left unwritten: it must read 0.
            outputs[1] = -1
            return true
        }
        #expect(made.withLock { $0 } <= 2)
        #expect(result.outputs[0].p50 == 2)
        #expect(result.outputs[1].probabilityBelowZero == 1)
        #expect(result.outputs[2].maximum == 0 && result.outputs[2].minimum == 0)
        #expect(result.contributions[0].correlation == 0)
    }

    @Test func aModelWithoutDrivers() throws {
        let result = try MonteCarloRunner.run(drivers: [], iterations: 10, seed: 1, threads: 3) { draws, outputs in
            outputs[0] = Int64(draws.count) + 5
            return true
        }
        #expect(result.outputs[0].values == [Int64](repeating: 5, count: 10))
        #expect(result.contributions.isEmpty)
    }

    // MARK: - Errors

    @Test func errorsInsteadOfARun() throws {
        let accept: @Sendable (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Int64>) -> Bool = { _, _ in true }
        #expect(throws: SimulationError.iterationsOutOfRange(limit: MonteCarloRunner.maximumIterations)) {
            try MonteCarloRunner.run(drivers: [], iterations: 0, seed: 1, evaluate: accept)
        }
        #expect(throws: SimulationError.iterationsOutOfRange(limit: 50_000_000)) {
            try MonteCarloRunner.run(drivers: [], iterations: 50_000_001, seed: 1, evaluate: accept)
        }
        #expect(throws: SimulationError.noOutputs) {
            try MonteCarloRunner.run(drivers: [], iterations: 1, seed: 1, outputs: 0, evaluate: accept)
        }
        #expect(throws: SimulationError.invalidDriver(index: 1, problems: [.modeOutsideRange])) {
            try MonteCarloRunner.run(drivers: [.constant(1), .triangular(min: 0, mode: 5, max: 1)],
                                     iterations: 1, seed: 1, evaluate: accept)
        }
        let matrix = try CorrelationMatrix(size: 3, pairs: [CorrelationPair(0, 1, 0.5)])
        #expect(throws: SimulationError.correlationSizeMismatch(drivers: 2, matrix: 3)) {
            try MonteCarloRunner.run(drivers: [.constant(1), .constant(2)], correlation: matrix,
                                     iterations: 1, seed: 1, evaluate: accept)
        }
        #expect(throws: SimulationError.everyIterationFailed(iterations: 20_000)) {
            try MonteCarloRunner.run(drivers: [.constant(1)], iterations: 20_000, seed: 1) { _, _ in false }
        }
    }
}
