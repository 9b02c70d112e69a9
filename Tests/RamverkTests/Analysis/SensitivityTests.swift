import Testing
@testable import Ramverk

/// The känslighetsanalys: each factor's effect is the changed model evaluated again,
/// exactly, against the base.
struct SensitivityTests {
    static func analyse(_ text: String) -> (ScenarioRun, RiskAnalysisResult?) {
        let run = Scenario.run(text)
        guard let model = run.model, !run.hasErrors else { return (run, nil) }
        return (run, RiskAnalysis.run(model))
    }

    static let nämnd = """
        nämnd Testnämnden
        enhet tkr
        tecken nettokostnad
        kolumn 2021
        antagande löneökning = 2,4 %
        antagande lönesumma = 100 000
        ram 2021 = 200 000
        område Drift {
          post Löner 2021: lönesumma × (100 % + löneökning)
          post Lokaler 2021: 50 000
          post Bistånd 2021: 40 000
        }
        realisationsvinster 2021 { budget 5 000 }
        """

    @Test func resultOfANämndIsRamMinusNetCostPlusGains() throws {
        let (run, analysis) = SensitivityTests.analyse(SensitivityTests.nämnd)
        #expect(run.diagnostics.isEmpty, "\(run.diagnostics)")
        let result = try #require(analysis)
        #expect(result.year == 2021)
        #expect(result.definition == .ram)
        // Net cost 102 400 + 50 000 + 40 000 = 192 400; ram 200 000 → 7 600 left.
        #expect(result.base.netCost == Amount.tkr(192_400))
        #expect(result.base.ramRemaining == [Amount.tkr(7_600)])
        #expect(result.base.balanceResult == Amount.tkr(7_600))
        #expect(result.base.result == Amount.tkr(12_600))
    }

    @Test func eachKindOfChange() throws {
        let (run, analysis) = SensitivityTests.analyse(SensitivityTests.nämnd + """

            känslighet "Löner +1 procentenhet" { löneökning ökar med 1 procentenhet }
            känslighet "Bistånd +10 %" { Bistånd ökar med 10 % }
            känslighet "Lokaler −2 000" { Lokaler minskar med 2 000 }
            känslighet "Lönesumma 110 000" { lönesumma = lönesumma + 10 000 }
            """)
        #expect(run.diagnostics.isEmpty, "\(run.diagnostics)")
        let rows = try #require(analysis).sensitivities
        #expect(rows.map(\.label) == ["Löner +1 procentenhet", "Bistånd +10 %", "Lokaler −2 000", "Lönesumma 110 000"])
        // 100 000 × 1 % = 1 000 more cost: the result falls by 1 000.
        #expect(rows[0].resultEffect == Amount.tkr(-1_000))
        #expect(rows[0].balanceEffect == Amount.tkr(-1_000))
        #expect(rows[1].resultEffect == Amount.tkr(-4_000))
        #expect(rows[2].resultEffect == Amount.tkr(2_000))
        // 10 000 × 102,4 %.
        #expect(rows[3].resultEffect == Amount.tkr(-10_240))
    }

    @Test func theModelIsPutBackAfterEachFactor() throws {
        let (_, analysis) = SensitivityTests.analyse(SensitivityTests.nämnd + """

            känslighet "A" { Bistånd ökar med 10 % }
            känslighet "B" { Bistånd ökar med 10 % }
            """)
        let rows = try #require(analysis).sensitivities
        #expect(rows[0].resultEffect == rows[1].resultEffect)
    }

    @Test func gainsThatDoNotComeLeaveTheBalanceResult() throws {
        let (run, analysis) = SensitivityTests.analyse("""
            enhet tkr
            kolumn 2021
            antagande reavinster = 5 000
            ram 2021 = 200 000
            post Drift 2021: 190 000
            realisationsvinster 2021 { budget reavinster }
            känslighet "Realisationsvinster uteblir" { reavinster uteblir }
            """)
        #expect(run.diagnostics.isEmpty, "\(run.diagnostics)")
        let row = try #require(analysis?.sensitivities.first)
        #expect(row.resultEffect == Amount.tkr(-5_000))
        #expect(row.balanceEffect == Amount.tkr(0))
    }

    @Test func aPercentageChangedByAPercentageIsAmbiguous() {
        // Every run checks its känsligheter: the scenario has an error.
        let (run, _) = SensitivityTests.analyse(SensitivityTests.nämnd + """

            känslighet "Löner" { löneökning ökar med 1 % }
            """)
        #expect(run.diagnostics.map(\.problem.code) == ["R0425"])
        #expect(run.riskAnalysis?.sensitivities.first?.resultEffect == nil)
    }

    @Test func anAmountCannotBeChangedInProcentenheter() {
        let (run, _) = SensitivityTests.analyse(SensitivityTests.nämnd + """

            känslighet "Lokaler" { Lokaler ökar med 1 procentenhet }
            """)
        #expect(run.diagnostics.map(\.problem.code) == ["R0426"])
    }

    @Test func targetsAreNamesOfTheModel() throws {
        let (run, _) = SensitivityTests.analyse(SensitivityTests.nämnd + """

            känslighet "Y" { Okänd = 1 }
            """)
        #expect(run.diagnostics.map(\.problem.code) == ["R0301"])
        let (_, analysis) = SensitivityTests.analyse(SensitivityTests.nämnd + """

            känslighet "Hela driften +1 %" { Drift ökar med 1 % }
            känslighet "Lokaler 2021" { Drift.Lokaler.2021 = 0 }
            """)
        let rows = try #require(analysis).sensitivities
        #expect(rows[0].resultEffect == Amount.tkr(-1_924))
        #expect(rows[1].resultEffect == Amount.tkr(50_000))
    }

    @Test func aBalanskravBlockDefinesTheResult() throws {
        let (run, analysis) = SensitivityTests.analyse("""
            enhet tkr
            kolumn 2024
            tecken resultat
            post Skatter 2024: 1 000 000
            post Verksamhet 2024: −950 000
            låt reavinst = 12 000
            balanskrav 2024 {
              resultat Skatter + Verksamhet + reavinst
              realisationsvinster reavinst
            }
            känslighet "Skatteunderlag −1 %" { Skatter minskar med 1 % }
            känslighet "Inga försäljningar" { reavinst uteblir }
            """)
        #expect(run.diagnostics.isEmpty, "\(run.diagnostics)")
        let result = try #require(analysis)
        #expect(result.definition == .balance)
        #expect(result.base.result == Amount.tkr(62_000))
        #expect(result.base.balanceResult == Amount.tkr(50_000))
        #expect(result.sensitivities[0].resultEffect == Amount.tkr(-10_000))
        #expect(result.sensitivities[0].balanceEffect == Amount.tkr(-10_000))
        #expect(result.sensitivities[1].resultEffect == Amount.tkr(-12_000))
        #expect(result.sensitivities[1].balanceEffect == Amount.tkr(0))
    }
}
