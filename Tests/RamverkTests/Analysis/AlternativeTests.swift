import Testing
@testable import Ramverk

/// Scenarios: an alternative is what differs from the base; it inherits the rest and is
/// evaluated (with the base's checks) by re-evaluating only what its changes reach.
struct AlternativeTests {
    static let base = """
        nämnd Testnämnden
        enhet tkr
        kolumn 2020
        kolumn 2021
        ram 2021 = 1 000
        område Drift {
          post Skola 2020: 300  2021: 400
          post Vård  2020: 200  2021: 300
          post Reserv 2020: 0   2021: 200
        }
        förvänta "Vården oförändrad" Vård.2021 = 300
        """

    static func outcomes(_ scenarios: String) throws -> (Model, [Alternatives.Outcome]) {
        let run = Scenario.run(base + "\n" + scenarios)
        #expect(run.diagnostics.isEmpty, "\(run.diagnostics)")
        let model = try #require(run.model)
        let (outcomes, problems) = Alternatives.run(model, tolerance: run.tolerance)
        #expect(problems.isEmpty, "\(problems)")
        return (model, outcomes)
    }

    static func value(_ outcome: Alternatives.Outcome, _ model: Model, _ post: String, _ column: Int = 1) -> Money? {
        guard let index = model.posts.firstIndex(where: { $0.name == post }) else { return nil }
        return outcome.evaluation.value(post: index, column: column)?.negated()
    }

    @Test func changesRamsAndInheritance() throws {
        let (model, outcomes) = try AlternativeTests.outcomes("""
            scenario "A" {
              Vård ökar med 10 %
              Reserv minskar med 30
            }
            scenario "B" utgår från "A" {
              ram 2021 = 900
              Skola = 350
            }
            """)
        #expect(outcomes.map(\.name) == ["Bas", "A", "B"])
        let (base, a, b) = (outcomes[0], outcomes[1], outcomes[2])
        #expect(AlternativeTests.value(a, model, "Vård") == Amount.tkr(330))
        #expect(AlternativeTests.value(a, model, "Reserv") == Amount.tkr(170))
        // B inherits A's changes and adds its own.
        #expect(AlternativeTests.value(b, model, "Vård") == Amount.tkr(330))
        #expect(AlternativeTests.value(b, model, "Skola") == Amount.tkr(350))
        #expect(b.evaluation.rams.first == Amount.tkr(900))
        // Ram − net cost: base 1 000 − 900; A 1 000 − 900; B 900 − 850.
        #expect(base.figures.ramRemaining == [Amount.tkr(100)])
        #expect(a.figures.ramRemaining == [Amount.tkr(100)])
        #expect(b.figures.ramRemaining == [Amount.tkr(50)])
        // Earlier years are not touched, and the base is as written.
        #expect(AlternativeTests.value(b, model, "Vård", 0) == Amount.tkr(200))
        #expect(AlternativeTests.value(base, model, "Vård") == Amount.tkr(300))
        // Each scenario runs the base's checks: the expectation fails where Vård changed.
        let failed = outcomes.map { $0.evaluation.checks.filter { !$0.passed }.map(\.subject) }
        #expect(failed == [[], ["Vården oförändrad"], ["Vården oförändrad"]])
    }

    @Test func postsAddedAndRemoved() throws {
        let (model, outcomes) = try AlternativeTests.outcomes("""
            scenario "Ny" {
              område Drift {
                post Fritid 2021: 50
              }
              ta bort Reserv
            }
            """)
        let (base, new) = (outcomes[0], outcomes[1])
        #expect(AlternativeTests.value(base, model, "Fritid") == nil)
        #expect(AlternativeTests.value(new, model, "Fritid") == Amount.tkr(50))
        #expect(AlternativeTests.value(new, model, "Reserv") == nil)
        #expect(AlternativeTests.value(new, model, "Reserv", 0) == Amount.tkr(0))
        let drift = try #require(model.areas.firstIndex { $0.name == "Drift" })
        #expect(base.evaluation.total(area: drift, column: 1)?.negated() == Amount.tkr(900))
        #expect(new.evaluation.total(area: drift, column: 1)?.negated() == Amount.tkr(750))
        // The base's report does not show the scenario's post.
        let report = DriftbudgetReportBuilder.build(model: model, evaluation: base.evaluation)
        #expect(!report.rows.contains { $0.name == "Fritid" })
        let comparison = ComparisonReportBuilder.build(model: model, outcomes: outcomes, onlyChanged: true)
        #expect(comparison.rows.map(\.name) == ["Drift", "Reserv", "Fritid", "Summa Drift"])
    }

    @Test func namesThatDoNotExistAreErrorsWithAHint() {
        let run = Scenario.run(AlternativeTests.base + """

            scenario "A" utgår från "Bb" {
              Vårdd = 1
            }
            scenario "B" { Skola = 1 }
            """)
        let problems = run.diagnostics.map { "\($0.code) \($0.problem.help ?? "")" }
        #expect(problems == ["R0301 menade du 'B'?", "R0301 menade du 'Vård'?"])
    }

    @Test func aScenarioCannotBuildOnItself() {
        let run = Scenario.run(AlternativeTests.base + """

            scenario "A" utgår från "B" { Skola = 1 }
            scenario "B" utgår från "A" { Vård = 1 }
            """)
        #expect(run.diagnostics.map(\.code).contains("R0503"))
    }

    @Test func aChangeReachesOnlyWhatDependsOnIt() throws {
        let run = Scenario.run(AlternativeTests.base + """

            låt dubbel = Vård × 2
            post Annat 2021: 5
            """)
        let model = try #require(run.model)
        let whatIf = WhatIf(model: model, year: 2021, column: 1)
        let vard = try #require(model.posts.firstIndex { $0.name == "Vård" })
        let drift = try #require(model.areas.firstIndex { $0.name == "Drift" })
        let dubbel = try #require(model.namedValues.firstIndex { $0.name == "dubbel" })
        let reached = Set(whatIf.plan([.cell(post: vard, column: nil)]).reached)
        // Drift's 2021 total and the named value read in 2021 — not 2020, not Annat.
        #expect(reached == [whatIf.evaluator.node(.area(drift, 1)), whatIf.evaluator.node(.named(dubbel, 1))])
    }
}
