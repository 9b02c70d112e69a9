import Testing
@testable import Ramverk

/// The evaluator: values of cells, areas, named values and rams (exact, in internal
/// result sign), sign conventions, cycles and chains, and the checks it runs.
struct EvaluatorTests {
    /// The checks of a run that did not pass, by subject.
    static func failed(_ run: ScenarioRun) -> [String] {
        (run.evaluation?.checks ?? []).filter { !$0.passed }.map(\.subject)
    }

    static func check(_ run: ScenarioRun, _ kind: CheckResult.Kind) -> [CheckResult] {
        (run.evaluation?.checks ?? []).filter { $0.kind == kind }
    }

    // MARK: - Units and exact arithmetic in cells

    @Test func bareNumbersTakeTheUnitOfTheirTable() {
        let run = Scenario.run("""
            tecken resultat
            kolumn 2021
            enhet mnkr
            post A 2021: 1,5
            post B 2021: 2 × 3
            låt x = 5
            område K {
              enhet kr
              post C 2021: 500
              post D 2021: A × 2
              post E 2021: x
            }
            post F 2021: 1
            """)
        #expect(run.diagnostics.isEmpty)
        #expect(run.value("A", "2021") == Money(ore: 150_000_000))
        #expect(run.value("B", "2021") == Amount.mnkr(6))
        #expect(run.value("C", "2021") == Amount.kr(500))
        #expect(run.value("D", "2021") == Amount.mnkr(3))
        // A bare number in a named value has the unit where the value was written.
        #expect(run.value("E", "2021") == Amount.mnkr(5))
        #expect(run.value("F", "2021") == Amount.mnkr(1))
    }

    @Test func roundingHalfAwayFromZeroInCells() {
        let run = Scenario.run("""
            tecken resultat
            enhet kr
            kolumn 2021
            post A 2021: 1 kr × 2,5 %
            post B 2021: −1 kr × 2,5 %
            post C 2021: 10 kr ÷ 3
            post D 2021: −20 kr ÷ 3
            område N {
              tecken nettokostnad
              post F 2021: 1 kr × 2,5 %
            }
            """)
        #expect(run.diagnostics.isEmpty)
        #expect(run.value("A", "2021") == Money(ore: 3))     // 2,5 öre
        #expect(run.value("B", "2021") == Money(ore: -3))    // −2,5 öre
        #expect(run.value("C", "2021") == Money(ore: 333))   // 333,33 öre
        #expect(run.value("D", "2021") == Money(ore: -667))  // −666,67 öre
        #expect(run.value("F", "2021") == Money(ore: -3))    // written +3 öre of cost
    }

    @Test func bareNumberDividedByABareNumberIsStillAnAmount() {
        // "20 500 / 2" in a tkr table is 10 250 tkr, as "20 500 × 0,5" is.
        let run = Scenario.run("tecken resultat\nkolumn 2021\npost A 2021: 20 500 / 2\npost B 2021: 20 500 × 0,5\n")
        #expect(run.diagnostics.map(\.message) == [])
        #expect(run.value("A", "2021") == Amount.tkr(10_250))
        #expect(run.value("B", "2021") == Amount.tkr(10_250))
    }

    @Test func bareArithmeticFinerThanAnÖreRoundsHalfAwayFromZero() {
        let run = Scenario.run("""
            tecken resultat
            enhet kr
            kolumn 2021
            post E 2021: 0,01 × 0,5
            post F 2021: −0,01 × 0,5
            post G 2021: 100 / 3
            post H 2021: 0,01 × 0,49
            """)
        #expect(run.diagnostics.isEmpty)
        #expect(run.value("E", "2021") == Money(ore: 1))    // 0,5 öre
        #expect(run.value("F", "2021") == Money(ore: -1))   // −0,5 öre
        #expect(run.value("G", "2021") == Money(ore: 3_333))  // 33,333… kr
        #expect(run.value("H", "2021") == Money(ore: 0))    // 0,49 öre
    }

