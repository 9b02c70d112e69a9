import Testing
@testable import Ramverk

/// The checker: names resolved to model entities, columns, rams, ramförändringar,
/// printed totals and tolerance, and where each static error points.
struct CheckerTests {
    // MARK: - A dump of resolved expressions

    static func dump(_ expression: ResolvedExpression, _ model: Model) -> String {
        func column(_ index: Int?) -> String { index.map { "." + model.columns[$0].key } ?? "" }
        switch expression {
        case .bareNumber(let ratio, let unit, _): return "\(number(ratio))[\(unit.rawValue)]"
        case .money(let money, _): return "\(money.ore) öre"
        case .percent(let ratio, _): return "\(number(ratio))[%]"
        case .post(let post, let index, _): return "post:" + model.path(of: .post(post)) + column(index)
        case .areaTotal(let area, let index, _): return "område:" + model.path(of: .area(area)) + column(index)
        case .named(let named, let index, _): return "låt:" + model.path(of: .named(named)) + column(index)
        case .ram(let index, _): return "ram:\(model.rams[index].year)"
        case .rowColumn(let index, _): return "rad" + column(index)
        case .periodShare(let months, _): return "(periodandel \(dump(months, model)))"
        case .sum(let parts, _): return "(summa " + parts.map { dump($0, model) }.joined(separator: " ") + ")"
        case .withUnit(let inner, let unit, _): return "(\(unit.rawValue) \(dump(inner, model)))"
        case .percentOf(let inner, _): return "(% \(dump(inner, model)))"
        case .negate(let inner, _): return "(- \(dump(inner, model)))"
        case .binary(let op, let left, let right, _):
            return "(\(ParserTests.symbol(op)) \(dump(left, model)) \(dump(right, model)))"
        case .invalid: return "invalid"
        }
    }

    /// A ratio exactly, in millionths when not whole: 1,5 → "1500000µ".
    static func number(_ ratio: Ratio) -> String {
        ratio.micros % Ratio.scale == 0 ? String(ratio.micros / Ratio.scale) : "\(ratio.micros)µ"
    }

    /// The checked cell of post `name` in column `key`, dumped.
    static func cell(_ name: String, _ key: String, in model: Model) -> String? {
        guard let post = model.posts.firstIndex(where: { $0.name == name }),
              let column = model.columns.firstIndex(where: { $0.key == key }) else { return nil }
        switch model.cell(post: post, column: column) {
        case .empty: return "tom"
        case .literal(let money): return "\(money.ore) öre"
        case .expression(let expression, let sign): return dump(expression, model) + " i \(sign.rawValue)"
        }
    }

    // MARK: - Name resolution

