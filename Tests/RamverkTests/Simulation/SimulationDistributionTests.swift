#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Ramverk

/// The distributions: validation, analytic moments, and every way the engine draws
/// from them (one at a time, a column at a time, and through the copula's value at a
/// normal z) agreeing with the analytic mean and variance within 5 standard errors.
struct SimulationDistributionTests {
    static let distributions: [Distribution] = [
        .constant(-250),
        .uniform(low: -300, high: 100),
        .triangular(min: -600, mode: -100, max: 200),
        .triangular(min: 0, mode: 0, max: 300),
        .normal(mean: 50, sd: 300),
        .lognormal(mean: 300, sd: 100),
        .lognormal(mean: -200, sd: 150),
        .event(probability: 0.2, then: .constant(-500)),
        .event(probability: 0.3, then: .triangular(min: -900, mode: -300, max: 100)),
        .event(probability: 0.25, then: .normal(mean: -100, sd: 50)),
    ]
    static let draws = 200_000

    @Test(arguments: distributions)
    func oneAtATimeMatchesTheAnalyticMoments(_ distribution: Distribution) {
        var generator = SeededGenerator(seed: 11)
        let sample = SimulationSampleMoments((0..<Self.draws).map { _ in distribution.sample(using: &generator) })
        #expect(sample.meanAgrees(with: distribution.mean))
        #expect(sample.varianceAgrees(with: distribution.variance))
    }

    @Test(arguments: distributions)
    func columnsMatchTheAnalyticMoments(_ distribution: Distribution) {
        var generator = SeededGenerator(seed: 12)
        var values = [Double](repeating: .nan, count: Self.draws)
        values.withUnsafeMutableBufferPointer {
            SamplingKernel(distribution).fill($0.baseAddress!, stride: 1, count: Self.draws, using: &generator)
        }
        let sample = SimulationSampleMoments(values)
        #expect(sample.meanAgrees(with: distribution.mean))
        #expect(sample.varianceAgrees(with: distribution.variance))
    }

    @Test(arguments: distributions)
    func valuesAtNormalDrawsMatchTheAnalyticMoments(_ distribution: Distribution) {
        var generator = SeededGenerator(seed: 13)
        var values = [Double](repeating: .nan, count: Self.draws)
        values.withUnsafeMutableBufferPointer {
            SamplingKernel.fillStandardNormals($0.baseAddress!, stride: 1, count: Self.draws, using: &generator)
            SamplingKernel(distribution).transformStandardNormals($0.baseAddress!, stride: 1, count: Self.draws)
        }
        let sample = SimulationSampleMoments(values)
        #expect(sample.meanAgrees(with: distribution.mean))
        #expect(sample.varianceAgrees(with: distribution.variance))
    }

    @Test func standardNormalsHaveTheRightMoments() {
        var generator = SeededGenerator(seed: 14)
        let values = (0..<Self.draws).map { _ in generator.nextStandardNormal() }
        let sample = SimulationSampleMoments(values)
        #expect(sample.meanAgrees(with: 0))
        #expect(sample.varianceAgrees(with: 1))
        // Fourth moment 3 and the tails beyond 2 and 3,7 (where the ziggurat's wedges
        // and tail method take over).
        #expect(abs(sample.fourth - 3) < 0.1)
        let beyond2 = Double(values.count { abs($0) > 2 }) / Double(values.count)
        #expect(abs(beyond2 - 0.04550026389635842) < 5 * (0.0455 * 0.9545 / Double(values.count)).squareRoot())
        let beyondTail = Double(values.count { abs($0) > 3.7 }) / Double(values.count)
        #expect(abs(beyondTail - 2.156e-4) < 5 * (2.156e-4 / Double(values.count)).squareRoot())
    }

    @Test func zigguratTailStartsWhere256LayersNeedIt() {
        // r for 256 layers, as published by Marsaglia and Tsang (2000).
        #expect(abs(Ziggurat.shared.r - 3.6541528853610088) < 1e-9)
    }

    @Test func eventsHappenWithTheirProbability() {
        var generator = SeededGenerator(seed: 15)
        let event = Distribution.event(probability: 0.2, then: .uniform(low: -400, high: -100))
        let happened = (0..<Self.draws).count { _ in event.sample(using: &generator) != 0 }
        let frequency = Double(happened) / Double(Self.draws)
        #expect(abs(frequency - 0.2) < 5 * (0.2 * 0.8 / Double(Self.draws)).squareRoot())
    }