    @Test func overflowIsADiagnosticNeverATrap() {
        let source = MarkedSource("""
            tecken resultat
            enhet mdkr
            kolumn 2021
            post A 2021: 90 000 000
            post B 2021: 1️⃣A + A
            post C 2021: 2️⃣A × 2
            post D 2021: 3️⃣−A − A
            """)
        let run = Scenario.run(source)
        #expect(run.diagnostics.map(\.code) == ["R0501", "R0501", "R0501"])
        #expect(run.diagnostics.map { $0.span.map { Int($0.start) } } == [1, 2, 3].map { source.offset($0) })
        #expect(run.diagnostics.first?.help == "kontrollera enheten och storleksordningen")
        #expect(run.value("A", "2021") == Money(ore: 9_000_000_000_000_000_000))
        #expect(run.value("B", "2021") == nil)
        #expect(run.value("D", "2021") == nil)
        // Failed cells poison the grand total rather than adding a second message.
        #expect(run.evaluation?.grandTotals == [nil])
    }

    @Test func overflowOfTheGrandTotalIsOneDiagnostic() {
        let run = Scenario.run("""
            tecken resultat
            enhet mdkr
            kolumn 2021
            post A 2021: 90 000 000
            post E 2021: A + 1
            """)
        #expect(run.diagnostics.map(\.code) == ["R0501"])
        #expect(run.value("E", "2021") == Money(ore: 9_000_000_000_000_000_000 + 100_000_000_000))
        #expect(run.evaluation?.grandTotals == [nil])
    }

    /// The overflow is reported at the line whose amount no longer fits in the sum.
    @Test func overflowInAnAreaTotalIsReportedOnce() {
        let source = MarkedSource("""
            tecken resultat
            enhet mdkr
            kolumn 2021
            område X {
              post A 2021: 90 000 000
              post 1️⃣B 2021: 90 000 000
            }
            """)
        let run = Scenario.run(source)
        expectDiagnostic("R0501", at: 1, in: source, run.diagnostics)
        #expect(run.diagnostics.count == 1)
        #expect(run.total("X", "2021") == nil)
        #expect(run.value("B", "2021") == Money(ore: 9_000_000_000_000_000_000))
    }

    @Test func literalTooLargeForÖreIsACheckError() {
        let source = MarkedSource("enhet mdkr\nkolumn 2021\npost A 2021: 1️⃣100 000 000")
        let run = Scenario.run(source)
        expectDiagnostic("R0501", at: 1, in: source, run.diagnostics)
        #expect(run.evaluation == nil)
    }

    @Test func overflowMessageStatesTheRealLimit() {
        // Int64.max öre = 92 233 720 368 547 758 kr ≈ 92 biljarder (10^15) kr.
        let limitInKr = Int64.max / 100
        #expect(limitInKr / 1_000_000_000_000_000 == 92)
        #expect(Problem.overflow.message.contains("±92 biljarder kr"))
    }

    @Test func divisionByZero() {
        let source = MarkedSource("""
            kolumn 2021
            post A 2021: 1️⃣10 / 0
            post B 2021: 5
            post C 2021: 2️⃣10 tkr / (B − B)
            """)
        let run = Scenario.run(source)
        #expect(run.diagnostics.map(\.code) == ["R0502", "R0502"])
        #expect(run.diagnostics.map { $0.span.map { Int($0.start) } } == [source.offset(1), source.offset(2)])
        #expect(run.diagnostics.first?.message == "division med noll")
        #expect(run.value("A", "2021") == nil)
        #expect(run.value("B", "2021") == Amount.tkr(-5))
    }

    @Test func moneyTimesMoneyIsAnError() {
        let source = MarkedSource("""
            kolumn 2021
            post A 2021: 10
            post B 2021: 1️⃣A × A
            post C 2021: 2️⃣10 tkr × 2 tkr
            post D 2021: 10 × 2
            """)
        let run = Scenario.run(source)
        #expect(run.diagnostics.map(\.code) == ["R0402", "R0402"])
        #expect(run.diagnostics.map { $0.span.map { Int($0.start) } } == [source.offset(1), source.offset(2)])
        #expect(run.diagnostics.first?.message == "belopp gånger belopp ger inget belopp")
        #expect(run.diagnostics.first?.help == "multiplicera ett belopp med ett tal eller en procentsats")
        #expect(run.value("D", "2021") == Amount.tkr(-20))
    }

