import Foundation
import Testing
@testable import Ramverk

/// The simulation of a whole `.ramverk` model against independent references: the
/// 20-driver model of `../shared/bench/mc_model.md` written as `Benchmarks/mc-modell.ramverk`
/// agrees with the analytic mean and with `mc.c`, and the run is reproducible.
struct SimulationModelTests {
    static func model(iterations: Int? = nil) throws -> Model {
        let path = GrammarTests.root.appendingPathComponent("Benchmarks/mc-modell.ramverk").path
        guard case .success(let run) = Pipeline.run(path: path), let model = run.model else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return model
    }

    /// `gcc -O2 -o /tmp/mc_c ../shared/bench/mc.c -lm && /tmp/mc_c 10000000` on this
    /// machine: mean=280.020 P5=-935.591 P50=281.928 P95=1489.791 P(<0)=0.35131 (tkr).
    /// The analytic mean is 1 500 + Σ driver means = 280 tkr; the analytic standard
    /// deviation √543 101 ≈ 737 tkr.
    @Test func theBenchmarkModelAgreesWithTheReferenceProgram() throws {
        let n = 200_000
        let result = RiskAnalysis.run(try SimulationModelTests.model(), options: .init(iterations: n, seed: 7))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let summary = try #require(result.simulation)
        #expect(summary.iterations == n)
        let figure = summary.result
        func tkr(_ money: Money) -> Double { Double(money.ore) / 100_000 }
        let sd = 737.0
        // Five standard errors: the mean's is σ/√n, a percentile's √(p(1−p)/n)/f(x_p).
        #expect(abs(tkr(figure.mean) - 280) < 5 * sd / Double(n).squareRoot())
        let density = { (z: Double) in exp(-z * z / 2) / (sd * (2 * Double.pi).squareRoot()) }
        for (value, reference, p, z) in [(figure.p5, -935.591, 0.05, -1.645), (figure.p50, 281.928, 0.5, 0.0),
                                         (figure.p95, 1489.791, 0.95, 1.645)] {
            let error = (p * (1 - p) / Double(n)).squareRoot() / density(z)
            #expect(abs(tkr(value) - reference) < 5 * error, "P\(Int(p * 100)) \(tkr(value)) vs \(reference)")
        }
        let share = Double(figure.shareBelowZero.micros) / 1_000_000
        #expect(abs(share - 0.35131) < 5 * (0.35 * 0.65 / Double(n)).squareRoot())
        // The biggest driver is the sales volume (σ 400 of 737: ρ² ≈ 0,29).
        #expect(summary.contributions.first?.name == "Drivare 1: Försäljningsvolym")
    }

    @Test func theSameSeedGivesTheSameResultWhateverTheThreads() throws {
        let model = try SimulationModelTests.model()
        let one = RiskAnalysis.run(model, options: .init(iterations: 40_000, seed: 3, threads: 1)).simulation
        let three = RiskAnalysis.run(model, options: .init(iterations: 40_000, seed: 3, threads: 3)).simulation
        let other = RiskAnalysis.run(model, options: .init(iterations: 40_000, seed: 4, threads: 3)).simulation
        #expect(one?.result.mean == three?.result.mean)
        #expect(one?.result.p5 == three?.result.p5)
        #expect(one?.histogram() == three?.histogram())
        #expect(one?.result.mean != other?.result.mean)
    }
}