    @Test func negativeLognormalIsTheMirrorImage() {
        var generator = SeededGenerator(seed: 16)
        let values = (0..<10_000).map { _ in Distribution.lognormal(mean: -200, sd: 150).sample(using: &generator) }
        #expect(values.allSatisfy { $0 < 0 })
        let parameters = LognormalParameters(mean: -200, sd: 150)
        #expect(parameters.sign == -1)
        // σ² = ln(1 + s²/m²), μ = ln|m| − σ²/2.
        #expect(abs(parameters.sigma * parameters.sigma - log(1 + 0.5625)) < 1e-12)
        #expect(abs(parameters.mu - (log(200) - log(1 + 0.5625) / 2)) < 1e-12)
    }

    @Test func analyticMoments() {
        #expect(Distribution.triangular(min: -600, mode: -100, max: 200).mean == -500.0 / 3)
        #expect(Distribution.uniform(low: -120, high: -20).variance == 10_000.0 / 12)
        let event = Distribution.event(probability: 0.25, then: .normal(mean: -100, sd: 50))
        #expect(event.mean == -25)
        // p(σ² + μ²) − p²μ² = 0,25 · 12 500 − 0,0625 · 10 000.
        #expect(event.variance == 3125 - 625)
    }

    // MARK: - Validation

    @Test(arguments: [
        (Distribution.uniform(low: 5, high: 1), [DistributionProblem.minAboveMax]),
        (.triangular(min: 5, mode: 3, max: 1), [.minAboveMax]),
        (.triangular(min: 0, mode: 4, max: 3), [.modeOutsideRange]),
        (.normal(mean: 0, sd: -1), [.negativeDeviation]),
        (.lognormal(mean: 0, sd: -1), [.negativeDeviation, .lognormalMeanZero]),
        (.event(probability: 1.5, then: .constant(1)), [.probabilityOutOfRange]),
        (.event(probability: -0.1, then: .normal(mean: 0, sd: -2)), [.probabilityOutOfRange, .negativeDeviation]),
        (.constant(.nan), [.notFinite]),
        (.normal(mean: .infinity, sd: 1), [.notFinite]),
        (.triangular(min: 1, mode: 1, max: 1), []),
        (.uniform(low: 2, high: 2), []),
        (.event(probability: 1, then: .lognormal(mean: 5, sd: 0)), []),
    ])
    func validation(_ distribution: Distribution, _ expected: [DistributionProblem]) {
        #expect(distribution.problems == expected)
    }

    // MARK: - CDF, quantile and Φ

    @Test(arguments: distributions)
    func quantileIncreasesAndInvertsTheCDF(_ distribution: Distribution) {
        let grid = (1..<200).map { Double($0) / 200 }
        let quantiles = grid.map(distribution.quantile)
        #expect(zip(quantiles, quantiles.dropFirst()).allSatisfy { $0 <= $1 })
        for (u, x) in zip(grid, quantiles) {
            // F(F⁻¹(u)) ≥ u always; = u where F is continuous at x.
            #expect(distribution.cdf(x) >= u - 1e-9)
            if case .event = distribution { continue }
            if case .constant = distribution { continue }
            #expect(abs(distribution.cdf(x) - u) < 1e-9)
        }
    }

    @Test(arguments: [
        (1e-300, -37.0470962993612), (1e-10, -6.361340902404056), (0.001, -3.090232306167813),
        (0.02425, -1.9729610513118845), (0.3, -0.5244005127080407), (0.5, 0.0),
        (0.975, 1.9599639845400536), (0.999999, 4.753424308817089),
    ])
    func normalQuantileKnownValues(_ p: Double, _ expected: Double) {
        // Expected values from Python's statistics.NormalDist().inv_cdf (Wichura's AS241).
        #expect(abs(StandardNormal.quantile(p) - expected) <= 1e-13 * max(1, abs(expected)))
    }

    @Test func normalCDFKeepsTheLowerTail() {
        #expect(StandardNormal.cdf(0) == 0.5)
        #expect(abs(StandardNormal.cdf(1) - 0.8413447460685429) < 1e-15)
        // Φ(−10) = 7,6198530241605260…·10⁻²⁴: through erfc it keeps its relative precision.
        #expect(abs(StandardNormal.cdf(-10) / 7.619853024160526e-24 - 1) < 1e-12)
        #expect(StandardNormal.quantile(0) == -.infinity)
        #expect(StandardNormal.quantile(1) == .infinity)
    }
}