    @Test func percentHandling() {
        let source = MarkedSource("""
            kolumn 2021
            post Lön 2021: 1 000
            post PO 2021: Lön × 40,15 %
            post Uppräknad 2021: Lön × 102 procent
            post Andel 2021: Lön × (Lön / (Lön + Lön))
            post Fel 2021: 1️⃣Lön + 3 %
            post Procent 2021: 2️⃣5 %
            post Dubbel 2021: (3️⃣10 tkr) %
            """)
        let run = Scenario.run(source)
        #expect(run.value("PO", "2021") == Money(ore: -40_150_000))
        #expect(run.value("Uppräknad", "2021") == Amount.tkr(-1_020))
        #expect(run.value("Andel", "2021") == Amount.tkr(-500))
        #expect(run.diagnostics.map(\.problem) == [.moneyPlusNumber, .percentWhereMoneyExpected, .percentOfMoney])
        #expect(run.diagnostics.map { $0.span.map { Int($0.start) } } == [1, 2, 3].map { source.offset($0) })
        #expect(run.diagnostics.map(\.message) == [
            "kan inte lägga ihop ett belopp och en procentsats",
            "en procentsats är inget belopp",
            "ett belopp kan inte skrivas i procent",
        ])
    }

    @Test func percentWithTooManyDecimals() {
        let source = MarkedSource("kolumn 2021\npost A 2021: 100\npost B 2021: A × 1️⃣3,12345 %")
        let diagnostic = expectDiagnostic("R0411", at: 1, in: source, Scenario.run(source).diagnostics)
        #expect(diagnostic?.problem == .numberTooPrecise(allowed: 4))
        #expect(diagnostic?.message == "talet har för många decimaler (högst 4)")
    }

    @Test func ramThatIsNotAnAmount() {
        let source = MarkedSource("kolumn 2021\npost A 2021: 1\nram 2021 = 1️⃣3 %")
        let diagnostic = expectDiagnostic("R0403", at: 1, in: source, Scenario.run(source).diagnostics)
        #expect(diagnostic?.message == "en procentsats är inget belopp")
    }

    @Test func emptyCellReadsAsZero() {
        let run = Scenario.run("kolumn 2020\nkolumn 2021\npost A 2021: 1\npost B 2021: A.2020 + 1\n")
        #expect(run.diagnostics.isEmpty)
        #expect(run.value("A", "2020") == nil)
        #expect(run.value("B", "2021") == Amount.tkr(-1))
    }

    // MARK: - Sign conventions

    @Test func aReferenceReadsValuesInTheConventionWhereItIsWritten() {
        let run = Scenario.run("""
            kolumn 2021
            område Kostnader {
              tecken nettokostnad
              post Lön 2021: 100
            }
            låt kostnad = Lön
            område Finans {
              tecken bokföring
              post Skatt 2021: −500
              post Bokförd lön 2021: Lön
            }
            område Resultat {
              tecken resultat
              post Skatt igen 2021: Skatt
              post Lön igen 2021: Lön
              post Netto 2021: Skatt + Lön
              post Via värde 2021: kostnad
            }
            område Nettokostnad {
              post Netto igen 2021: Lön + Skatt
            }
            """)
        #expect(run.diagnostics.isEmpty)
        // Internal sign: income positive, cost negative.
        #expect(run.value("Lön", "2021") == Amount.tkr(-100))
        #expect(run.value("Skatt", "2021") == Amount.tkr(500))
        #expect(run.value("Bokförd lön", "2021") == Amount.tkr(-100))
        #expect(run.value("Skatt igen", "2021") == Amount.tkr(500))
        #expect(run.value("Lön igen", "2021") == Amount.tkr(-100))
        #expect(run.value("Netto", "2021") == Amount.tkr(400))
        #expect(run.value("Via värde", "2021") == Amount.tkr(-100))
        #expect(run.value("Netto igen", "2021") == Amount.tkr(400))
        #expect(run.total("Finans", "2021") == Amount.tkr(400))
        #expect(run.total("Resultat", "2021") == Amount.tkr(700))
        #expect(run.evaluation?.grandTotals == [Amount.tkr(1_400)])
    }

    @Test func signOfAShownFigureIsTheTablesOwn() {
        let run = Scenario.run("""
            kolumn 2021
            område Intäkter {
              tecken resultat
              post Avgifter 2021: 30
              summa 2021: 30
            }
            område Kostnader {
              post Lön 2021: 100
              summa 2021: 100
            }
            """)
        #expect(run.diagnostics.isEmpty)
        let checks = EvaluatorTests.check(run, .printedTotal)
        #expect(checks.map(\.stated) == [Amount.tkr(30), Amount.tkr(100)])
        #expect(checks.map(\.computed) == [Amount.tkr(30), Amount.tkr(100)])
        #expect(checks.map(\.passed) == [true, true])
    }

    // MARK: - Cycles and chains

    @Test func namedValuesInACycleGiveOneDiagnostic() {
        let source = MarkedSource("låt a = b\nlåt b = a\nkolumn 2021\npost P 2021: 1️⃣a")
        let run = Scenario.run(source)
        #expect(run.diagnostics.map(\.problem) == [.cycle(names: ["a", "b", "a"])])
        #expect(run.diagnostics.first?.message == "cirkulär definition: a → b → a")
        #expect(run.diagnostics.first?.help == "ett värde kan inte bero på sig självt")
        #expect(run.value("P", "2021") == nil)
    }

    @Test func unusedNamedValuesInACycleAreReported() {
        let run = Scenario.run("kolumn 2021\nlåt a = b\nlåt b = a\n")
        #expect(run.diagnostics.map(\.message) == ["cirkulär definition: a → b → a"])
    }

    @Test
    func namedValueCycleIsOneDiagnosticWhateverTheColumns() {
        let twoColumns = Scenario.run("kolumn 2020\nkolumn 2021\nlåt a = b\nlåt b = a\n")
        #expect(twoColumns.diagnostics.map(\.code) == ["R0503"])
        let used = Scenario.run("kolumn 2020\nkolumn 2021\nlåt a = b\nlåt b = a\npost P 2020: a\n")
        #expect(used.diagnostics.map(\.code) == ["R0503"])
        let noColumns = Scenario.run("låt a = b\nlåt b = a\n")
        #expect(noColumns.diagnostics.map(\.code) == ["R0503"])
    }

    @Test func postsInACycleGiveOneDiagnostic() {
        let source = MarkedSource("kolumn 2021\npost a 2021: b\npost b 2021: 1️⃣a + 1\npost c 2021: 7")
        let run = Scenario.run(source)
        let diagnostic = expectDiagnostic("R0503", at: 1, in: source, run.diagnostics)
        #expect(run.diagnostics.count == 1)
        #expect(diagnostic?.message == "cirkulär definition: a.2021 → b.2021 → a.2021")
        #expect(run.value("c", "2021") == Amount.tkr(-7))
    }

    @Test func cycleThroughAnAreaTotal() {
        let run = Scenario.run("kolumn 2021\nområde X {\n  post a 2021: summa(X)\n}\n")
        #expect(run.diagnostics.map(\.message) == ["cirkulär definition: X.a.2021 → summa(X.2021) → X.a.2021"])
    }

    @Test func ramDefinedByItself() {
        let run = Scenario.run("kolumn 2021\nram 2021 = ram 2021 + 1\n")
        #expect(run.diagnostics.map(\.message) == ["cirkulär definition: ram 2021 → ram 2021"])
        #expect(run.evaluation?.rams == [nil])
    }

    /// `count` posts where each is the next one plus 1 and the last is 1, declared so
    /// that evaluating the first walks the whole chain.
    static func chain(_ count: Int) -> String {
        var text = "kolumn 2021\ntecken resultat\n"
        for index in 0..<(count - 1) { text += "post p\(index) 2021: p\(index + 1) + 1\n" }
        text += "post p\(count - 1) 2021: 1\n"
        return text
    }

    @Test func chainAtTheLimitIsEvaluated() {
        // maximumChain expressions, then a literal.
        let run = Scenario.run(EvaluatorTests.chain(Evaluator.maximumChain + 1))
        #expect(run.diagnostics.isEmpty)
        #expect(run.value("p0", "2021") == Amount.tkr(Int64(Evaluator.maximumChain + 1)))
    }

    @Test func overlongChainIsOneDiagnostic() {
        let run = Scenario.run(EvaluatorTests.chain(250))
        #expect(run.diagnostics.map(\.problem) == [.dependencyChainTooLong(limit: 200)])
        #expect(run.diagnostics.first?.message == "för lång kedja av beroenden (högst 200 led)")
        #expect(run.value("p0", "2021") == nil)
        // The tail, evaluated on its own, is short enough.
        #expect(run.value("p249", "2021") == Amount.tkr(1))
        #expect(run.value("p201", "2021") == Amount.tkr(49))
    }

    // MARK: - Area totals

    @Test func areaTotalsSumPostsAndAreasButNotNamedValues() {
        let run = Scenario.run("""
            kolumn 2020
            kolumn 2021
            område A {
              post x 2021: 1
              område B {
                post y 2021: 2
                post z 2021: 3   2020: 4
              }
              låt n = 100
            }
            post w 2021: 10
            """)
        // The only diagnostic: n is read by nothing (R0330), which is the point here.
        #expect(Scenario.codes(run) == ["R0330"])
        #expect(run.total("B", "2021") == Amount.tkr(-5))
        #expect(run.total("A", "2021") == Amount.tkr(-6))
        #expect(run.total("A", "2020") == Amount.tkr(-4))
        #expect(run.evaluation?.grandTotals == [Amount.tkr(-4), Amount.tkr(-16)])
    }

    // MARK: - Checks

    @Test func printedTotalsPassWithinToleranceAndFailBeyondIt() {
        let run = Scenario.run("""
            kolumn 2021 "Budget 2021"
            område A {
              post x 2021: 1
              post y 2021: 2
              summa 2021: 4
            }
            område B {
              post x 2021: 1
              post y 2021: 2
              summa "Summa B tryckt" 2021: 1,999
            }
            område C {
              post x 2021: 3
              summa 2021: 2
            }
            område D {
              post x 2021: 3
              summa 2021: 5
            }
            """)
        #expect(run.diagnostics.isEmpty)
        let checks = EvaluatorTests.check(run, .printedTotal)
        #expect(checks.map(\.subject) == ["Summa A, Budget 2021", "Summa B tryckt, Budget 2021",
                                          "Summa C, Budget 2021", "Summa D, Budget 2021"])
        #expect(checks.map(\.passed) == [true, false, true, false])
        #expect(checks.map(\.difference) == [Amount.tkr(1), Money(ore: -100_100), Amount.tkr(-1), Amount.tkr(2)])
        #expect(checks.first?.stated == Amount.tkr(4))
        #expect(checks.first?.computed == Amount.tkr(3))
        #expect(run.evaluation?.failedChecks == 2)
    }

    @Test func toleranceDecidesThePrintedTotalCheck() {
        let area = "kolumn 2021\nområde A {\n  post x 2021: 1\n  summa 2021: 1,5\n}\n"
        #expect(EvaluatorTests.failed(Scenario.run(area)) == [])
        #expect(EvaluatorTests.failed(Scenario.run("tolerans 0\n" + area)) == ["Summa A, 2021"])
        #expect(EvaluatorTests.failed(Scenario.run("tolerans 499 kr\n" + area)) == ["Summa A, 2021"])
        #expect(EvaluatorTests.failed(Scenario.run("tolerans 500 kr\n" + area)) == [])
    }

    @Test func ramExceeded() {
        let exceeded = Scenario.run("""
            kolumn 2021
            ram 2021 = 0,010 mnkr enligt "KF 2020-11-09 § 185"
            post A 2021: 7
            post B 2021: 5
            """)
        #expect(exceeded.diagnostics.isEmpty)
        let check = EvaluatorTests.check(exceeded, .ram)
        #expect(check.count == 1)
        #expect(check.first?.passed == false)
        #expect(check.first?.subject == "Ram 2021, 2021")
        #expect(check.first?.stated == Amount.tkr(10))
        #expect(check.first?.computed == Amount.tkr(12))
        #expect(check.first?.difference == Amount.tkr(-2))
        #expect(exceeded.evaluation?.rams == [Amount.tkr(10)])

        let within = Scenario.run("kolumn 2021\nram 2021 = 12\npost A 2021: 7\npost B 2021: 5\n")
        #expect(EvaluatorTests.check(within, .ram).map(\.passed) == [true])
        // Income lowers the net cost the ram covers.
        let income = Scenario.run("""
            kolumn 2021
            ram 2021 = 10
            post A 2021: 12
            område Intäkter { tecken resultat; post Avgift 2021: 3 }
            """)
        #expect(EvaluatorTests.check(income, .ram).map(\.passed) == [true])
        #expect(EvaluatorTests.check(income, .ram).first?.computed == Amount.tkr(9))
    }

    @Test func bridgeThatReconciles() throws {
        let run = Scenario.run("""
            kolumn 2021
            ram 2020 = 100
            ram 2021 = 110
            ramförändring 2021 {
              engångspost "Engångs 2020" 2
              förändring "Reserv" 7
              förändring "Trygghet" 5
              summa 12
            }
            """)
        #expect(run.diagnostics.isEmpty)
        let bridge = try #require(run.evaluation?.bridges.first)
        #expect(bridge.baseLabel == "Ram 2020")
        #expect(bridge.base == Amount.tkr(100))
        #expect(bridge.oneOffs.map(\.amount) == [Amount.tkr(2)])
        #expect(bridge.changes.map(\.text) == ["Reserv", "Trygghet"])
        #expect(bridge.sumOfChanges == Amount.tkr(12))
        #expect(bridge.computedRam == Amount.tkr(110))
        #expect(bridge.ram == Amount.tkr(110))
        #expect(bridge.actualChange == Amount.tkr(10))
        #expect(EvaluatorTests.check(run, .bridge).map(\.passed) == [true])
        #expect(EvaluatorTests.check(run, .bridgeTotal).map(\.passed) == [true])
    }

    @Test func bridgeThatDoesNotReconcile() {
        let run = Scenario.run("""
            kolumn 2021
            ram 2020 = 100
            ram 2021 = 115
            ramförändring 2021 {
              förändring "Reserv" 7
              förändring "Trygghet" 5
              summa 14
            }
            """)
        #expect(run.diagnostics.isEmpty)
        let bridge = EvaluatorTests.check(run, .bridge)
        #expect(bridge.map(\.passed) == [false])
        #expect(bridge.first?.stated == Amount.tkr(115))
        #expect(bridge.first?.computed == Amount.tkr(112))
        #expect(bridge.first?.difference == Amount.tkr(3))
        let total = EvaluatorTests.check(run, .bridgeTotal)
        #expect(total.map(\.passed) == [false])
        #expect(total.first?.difference == Amount.tkr(2))
    }

    @Test func theHaningeScenario() throws {
        let text = try #require(Scenario.load(repositoryFile: "Scenarios/haninge-2021.ramverk"))
        let run = Scenario.run(text)
        // Two reserves the document names no decisions for: notes, nothing else.
        #expect(run.diagnostics.allSatisfy { $0.severity == .note })
        let evaluation = try #require(run.evaluation)
        #expect(run.total("Förtroendemannaorganisation", "2021") == Amount.tkr(-58_357))
        #expect(run.total("Sammanställning", "2020") == Amount.tkr(-230_034))
        #expect(run.total("Sammanställning", "2021") == Amount.tkr(-247_000))
        #expect(evaluation.checks.count == 105)
        // Every mistake of seed 000 that DOMAIN.md lists, and nothing else.
        let failed = evaluation.checks.filter { !$0.passed }
        #expect(failed.map(\.kind) == [.printedTotal, .printedTotal, .formula, .bridge,
                                        .expectation, .expectation, .expectation, .uniqueNumbers])
        #expect(failed.map(\.subject) == [
            "Summa Kommunstyrelsen, Budget 2020",
            "Summa övriga kostnader, Kostnader 2020",
            "Personalomkostnader, Netto 2020 (I2020 + K2020)",
            "Ramförändring 2021: utgångsläge − engångsposter + förändringar = ram 2021",
            "Brandförsvaret: en ökning med 2,0 procent",
            "Exploatering: investeringskostnad ca 268 mnkr",
            "Exploatering: intäkter ca 254 mnkr",
            "Nummer 77098 i Exploateringsbudget",
        ])
        #expect(failed.first?.subject == "Summa Kommunstyrelsen, Budget 2020")
        #expect(failed.first?.stated == Amount.tkr(228_600))
        #expect(failed.first?.computed == Amount.tkr(230_034))
        #expect(failed.first?.difference == Amount.tkr(-1_434))
        let bridge = try #require(evaluation.bridges.first)
        #expect(bridge.baseLabel == "Utgångsläge")
        #expect(bridge.base == Amount.tkr(228_600))
        #expect(bridge.sumOfChanges == Amount.tkr(28_400))
        #expect(bridge.computedRam == Amount.tkr(257_000))
        #expect(bridge.ram == Amount.tkr(247_000))
        #expect(bridge.actualChange == Amount.tkr(18_400))
        #expect(failed.first { $0.kind == .bridge }?.difference == Amount.tkr(-10_000))
        #expect(EvaluatorTests.check(run, .ram).first?.difference == .zero)
    }
}