    @Test func unqualifiedNameFindsTheOnlyPostAnywhere() {
        let (_, model, diagnostics) = Scenario.check("""
            kolumn 2021
            område Förtroendemannaorganisation {
              post Folkhälsa 2021: 500
            }
            post Kopia 2021: Folkhälsa
            """)
        #expect(diagnostics.isEmpty)
        #expect(CheckerTests.cell("Kopia", "2021", in: model)
                == "post:Förtroendemannaorganisation.Folkhälsa.2021 i nettokostnad")
    }

    @Test func innermostScopeWinsAndQualifiedNamesChooseTheArea() {
        let (_, model, diagnostics) = Scenario.check("""
            kolumn 2021
            område A {
              post X 2021: 1
              område Inre { post Y 2021: X }
            }
            område B {
              post X 2021: 2
              post Y 2021: X
            }
            post Z 2021: A.X + B.X.2021
            """)
        #expect(diagnostics.isEmpty)
        #expect(model.posts.indices.map { model.path(of: .post($0)) } == ["A.X", "A.Inre.Y", "B.X", "B.Y", "Z"])
        let cells = (0..<model.posts.count).map { post -> String in
            guard case .expression(let expression, _) = model.cell(post: post, column: 0) else { return "literal" }
            return CheckerTests.dump(expression, model)
        }
        #expect(cells == ["literal", "post:A.X.2021", "literal", "post:B.X.2021",
                          "(+ post:A.X.2021 post:B.X.2021)"])
    }

    @Test func areaReferencesAndSumCalls() {
        let (_, model, diagnostics) = Scenario.check("""
            kolumn 2020
            kolumn 2021
            område A { post X 2020: 1 }
            område B { post Y 2020: 2 }
            post T 2021: summa(A, B.2020) + A.X.2020
            """)
        #expect(diagnostics.isEmpty)
        #expect(CheckerTests.cell("T", "2021", in: model)
                == "(+ (summa område:A.2021 område:B.2020) post:A.X.2020) i nettokostnad")
    }

    @Test func ambiguousNameListsTheCandidates() {
        let source = MarkedSource("""
            kolumn 2021
            område Kostnader { post Tolk 2021: 1 }
            område Intäkter { post Tolk 2021: 2 }
            post Summan 2021: 1️⃣Tolk + 1
            """)
        let diagnostic = expectDiagnostic("R0302", at: 1, in: source, Scenario.check(source.text).diagnostics)
        #expect(diagnostic?.problem == .ambiguousName("Tolk", candidates: ["Intäkter.Tolk", "Kostnader.Tolk"]))
        #expect(diagnostic?.message == "namnet 'Tolk' är tvetydigt")
        #expect(diagnostic?.help == "skriv hela vägen, t.ex. 'Intäkter.Tolk' eller 'Kostnader.Tolk'")
    }

    @Test func unknownNameSuggestsTheClosest() {
        let source = MarkedSource("""
            kolumn 2021
            post Kommunfullmäktige 2021: 3 513
            post Kopia 2021: 1️⃣Kommunfullmäktigt
            """)
        let diagnostic = expectDiagnostic("R0301", at: 1, in: source, Scenario.check(source.text).diagnostics)
        #expect(diagnostic?.message == "okänt namn 'Kommunfullmäktigt'")
        #expect(diagnostic?.help == "menade du 'Kommunfullmäktige'?")
        #expect(diagnostic?.notes.map(\.message) == ["'Kommunfullmäktige' är deklarerad på rad 2"])
        #expect(diagnostic.flatMap { Scenario.location(of: $0, in: Scenario.parse(source.text).sources) }
                == source.location(1))
    }

    @Test(arguments: [
        ("Folkhalsa", "Folkhälsa"),
        ("Atgärder", "Åtgärder"),
        ("Sodertorns", "Södertörns"),
        ("folkhälsa", "Folkhälsa"),
    ])
    func suggestionsTreatSwedishLettersAsOneLetter(typed: String, declared: String) {
        let source = MarkedSource("""
            kolumn 2021
            post Folkhälsa 2021: 1
            post Åtgärder 2021: 2
            post Södertörns 2021: 3
            post Kopia 2021: 1️⃣\(typed)
            """)
        let diagnostic = expectDiagnostic("R0301", at: 1, in: source, Scenario.check(source.text).diagnostics)
        #expect(diagnostic?.problem == .unknownName(typed, suggestion: declared))
    }

    @Test func unknownNameWithNothingCloseHasNoHelp() {
        let source = MarkedSource("kolumn 2021\npost Folkhälsa 2021: 1\npost Kopia 2021: 1️⃣Xyzzy")
        let diagnostic = expectDiagnostic("R0301", at: 1, in: source, Scenario.check(source.text).diagnostics)
        #expect(diagnostic?.problem == .unknownName("Xyzzy", suggestion: nil))
        #expect(diagnostic?.help == nil)
        #expect(diagnostic?.notes.isEmpty == true)
    }

    @Test func unknownSegmentInsideAnArea() {
        let source = MarkedSource("""
            kolumn 2021
            område Förtroendemannaorganisation { post Folkhälsa 2021: 1 }
            post Kopia 2021: Förtroendemannaorganisation.1️⃣Folkhalsa
            """)
        let diagnostic = expectDiagnostic("R0301", at: 1, in: source, Scenario.check(source.text).diagnostics)
        #expect(diagnostic?.problem == .unknownName("Folkhalsa", suggestion: "Folkhälsa"))
    }

    @Test func everyStaticErrorOfARunIsReported() {
        let source = MarkedSource("""
            kolumn 2021
            post A 2021: 1️⃣B
            post C 2️⃣2022: 1
            post 3️⃣A 2021: 2
            """)
        let diagnostics = Scenario.check(source.text).diagnostics
        #expect(diagnostics.map(\.code).sorted() == ["R0301", "R0303", "R0304"])
        expectDiagnostic("R0301", at: 1, in: source, diagnostics)
        expectDiagnostic("R0303", at: 3, in: source, diagnostics)
        expectDiagnostic("R0304", at: 2, in: source, diagnostics)
    }

    // MARK: - Duplicates

    @Test func duplicatePostHasANoteAtTheFirst() {
        let source = MarkedSource("""
            kolumn 2021
            område A {
              post 1️⃣Tolk 2021: 1
              post 2️⃣Tolk 2021: 2
            }
            område B { post Tolk 2021: 3 }
            """)
        let diagnostic = expectDiagnostic("R0303", at: 2, in: source, Scenario.check(source.text).diagnostics)
        #expect(diagnostic?.message == "posten 'Tolk' är redan deklarerad")
        #expect(diagnostic?.notes.count == 1)
        #expect(diagnostic?.notes.first?.message == "först deklarerad här")
        #expect(diagnostic?.notes.first?.span?.start == Int32(source.offset(1)))
    }

    @Test
    func duplicateNameInAnotherUnicodeNormalisation() {
        let source = MarkedSource("kolumn 2021\npost Folkh\u{E4}lsa 2021: 1\npost 1️⃣Folkha\u{308}lsa 2021: 2")
        expectDiagnostic("R0303", at: 1, in: source, Scenario.check(source.text).diagnostics)
    }

    /// Letters outside Latin-1 written as one scalar or as a letter and a mark (Sámi
    /// place names pasted from a PDF), and the canonical singletons (KELVIN SIGN is
    /// "K"): the same name, whichever comes first.
    @Test(arguments: [("\u{10C}ohkkiras", "C\u{30C}ohkkiras"), ("C\u{30C}ohkkiras", "\u{10C}ohkkiras"),
                      ("Ga\u{301}ddja\u{301}vri", "G\u{E1}ddj\u{E1}vri"), ("\u{1DF}b", "a\u{308}\u{304}b"),
                      ("a\u{327}\u{301}", "a\u{301}\u{327}"), ("Kelvin", "\u{212A}elvin"),
                      ("\u{212B}sa", "\u{C5}sa"), ("Ga\u{341}ddja\u{301}vri", "G\u{E1}ddj\u{E1}vri")])
    func duplicateNameBeyondLatin1InAnotherNormalisation(first: String, second: String) {
        let source = MarkedSource("kolumn 2021\npost \"\(first)\" 2021: 1\npost 1️⃣\"\(second)\" 2021: 2")
        expectDiagnostic("R0303", at: 1, in: source, Scenario.check(source.text).diagnostics)
        let (_, _, diagnostics) = Scenario.check("kolumn 2021\nområde \"\(first)\" { post P 2021: 1 }\npost Q 2021: \"\(second)\".P")
        #expect(diagnostics.isEmpty)
    }

    /// An area's names are let go of when its block ends (`Checker.closeNames`) and
    /// rebuilt when a reference or a scenario reaches into it: both still find them.
    @Test func namesOfAClosedAreaAreFoundAgain() {
        let (_, model, diagnostics) = Scenario.check("""
            kolumn 2021
            område A {
              post Folkh\u{E4}lsa 2021: 1
              område B { post P 2021: 2 }
            }
            post Kopia 2021: A.Folkha\u{308}lsa + A.B.P
            scenario "S" { område A { post Ny 2021: 3 } }
            """)
        #expect(diagnostics.isEmpty)
        #expect(CheckerTests.cell("Kopia", "2021", in: model)
                == "(+ post:A.Folkhälsa.2021 post:A.B.P.2021) i nettokostnad")
        let source = MarkedSource("""
            kolumn 2021
            område A { post Folkh\u{E4}lsa 2021: 1 }
            scenario "S" { område A { post 1️⃣Folkha\u{308}lsa 2021: 3 } }
            """)
        expectDiagnostic("R0303", at: 1, in: source, Scenario.check(source.text).diagnostics)
    }

    @Test func referenceInAnotherUnicodeNormalisationResolves() {
        let (_, model, diagnostics) = Scenario.check("""
            kolumn 2021
            område A { post Folkh\u{E4}lsa 2021: 1 }
            post Kopia 2021: Folkha\u{308}lsa
            """)
        #expect(diagnostics.isEmpty)
        #expect(CheckerTests.cell("Kopia", "2021", in: model) == "post:A.Folkhälsa.2021 i nettokostnad")
    }

    @Test func duplicateAreaAndNamedValue() {
        let source = MarkedSource("""
            låt x = 1
            låt 1️⃣x = 2
            område A { post P 2021: 1 }
            område 2️⃣A { post Q 2021: 1 }
            """)
        let diagnostics = Scenario.check(source.text).diagnostics
        #expect(diagnostics.count == 2)
        #expect(diagnostics.map(\.message).sorted() == ["området 'A' är redan deklarerad", "värdet 'x' är redan deklarerad"])
        expectDiagnostic("R0303", at: 1, in: source, diagnostics.filter { $0.message.hasPrefix("värdet") })
        expectDiagnostic("R0303", at: 2, in: source, diagnostics.filter { $0.message.hasPrefix("området") })
    }

    @Test func duplicateNoteIsRenderedWithItsPlace() {
        let run = Scenario.run("kolumn 2021\npost Tolk 2021: 1\npost Tolk 2021: 2\n")
        #expect(Scenario.render(run) == """
            test.ramverk:3:6: fel[R0303]: posten 'Tolk' är redan deklarerad
              |
            3 | post Tolk 2021: 2
              |      ^^^^
              = not: först deklarerad här (test.ramverk:2:6)

            """)
    }

    @Test func duplicateCellOnALine() {
        let source = MarkedSource("kolumn 2021\npost A 2021: 1 1️⃣2021: 2")
        let diagnostic = expectDiagnostic("R0206", at: 1, in: source, Scenario.check(source.text).diagnostics)
        #expect(diagnostic?.message == "kolumnen '2021' har redan ett värde på raden")
    }

    @Test func duplicateHeaders() {
        let source = MarkedSource("kommun Haninge\n1️⃣kommun Huddinge\nnämnd Kommunstyrelsen\n2️⃣styrelse Kommunstyrelsen")
        let diagnostics = Scenario.check(source.text).diagnostics
        #expect(diagnostics.map(\.problem) == [.duplicateHeader("kommun"), .duplicateHeader("nämnd eller styrelse")])
        #expect(diagnostics.map { $0.span.map { Int($0.start) } } == [source.offset(1), source.offset(2)])
        #expect(diagnostics.map(\.message) == ["kommun är redan angiven i filen",
                                               "nämnd eller styrelse är redan angiven i filen"])
    }

    // MARK: - Columns

    @Test func declaredColumns() {
        let (_, model, diagnostics) = Scenario.check("""
            kolumn 2020 "Budget 2020"
            kolumn Utfall "Utfall 2024-04" år 2024
            kolumn Plan
            post A 2020: 1 Utfall: 2
            """)
        #expect(diagnostics.isEmpty)
        #expect(model.columns.map(\.key) == ["2020", "Utfall", "Plan"])
        #expect(model.columns.map(\.label) == ["Budget 2020", "Utfall 2024-04", "Plan"])
        #expect(model.columns.map(\.year) == [2020, 2024, nil])
        #expect(model.column(forYear: 2024) == 1)
        #expect(CheckerTests.cell("A", "Plan", in: model) == "tom")
    }

    @Test func implicitColumnsInTheOrderFirstWritten() {
        let (_, model, diagnostics) = Scenario.check("""
            post A 2021: 1  2020: 2
            område X {
              post B Budget: 3  2021: 4
              summa Prognos: 7
            }
            """)
        #expect(diagnostics.isEmpty)
        #expect(model.columns.map(\.key) == ["2021", "2020", "Budget", "Prognos"])
        #expect(model.columns.map(\.year) == [2021, 2020, nil, nil])
        #expect(model.columns.map(\.label) == ["2021", "2020", "Budget", "Prognos"])
    }

    @Test func unknownColumnSuggestsAKey() {
        let source = MarkedSource("""
            kolumn 2020
            kolumn 2021
            kolumn Budget
            post A 1️⃣2012: 5
            post B 2️⃣Budgte: 5
            område C { summa 3️⃣2022: 1 }
            """)
        let diagnostics = Scenario.check(source.text).diagnostics
        #expect(diagnostics.map(\.problem) == [
            .unknownColumn("2012", suggestion: "2021"),
            .unknownColumn("Budgte", suggestion: "Budget"),
            .unknownColumn("2022", suggestion: "2020"),
        ])
        #expect(diagnostics.map { $0.span.map { Int($0.start) } } == [1, 2, 3].map { source.offset($0) })
        #expect(diagnostics.first?.message == "okänd kolumn '2012'")
        #expect(diagnostics.first?.help == "menade du '2021'?")
    }

    @Test func duplicateColumn() {
        let source = MarkedSource("1️⃣kolumn 2021 \"Budget\"\nkolumn 2️⃣2021 \"Utfall\"")
        let diagnostic = expectDiagnostic("R0305", at: 2, in: source, Scenario.check(source.text).diagnostics)
        #expect(diagnostic?.message == "kolumnen '2021' är redan deklarerad")
        #expect(diagnostic?.notes.first?.span?.start == Int32(source.offset(1) + "kolumn ".utf8.count))
    }

    @Test func referenceToAColumnNeedsOneWhereThereIsNone() {
        let source = MarkedSource("kolumn 2020\npost A 2020: 5\nram 2021 = 1️⃣A")
        let diagnostic = expectDiagnostic("R0306", at: 1, in: source, Scenario.check(source.text).diagnostics)
        #expect(diagnostic?.message == "'A' har ett värde per kolumn; ange vilken")
        #expect(diagnostic?.help == "skriv t.ex. A.2021")
    }

    // MARK: - Rams and ramförändringar

    @Test func ramResolvesInTheColumnOfItsYear() {
        let (_, model, diagnostics) = Scenario.check("""
            kolumn 2020
            kolumn 2021
            post A 2020: 1  2021: 2
            ram 2021 = A + 1 enligt "KF 2020-11-09 § 185"
            """)
        #expect(diagnostics.isEmpty)
        #expect(model.rams.map(\.year) == [2021])
        #expect(model.rams.first?.decision == "KF 2020-11-09 § 185")
        #expect(model.rams.first.map { CheckerTests.dump($0.expression, model) } == "(+ post:A.2021 1[tkr])")
    }

    @Test func referenceToAMissingRam() {
        let source = MarkedSource("kolumn 2021\nram 2021 = 1️⃣ram 2020 + 5")
        let diagnostic = expectDiagnostic("R0307", at: 1, in: source, Scenario.check(source.text).diagnostics)
        #expect(diagnostic?.message == "ingen ram för 2020")
    }

    @Test func duplicateRam() {
        let source = MarkedSource("kolumn 2021\n1️⃣ram 2021 = 1\nram 2️⃣2021 = 2")
        let diagnostic = expectDiagnostic("R0308", at: 2, in: source, Scenario.check(source.text).diagnostics)
        #expect(diagnostic?.message == "ram 2021 är redan angiven")
        #expect(diagnostic?.notes.first?.span?.start == Int32(source.offset(1)))
    }

    @Test func ramForAYearWithoutAColumnIsNotCheckedAgainstLines() {
        // Nothing to check the ram against: a warning; the ram itself is still evaluated.
        let run = Scenario.run("kolumn 2020\nkolumn 2021\npost A 2020: 1 2021: 1\nram 2022 = 5")
        #expect(run.diagnostics.map(\.code) == ["R0309"])
        #expect(run.diagnostics.first?.severity == .warning)
        #expect(run.evaluation?.rams == [Amount.tkr(5)])
        #expect(EvaluatorTests.check(run, .ram).isEmpty)
    }

    @Test func bridgeWithoutBase() {
        let source = MarkedSource("""
            kolumn 2021
            ram 2021 = 100
            ramförändring 1️⃣2021 {
              förändring "Reserv" 5
            }
            """)
        let diagnostic = expectDiagnostic("R0310", at: 1, in: source, Scenario.check(source.text).diagnostics)
        #expect(diagnostic?.message == "ramförändringen 2021 saknar utgångsläge")
        #expect(diagnostic?.help == "ange 'ram 2020 = …' eller 'från …' i blocket")
    }

    @Test func bridgeBaseFromThePreviousRamOrFrån() {
        let previousRam = Scenario.check("kolumn 2021\nram 2020 = 95\nram 2021 = 100\nramförändring 2021 { förändring \"R\" 5 }")
        #expect(previousRam.diagnostics.isEmpty)
        #expect(previousRam.model.bridges.count == 1)
        #expect(previousRam.model.bridges.first?.base == nil)
        let stated = Scenario.check("kolumn 2021\nram 2021 = 100\nramförändring 2021 { från 95; förändring \"R\" 5 }")
        #expect(stated.diagnostics.isEmpty)
        #expect(stated.model.bridges.first?.base.map { CheckerTests.dump($0, stated.model) } == "95[tkr]")
        #expect(stated.model.bridges.first?.changes.map(\.text) == ["R"])
    }

    @Test func bridgeForAYearWithoutRam() {
        let source = MarkedSource("kolumn 2022\nramförändring 1️⃣2022 { från 1 }")
        let diagnostic = expectDiagnostic("R0307", at: 1, in: source, Scenario.check(source.text).diagnostics)
        #expect(diagnostic?.message == "ingen ram för 2022")
    }

    @Test func duplicateBridge() {
        let source = MarkedSource("""
            ram 2020 = 1
            ram 2021 = 2
            ramförändring 2021 { förändring "a" 1 }
            ramförändring 1️⃣2021 { förändring "b" 1 }
            """)
        let diagnostic = expectDiagnostic("R0311", at: 1, in: source, Scenario.check(source.text).diagnostics)
        #expect(diagnostic?.message == "ramförändring 2021 är redan angiven")
    }

    // MARK: - Printed totals

    @Test func totalOutsideAnArea() {
        let source = MarkedSource("kolumn 2021\npost A 2021: 5\n1️⃣summa 2021: 5")
        let diagnostic = expectDiagnostic("R0313", at: 1, in: source, Scenario.check(source.text).diagnostics)
        #expect(diagnostic?.message == "'summa' hör hemma i ett område")
    }

    @Test func duplicateTotalInAnArea() {
        let source = MarkedSource("""
            kolumn 2021
            område A {
              post X 2021: 1
              1️⃣summa 2021: 1
              2️⃣summa "Igen" 2021: 1
            }
            """)
        let diagnostic = expectDiagnostic("R0314", at: 2, in: source, Scenario.check(source.text).diagnostics)
        #expect(diagnostic?.message == "området har redan en tryckt summa")
        #expect(diagnostic?.notes.first?.span?.start == Int32(source.offset(1)))
    }

    // MARK: - Units, signs and tolerance

    @Test func literalCellsTakeUnitAndSignInForce() {
        let (_, model, diagnostics) = Scenario.check("""
            kolumn 2021
            post A 2021: 5
            område R {
              tecken resultat
              enhet mnkr
              post B 2021: 1,5
              post C 2021: −2 kr
            }
            post D 2021: 5
            """)
        #expect(diagnostics.isEmpty)
        #expect(CheckerTests.cell("A", "2021", in: model) == "-500000 öre")
        #expect(CheckerTests.cell("B", "2021", in: model) == "150000000 öre")
        #expect(CheckerTests.cell("C", "2021", in: model) == "-200 öre")
        // enhet and tecken end with the block.
        #expect(CheckerTests.cell("D", "2021", in: model) == "-500000 öre")
    }

    @Test func tooManyDecimalsForTheUnit() {
        let source = MarkedSource("enhet kr\nkolumn 2021\npost A 2021: 1️⃣1,234\npost B 2021: 2️⃣0,000001 tkr")
        let diagnostics = Scenario.check(source.text).diagnostics
        #expect(diagnostics.map(\.problem) == [.tooManyDecimals(unit: "kr", allowed: 2),
                                               .tooManyDecimals(unit: "tkr", allowed: 5)])
        #expect(diagnostics.map { $0.span.map { Int($0.start) } } == [source.offset(1), source.offset(2)])
        #expect(diagnostics.first?.message == "för många decimaler för kr (högst 2)")
        #expect(diagnostics.first?.help == "byt till en mindre enhet, t.ex. kr")
    }

    @Test func toleranceInTheUnitInForce() {
        #expect(Scenario.run("kolumn 2021\npost A 2021: 1\n").evaluation?.tolerance == Amount.tkr(1))
        #expect(Scenario.run("tolerans 2\nkolumn 2021\npost A 2021: 1\n").evaluation?.tolerance == Amount.tkr(2))
        #expect(Scenario.run("enhet kr\ntolerans 50\npost A 2021: 1\n").evaluation?.tolerance == Amount.kr(50))
        #expect(Scenario.run("tolerans 0,5 tkr\npost A 2021: 1\n").evaluation?.tolerance == Money(ore: 50_000))
    }

    @Test func duplicateTolerance() {
        let source = MarkedSource("1️⃣tolerans 1\n2️⃣tolerans 2")
        let diagnostic = expectDiagnostic("R0312", at: 2, in: source, Scenario.check(source.text).diagnostics)
        #expect(diagnostic?.message == "tolerans är redan angiven i filen")
        #expect(diagnostic?.notes.first?.span?.start == Int32(source.offset(1)))
    }

    @Test func negativeTolerance() {
        let source = MarkedSource("tolerans 1️⃣−1\nkolumn 2021\npost A 2021: 1")
        let run = Scenario.run(source)
        let diagnostic = expectDiagnostic("R0406", at: 1, in: source, run.diagnostics)
        #expect(diagnostic?.message == "toleransen kan inte vara negativ")
        #expect(run.evaluation?.tolerance == Amount.tkr(1))
    }

    @Test func toleranceThatIsNotAnAmount() {
        let source = MarkedSource("kolumn 2021\npost A 2021: 1\ntolerans 1️⃣A")
        expectDiagnostic("R0306", at: 1, in: source, Scenario.check(source.text).diagnostics)
        let percent = MarkedSource("tolerans 1️⃣3 %\nkolumn 2021\npost A 2021: 1")
        let diagnostic = expectDiagnostic("R0403", at: 1, in: percent, Scenario.run(percent).diagnostics)
        #expect(diagnostic?.problem == .percentWhereMoneyExpected)
        #expect(diagnostic?.message == "en procentsats är inget belopp")
    }

    // MARK: - Included files

    @Test func includedFileTakesTheSettingsInForceAndItsNamesResolve() {
        let run = Scenario.run("""
            kolumn 2021
            enhet mnkr
            område KS {
              inkludera "delar/reserv.ramverk"
            }
            post Kopia 2021: Reserv
            """, files: ["delar/reserv.ramverk": "post Reserv 2021: 1,5\n"])
        #expect(run.diagnostics.isEmpty)
        #expect(run.sources.files.map(\.path) == ["test.ramverk", "delar/reserv.ramverk"])
        #expect(run.value("Reserv", "2021") == Money(ore: -150_000_000))
        #expect(run.value("Kopia", "2021") == run.value("Reserv", "2021"))
        #expect(run.model.map { $0.path(of: .post(run.postIndex("Reserv")!)) } == "KS.Reserv")
    }

    @Test func diagnosticInAnIncludedFilePointsIntoIt() {
        let included = MarkedSource("post A 2021: 1\npost B 2021: 1️⃣Tolkk\n")
        let run = Scenario.run("kolumn 2021\npost Tolk 2021: 1\ninkludera \"del.ramverk\"\n",
                               files: ["del.ramverk": included.text])
        let diagnostic = expectDiagnostic("R0301", at: 1, in: included, run.diagnostics)
        #expect(diagnostic?.span?.file == 1)
        #expect(Scenario.render(run).hasPrefix("del.ramverk:2:14: fel[R0301]: okänt namn 'Tolkk'\n"))
    }

    // MARK: - Computed columns

    @Test func aColumnKeyInAFormulaNamesTheRowsValue() {
        let (_, model, diagnostics) = Scenario.check("""
            kolumn Prognos
            kolumn Budget
            kolumn Avvikelse = Prognos − Budget
            post Budget Prognos: 1 Budget: 2
            """)
        #expect(diagnostics.isEmpty)
        #expect(model.columns[2].formula.map { CheckerTests.dump($0, model) } == "(- rad.Prognos rad.Budget)")
        #expect(model.columns[2].formulaText == "Prognos − Budget")
    }

    @Test func anUnknownNameInAFormulaIsAnError() {
        let source = MarkedSource("kolumn Prognos\nkolumn Avvikelse = Prognos − 1️⃣Budgt")
        let diagnostic = expectDiagnostic("R0301", at: 1, in: source, Scenario.check(source.text).diagnostics)
        #expect(diagnostic?.message == "okänt namn 'Budgt'")
    }
}
