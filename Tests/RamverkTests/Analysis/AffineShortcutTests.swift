import Foundation
import Testing
@testable import Ramverk

/// `AffineShortcut` stands for full evaluation: a simulation with it gives the same
/// figures, to the öre, as one that evaluates every iteration in full — on the real
/// scenarios and on models made to sit at the edges of where it applies.
struct AffineShortcutTests {
    static func model(_ text: String) throws -> Model {
        let run = Scenario.run(text)
        #expect(!run.hasErrors, "\(run.diagnostics)")
        return try #require(run.model)
    }

    static func file(_ path: String) throws -> Model {
        guard case .success(let run) = Pipeline.run(path: GrammarTests.root.appendingPathComponent(path).path),
              let model = run.model else { throw CocoaError(.fileReadCorruptFile) }
        return model
    }

    /// Every figure and contribution of a run with the shortcut (where it applies) and
    /// of the same run evaluated in full.
    static func expectSameWithAndWithoutShortcut(_ model: Model, iterations: Int = 20_000) throws {
        let shortcut = RiskAnalysis.run(model, options: .init(iterations: iterations, seed: 11, threads: 2))
        var options = RiskAnalysis.Options(iterations: iterations, seed: 11, threads: 2)
        options.fullEvaluation = true
        let full = RiskAnalysis.run(model, options: options)
        let a = try #require(shortcut.simulation)
        let b = try #require(full.simulation)
        #expect(a.failedIterations == b.failedIterations)
        #expect(a.figures.count == b.figures.count)
        for (x, y) in zip(a.figures, b.figures) {
            #expect([x.mean, x.p5, x.p50, x.p95, x.minimum, x.maximum] == [y.mean, y.p5, y.p50, y.p95, y.minimum, y.maximum],
                    "\(x.kind)")
            #expect(x.belowZero == y.belowZero)
        }
        #expect(a.histogram() == b.histogram())
        #expect(a.contributions.map(\.correlation) == b.contributions.map(\.correlation))
    }

    /// Whether the shortcut is taken for the model's risks.
    static func takesShortcut(_ model: Model) throws -> Bool {
        let year = try #require(RiskAnalysis.year(of: model))
        var whatIf = WhatIf(model: model, year: year, column: try #require(model.column(forYear: year)))
        var diagnostics: [Diagnostic] = []
        let risks = try #require(RiskSimulation.drivers(for: model.riskAnalysis.quantifiedRisks, &whatIf,
                                                         diagnostics: &diagnostics)).risks
        let outputs = 2 + whatIf.yearRams.count + model.riskAnalysis.simulation.followed.count
        return SimulationContext.shortcutApplies(to: risks)
            && AffineShortcut.make(&whatIf, risks: risks, outputs: outputs) != nil
    }

    @Test(arguments: ["Scenarios/haninge-2021.ramverk", "Benchmarks/mc-modell.ramverk"])
    func theScenariosTakeTheShortcutAndAgree(_ path: String) throws {
        let model = try AffineShortcutTests.file(path)
        #expect(try AffineShortcutTests.takesShortcut(model))
        try AffineShortcutTests.expectSameWithAndWithoutShortcut(model)
    }

    /// A bare tkr number drawn continuously: each draw rounds to öre where a cell reads it.
    static let number = """
        nämnd Testnämnden
        enhet tkr
        tecken nettokostnad
        kolumn 2021
        antagande Hyra = 1 000
        ram 2021 = 5 000
        område Drift {
          post Lokaler 2021: Hyra
          post Övrigt 2021: 2 000
        }
        realisationsvinster 2021 { budget Hyra }
        risk Hyror {
          påverkar Hyra med normal medel 0 standardavvikelse 0,123457
        }
        risk Övrigt {
          påverkar Övrigt med triangel min −100 troligast 0 max 300
        }
        simulering {
          år 2021
          följ "Hyran" Hyra
        }
        """

    @Test func aBareNumberReadAloneTakesTheShortcut() throws {
        let model = try AffineShortcutTests.model(AffineShortcutTests.number)
        #expect(try AffineShortcutTests.takesShortcut(model))
        try AffineShortcutTests.expectSameWithAndWithoutShortcut(model)
    }

    /// A bare number inside a sum, a product or another named value rounds after the
    /// arithmetic: no shortcut, and full evaluation gives the figures.
    @Test(arguments: [("post Lokaler 2021: Hyra", "post Lokaler 2021: Hyra + 0,0005"),
                      ("post Lokaler 2021: Hyra", "post Lokaler 2021: Hyra × 2"),
                      ("antagande Hyra = 1 000", "antagande Hyra = 1 000\nantagande Dubbel = Hyra + Hyra")])
    func aBareNumberInArithmeticDoesNot(_ change: (String, String)) throws {
        var text = AffineShortcutTests.number.replacingOccurrences(of: change.0, with: change.1)
        if change.1.contains("Dubbel") { text = text.replacingOccurrences(of: "budget Hyra", with: "budget Dubbel") }
        let model = try AffineShortcutTests.model(text)
        #expect(try !AffineShortcutTests.takesShortcut(model))
        try AffineShortcutTests.expectSameWithAndWithoutShortcut(model, iterations: 5_000)
    }

    /// Two risks on one bare number: their roundings would not add up.
    @Test func twoRisksOnOneNumberDoNot() throws {
        let text = AffineShortcutTests.number.replacingOccurrences(
            of: "simulering", with: "risk Mer {\n  påverkar Hyra med normal medel 5 standardavvikelse 0,3\n}\nsimulering")
        let model = try AffineShortcutTests.model(text)
        #expect(try !AffineShortcutTests.takesShortcut(model))
        try AffineShortcutTests.expectSameWithAndWithoutShortcut(model, iterations: 5_000)
    }
}
