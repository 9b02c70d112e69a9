import Testing
@testable import Ramverk

/// The parser: the shape of every statement as an S-expression dump of the syntax
/// tree, names, precedence, error recovery and the nesting limit.
struct ParserTests {
    // MARK: - The dump

    /// The syntax tree of `text` as one S-expression per statement, and the diagnostics.
    static func parse(_ text: String) -> (statements: [String], diagnostics: [Diagnostic]) {
        let file = SourceFile(path: "t.ramverk", text: text)
        let (tree, diagnostics) = Parser.parse(file, fileIndex: 0)
        return (tree.statements.map { dump($0, tree) }, diagnostics)
    }

    /// The dump of a file that must parse without diagnostics.
    static func dump(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
        let (statements, diagnostics) = parse(text)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))", sourceLocation: sourceLocation)
        return statements
    }

    /// The dump of the expression of `låt x = <text>`.
    static func expression(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        let statements = dump("låt x = \(text)", sourceLocation: sourceLocation)
        guard statements.count == 1, let only = statements.first,
              only.hasPrefix("(låt \"x\" "), only.hasSuffix(")") else {
            Issue.record("not one låt statement: \(statements)", sourceLocation: sourceLocation)
            return ""
        }
        return String(only.dropFirst("(låt \"x\" ".count).dropLast())
    }

    /// One statement; its cells are read from the tree's flat cell array.
    static func dump(_ statement: Statement, _ tree: SyntaxTree) -> String {
        switch statement {
        case .header(let header):
            return "(\(header.kind.rawValue) \(quote(header.name.text)))"
        case .unit(let unit, _):
            return "(enhet \(unit.rawValue))"
        case .sign(let sign, _):
            return "(tecken \(sign.rawValue))"
        case .tolerance(let value, _):
            return "(tolerans \(dump(value)))"
        case .column(let column):
            var parts = ["kolumn", column.key.text]
            if let label = column.label { parts.append(quote(label)) }
            if let year = column.year { parts.append("år \(year)") }
            if let formula = column.formula { parts.append("= \(dump(formula))") }
            return "(" + parts.joined(separator: " ") + ")"
        case .ram(let ram):
            let decision = ram.decision.map { " enligt \(quote($0))" } ?? ""
            return "(ram \(ram.year) \(dump(ram.amount))\(decision))"
        case .namedValue(let named):
            return "(\(named.isAssumption ? "antagande" : "låt") \(quote(named.name.text)) \(dump(named.value)))"
        case .area(let area):
            return "(område \(quote(area.name.text))" + area.body.map { " " + dump($0, tree) }.joined() + ")"
        case .post(let post):
            let profile = post.profile.map { " (profil \(quote($0.text)))" } ?? ""
            return "(post \(quote(post.name.text))" + tree.cells(of: post.cells).map { " " + dump($0, tree) }.joined()
                + profile + ")"
        case .total(let total):
            let label = total.label.map { " " + quote($0) } ?? ""
            return "(summa\(label)" + tree.cells(of: total.cells).map { " " + dump($0, tree) }.joined() + ")"
        case .expectation(let expectation):
            let label = expectation.label.map { " " + quote($0) } ?? ""
            let tolerance = expectation.tolerance.map { " ± \(dump($0))" } ?? ""
            return "(förvänta\(label) \(dump(expectation.actual)) = \(dump(expectation.expected))\(tolerance))"
        case .condition(let condition):
            let label = condition.label.map { " " + quote($0) } ?? ""
            return "(kontroll\(label) \(dump(condition.left)) \(condition.comparison.rawValue) \(dump(condition.right)))"
        case .uniqueNumbers:
            return "(unika nummer)"
        case .revision(let revision):
            let decisions = revision.decisions.map { decision in
                " (beslut \(quote(decision.reference)) \(dump(decision.amount))" + (decision.note.map { " " + quote($0) } ?? "") + ")"
            }
            return "(justering \(revision.year)" + decisions.joined() + ")"
        case .carryOver(let carryOver):
            return "(överföring \(carryOver.year) \(carryOver.items.count) rader)"
        case .capitalGains(let gains):
            return "(realisationsvinster \(gains.year)" + gains.figures.map { " (\($0.figure.rawValue) \(dump($0.amount)))" }.joined() + ")"
        case .risk(let risk):
            let effect = risk.effect.map { effect in
                " (påverkar \(dump(effect.target)) \(effect.replaces ? "blir" : "med") \(dump(effect.distribution)))"
            } ?? ""
            return "(risk \(quote(risk.name.text)) \(risk.direction?.rawValue ?? "-")\(effect))"
        case .sensitivity(let sensitivity):
            let changes = sensitivity.changes.map { change -> String in
                let kind = switch change.kind {
                case .set(let value): "= \(dump(value))"
                case .increase(let value, let points): "ökar \(dump(value))\(points ? " pe" : "")"
                case .decrease(let value, let points): "minskar \(dump(value))\(points ? " pe" : "")"
                case .vanishes: "uteblir"
                }
                return " (\(dump(change.target)) \(kind))"
            }
            return "(känslighet \(quote(sensitivity.label))" + changes.joined() + ")"
        case .correlation(let correlation):
            return "(korrelation \(quote(correlation.first.text)) \(quote(correlation.second.text)) \(dump(correlation.coefficient)))"
        case .scenario(let scenario):
            let items = scenario.items.map { item -> String in
                switch item {
                case .change(let change): " (ändra \(dump(change.target)))"
                case .ram(let year, _, let amount, _): " (ram \(year) \(dump(amount)))"
                case .removal(let reference, _): " (ta-bort \(dump(reference)))"
                case .statement(let statement): " " + dump(statement, tree)
                }
            }
            return "(scenario \(quote(scenario.name.text))\(scenario.base.map { " utgår " + quote($0.text) } ?? "")" + items.joined() + ")"
        case .simulation(let simulation):
            let items = simulation.items.map { item -> String in
                switch item {
                case .year(let year, _): " (år \(year))"
                case .iterations(let value): " (iterationer \(dump(value)))"
                case .result(let value): " (resultat \(dump(value)))"
                case .seed(let value, _): " (frö \(value))"
                case .follow(let label, let value, _): " (följ \(label.map(quote) ?? "-") \(dump(value)))"
                }
            }
            return "(simulering" + items.joined() + ")"
        case .balance(let balance):
            return "(balanskrav \(balance.year) \(balance.items.count) rader)"
        case .profile(let profile):
            return "(profil \(quote(profile.name.text))" + profile.shares.map { " " + dump($0) }.joined() + ")"
        case .reserve(let reserve):
            let decisions = reserve.decisions.map { decision -> String in
                let destination = switch decision.destination {
                case .post(let reference): dump(reference)
                case .external(let receiver): "(extern \(quote(receiver)))"
                }
                let note = decision.note.map { " " + quote($0) } ?? ""
                return " (beslut \(quote(decision.reference)) \(dump(decision.amount)) \(destination)\(note))"
            }
            return "(reserv \(dump(reserve.post))" + decisions.joined() + ")"
        case .bridge(let bridge):
            let items = bridge.items.map { item -> String in
                switch item {
                case .base(let value, _): "(från \(dump(value)))"
                case .change(let text, let amount, _): "(förändring \(quote(text)) \(dump(amount)))"
                case .oneOff(let text, let amount, _): "(engångspost \(quote(text)) \(dump(amount)))"
                case .printedTotal(let value, _): "(summa \(dump(value)))"
                }
            }
            return "(ramförändring \(bridge.year)" + items.map { " " + $0 }.joined() + ")"
        case .include(let include):
            return "(inkludera \(quote(include.path)))"
        }
    }

    static func dump(_ distribution: DistributionSyntax) -> String {
        switch distribution {
        case .triangular(let min, let mode, let max, _): "(triangel \(dump(min)) \(dump(mode)) \(dump(max)))"
        case .uniform(let min, let max, _): "(likformig \(dump(min)) \(dump(max)))"
        case .normal(let mean, let deviation, _): "(normal \(dump(mean)) \(dump(deviation)))"
        case .lognormal(let mean, let deviation, _): "(lognormal \(dump(mean)) \(dump(deviation)))"
        case .event(let probability, let then, _): "(händelse \(dump(probability)) \(dump(then)))"
        case .fixed(let amount, _): "(belopp \(dump(amount)))"
        }
    }

    static func dump(_ cell: Cell, _ tree: SyntaxTree) -> String {
        "[\(tree.key(of: cell).text) \(dump(cell.value))]"
    }

    static func dump(_ expression: Expression) -> String {
        switch expression {
        case .number(let literal, _): number(literal)
        case .reference(let reference): dump(reference)
        case .sum(let references, _): "(summa " + references.map(dump).joined(separator: " ") + ")"
        case .ram(let year, _): "(ram \(year))"
        case .periodShare(let months, _): "(periodandel\(months.map { " " + dump($0) } ?? ""))"
        case .withUnit(let inner, let unit, _): "(\(unit.rawValue) \(dump(inner)))"
        case .percent(let inner, _): "(% \(dump(inner)))"
        case .negate(let inner, _): "(- \(dump(inner)))"
        case .binary(let op, let left, let right, _):
            "(\(symbol(op)) \(dump(left)) \(dump(right)))"
        }
    }

    /// Segments joined by "."; a segment that is not one plain word is quoted.
    static func dump(_ reference: Reference) -> String {
        reference.segments.map { segment in
            segment.text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } ? segment.text : quote(segment.text)
        }.joined(separator: ".")
    }

    /// The exact value of a literal, with a decimal comma: mantissa 2470, 1 decimal → 247,0.
    static func number(_ literal: NumberLiteral) -> String {
        var digits = String(literal.mantissa)
        guard literal.decimals > 0 else { return digits }
        if digits.count <= literal.decimals {
            digits = String(repeating: "0", count: literal.decimals - digits.count + 1) + digits
        }
        digits.insert(",", at: digits.index(digits.endIndex, offsetBy: -literal.decimals))
        return digits
    }

    static func symbol(_ op: BinaryOperator) -> String {
        switch op {
        case .add: "+"
        case .subtract: "-"
        case .multiply: "*"
        case .divide: "/"
        }
    }

    static func quote(_ text: String) -> String { "\"\(text)\"" }

    // MARK: - Statements, one per production

    @Test func headerStatements() {
        #expect(ParserTests.dump("kommun Haninge\nnämnd Kommunstyrelsen\nstyrelse Barn- och utbildningsnämnden") == [
            "(kommun \"Haninge\")",
            "(nämnd \"Kommunstyrelsen\")",
            "(nämnd \"Barn- och utbildningsnämnden\")",
        ])
    }

    @Test func unitSignAndTolerance() {
        #expect(ParserTests.dump("enhet mnkr\ntecken bokföring\ntecken resultat; tecken nettokostnad\ntolerans 500 kr") == [
            "(enhet mnkr)", "(tecken bokföring)", "(tecken resultat)", "(tecken nettokostnad)",
            "(tolerans (kr 500))",
        ])
    }

    @Test func columnStatements() {
        #expect(ParserTests.dump("""
            kolumn 2020 "Budget 2020"
            kolumn 2021
            kolumn Budget "Budget 2024" år 2024
            kolumn Utfall år 2023
            kolumn 12
            """) == [
                "(kolumn 2020 \"Budget 2020\" år 2020)",
                "(kolumn 2021 år 2021)",
                "(kolumn Budget \"Budget 2024\" år 2024)",
                "(kolumn Utfall år 2023)",
                "(kolumn 12)",
            ])
    }

    @Test func ramStatements() {
        #expect(ParserTests.dump("""
            ram 2021 = 247,0 mnkr enligt "KF 2020-11-09 § 185"
            ram 2022 = ram 2021 × 102 %
            """) == [
                "(ram 2021 (mnkr 247,0) enligt \"KF 2020-11-09 § 185\")",
                "(ram 2022 (* (ram 2021) (% 102)))",
            ])
    }

    @Test func namedValueStatements() {
        #expect(ParserTests.dump("låt trygghet = 10,0 mnkr\nlåt \"PO-pålägg\" = 40,15 %") == [
            "(låt \"trygghet\" (mnkr 10,0))",
            "(låt \"PO-pålägg\" (% 40,15))",
        ])
    }

    @Test func areaPostAndTotal() {
        #expect(ParserTests.dump("""
            område Förtroendemannaorganisation {
              post Kommunstyrelsens reserv   2020: 1 000    2021: 20 500
              post Tolk 2020: 100
              område Inre { post A 2021: 1 }
              summa                          2020: 37 510   2021: 58 357
            }
            summa "Summa Kommunstyrelsen" 2020: 228 600
            """) == [
                "(område \"Förtroendemannaorganisation\""
                    + " (post \"Kommunstyrelsens reserv\" [2020 1000] [2021 20500])"
                    + " (post \"Tolk\" [2020 100])"
                    + " (område \"Inre\" (post \"A\" [2021 1]))"
                    + " (summa [2020 37510] [2021 58357]))",
                "(summa \"Summa Kommunstyrelsen\" [2020 228600])",
            ])
    }

    @Test func postWithoutCellsAndWordColumns() {
        #expect(ParserTests.dump("post Tolk\npost 131 Kommunledningskontoret  Budget: -36 911  Utfall: 5") == [
            "(post \"Tolk\")",
            "(post \"131 Kommunledningskontoret\" [Budget (- 36911)] [Utfall 5])",
        ])
    }

    @Test func bridgeStatement() {
        #expect(ParserTests.dump("""
            ramförändring 2021 {
              # Utgångsläget
              från 228 600
              förändring "Åtgärder för ökad trygghet"  10,0 mnkr
              engångspost "Trygghet 2020" 10,0 mnkr; förändring "Övrigt"  −1,1 mnkr
              summa 28,4 mnkr
            }
            """) == [
                "(ramförändring 2021 (från 228600) (förändring \"Åtgärder för ökad trygghet\" (mnkr 10,0))"
                    + " (engångspost \"Trygghet 2020\" (mnkr 10,0)) (förändring \"Övrigt\" (- (mnkr 1,1)))"
                    + " (summa (mnkr 28,4)))",
            ])
    }

    @Test func includeStatement() {
        #expect(ParserTests.dump(#"inkludera "antaganden/löner.ramverk""#) == [
            "(inkludera \"antaganden/löner.ramverk\")",
        ])
    }

    @Test func theHaningeScenarioParses() throws {
        let text = try #require(Scenario.load(repositoryFile: "Scenarios/haninge-2021.ramverk"))
        let (statements, diagnostics) = ParserTests.parse(text)
        #expect(diagnostics.isEmpty)
        #expect(statements.count == 57)
        #expect(statements[0] == "(kommun \"Haninge\")")
        #expect(statements[6] == "(ram 2021 (mnkr 247,0) enligt \"KF 2020-11-09 § 185\")")
    }

    // MARK: - Names

    @Test func namesWithTightPunctuation() {
        #expect(ParserTests.dump("""
            post Södertörns miljö- och hälsoskyddsförbund 2020: 7 759    2021: 7 770
            post Internationellt. EU och vänorter       2020: 223
            post Barn/unga 2020: 1
            """) == [
                "(post \"Södertörns miljö- och hälsoskyddsförbund\" [2020 7759] [2021 7770])",
                "(post \"Internationellt. EU och vänorter\" [2020 223])",
                "(post \"Barn/unga\" [2020 1])",
            ])
    }

    @Test func nameSpansCoverEveryWord() {
        let source = MarkedSource("område X {\n  post 1️⃣Södertörns miljö- och hälsoskyddsförbund2️⃣ 2020: 7 759\n}")
        let file = SourceFile(path: "t", text: source.text)
        let (tree, diagnostics) = Parser.parse(file, fileIndex: 0)
        #expect(diagnostics.isEmpty)
        guard case .area(let area) = tree.statements.first, case .post(let post) = area.body.first else {
            Issue.record("no post in \(tree.statements.map { ParserTests.dump($0, tree) })")
            return
        }
        #expect(post.name.span == SourceSpan(file: 0, start: source.offset(1), end: source.offset(2)))
        #expect(tree.cells(of: post.cells).first.map { tree.key(of: $0).text } == "2020")
    }

    @Test func keywordsMayBeWordsOfADeclaredName() {
        #expect(ParserTests.dump("post Summa ram enligt kommun 2021: 5") == [
            "(post \"Summa ram enligt kommun\" [2021 5])",
        ])
    }

    @Test func quotedNameMayHoldAnything() {
        #expect(ParserTests.dump(#"område "Kommungemensamma: kostnader {x}" { post "2021" 2021: 1 }"#) == [
            "(område \"Kommungemensamma: kostnader {x}\" (post \"2021\" [2021 1]))",
        ])
    }

    @Test func emptyQuotedNameIsAnError() {
        let (_, diagnostics) = ParserTests.parse("post \"\" 2021: 1")
        #expect(diagnostics.map(\.problem) == [.emptyName])
        #expect(diagnostics.first?.span == SourceSpan(file: 0, start: 5, end: 7))
    }

    // MARK: - Expressions

    @Test func timesBindsTighterThanPlus() {
        #expect(ParserTests.expression("1 + 2 × 3") == "(+ 1 (* 2 3))")
        #expect(ParserTests.expression("1 × 2 + 3") == "(+ (* 1 2) 3)")
        #expect(ParserTests.expression("(1 + 2) × 3") == "(* (+ 1 2) 3)")
        #expect(ParserTests.expression("8 ÷ 2 − 1") == "(- (/ 8 2) 1)")
    }

    @Test func binaryOperatorsAreLeftAssociative() {
        #expect(ParserTests.expression("10 - 2 - 3") == "(- (- 10 2) 3)")
        #expect(ParserTests.expression("8 / 2 / 2") == "(/ (/ 8 2) 2)")
        #expect(ParserTests.expression("1 + 2 − 3 + 4") == "(+ (- (+ 1 2) 3) 4)")
    }

    @Test func unaryMinusAndPlus() {
        #expect(ParserTests.expression("−1 167 tkr") == "(- (tkr 1167))")
        #expect(ParserTests.expression("– –5") == "(- (- 5))")
        #expect(ParserTests.expression("+5") == "5")
        #expect(ParserTests.expression("2 × −3") == "(* 2 (- 3))")
        #expect(ParserTests.expression("−a + b") == "(+ (- a) b)")
    }

    @Test func postfixPercentAndUnits() {
        #expect(ParserTests.expression("3,7 %") == "(% 3,7)")
        #expect(ParserTests.expression("3,7 procent") == "(% 3,7)")
        #expect(ParserTests.expression("(1 + 2) tkr") == "(tkr (+ 1 2))")
        #expect(ParserTests.expression("500 kr + 2 mdkr") == "(+ (kr 500) (mdkr 2))")
        #expect(ParserTests.expression("Lön × 40,15 %") == "(* Lön (% 40,15))")
        #expect(ParserTests.expression("0,005 mnkr") == "(mnkr 0,005)")
    }

    @Test func referencesWithColumnSegments() {
        #expect(ParserTests.expression("Förtroendemannaorganisation.Folkhälsa.2021")
                == "Förtroendemannaorganisation.Folkhälsa.2021")
        #expect(ParserTests.expression("\"Kommunstyrelsens reserv\".2020") == "\"Kommunstyrelsens reserv\".2020")
        #expect(ParserTests.expression("Tolk.Budget - Tolk.Utfall") == "(- Tolk.Budget Tolk.Utfall)")
    }

    @Test func referenceSpanCoversAllSegments() {
        let source = MarkedSource("låt x = 1️⃣Förtroendemannaorganisation.Folkhälsa.20212️⃣ + 1")
        let file = SourceFile(path: "t", text: source.text)
        let (tree, _) = Parser.parse(file, fileIndex: 0)
        guard case .namedValue(let named) = tree.statements.first,
              case .binary(_, .reference(let reference), _, let span) = named.value else {
            Issue.record("unexpected tree")
            return
        }
        #expect(reference.segments.map(\.text) == ["Förtroendemannaorganisation", "Folkhälsa", "2021"])
        #expect(reference.span == SourceSpan(file: 0, start: source.offset(1), end: source.offset(2)))
        #expect(span.start == Int32(source.offset(1)) && Int(span.end) == source.text.utf8.count)
    }

    @Test func sumCalls() {
        #expect(ParserTests.expression("summa(Förtroendemannaorganisation)") == "(summa Förtroendemannaorganisation)")
        #expect(ParserTests.expression("summa(A, B.2021, \"C d\") × 2") == "(* (summa A B.2021 \"C d\") 2)")
    }

    @Test func ramReferences() {
        #expect(ParserTests.expression("ram 2021 − ram 2020") == "(- (ram 2021) (ram 2020))")
    }

    @Test func lineEndsInsideParenthesesAreIgnored() {
        #expect(ParserTests.dump("låt x = (1 +\n  2 ×\n\n  3)\npost A 2021: x") == [
            "(låt \"x\" (+ 1 (* 2 3)))",
            "(post \"A\" [2021 x])",
        ])
    }

    // MARK: - Errors and recovery

    @Test func severalSyntaxErrorsAreAllReported() {
        let source = MarkedSource("""
            post A 2020: 1️⃣
            kolumn 2️⃣
            post B 2020: 5 + 3️⃣
            låt 4️⃣= 3
            post C 2020: 1
            5️⃣foo bar
            """)
        let (statements, diagnostics) = ParserTests.parse(source.text)
        #expect(diagnostics.map(\.code) == ["R0201", "R0201", "R0201", "R0201", "R0201"])
        #expect(diagnostics.map { $0.span.map { Int($0.start) } } == (1...5).map { source.offset($0) })
        #expect(diagnostics.map(\.message) == [
            "väntade ett uttryck, fann radslut",
            "väntade en kolumn (t.ex. 2021 eller Budget), fann radslut",
            "väntade ett uttryck, fann radslut",
            "väntade ett namn, fann '='",
            "väntade en sats (t.ex. post, område, ram), fann ordet 'foo'",
        ])
        // The good statement between the bad ones is kept.
        #expect(statements == ["(post \"C\" [2020 1])"])
    }

    @Test func errorsInsideABlockDoNotLoseTheBlock() {
        let (statements, diagnostics) = ParserTests.parse("""
            område A {
              post B 2021: ×
              post C 2021: 2
            }
            post D 2021: 3
            """)
        #expect(diagnostics.map(\.code) == ["R0201"])
        #expect(statements == ["(område \"A\" (post \"C\" [2021 2]))", "(post \"D\" [2021 3])"])
    }

    @Test func junkAfterAStatementIsReported() {
        let source = MarkedSource("enhet tkr 1️⃣tkr\ntecken 2️⃣kronor")
        let (_, diagnostics) = ParserTests.parse(source.text)
        #expect(diagnostics.map(\.message) == [
            "väntade radslut, fann nyckelordet 'tkr'",
            "väntade nettokostnad, bokföring eller resultat, fann ordet 'kronor'",
        ])
        #expect(diagnostics.map { $0.span.map { Int($0.start) } } == [source.offset(1), source.offset(2)])
    }

    @Test func unclosedBlockNamesTheLineItOpened() {
        let source = MarkedSource("kommun Haninge\n\n1️⃣område Sammanställning {\n  post A 2021: 1\n")
        let (statements, diagnostics) = ParserTests.parse(source.text)
        #expect(diagnostics.map(\.problem) == [.unclosedBlock(keyword: "område", line: 3)])
        #expect(diagnostics.first?.message == "'}' saknas för att stänga 'område' på rad 3")
        #expect(diagnostics.first?.span?.start == Int32(source.offset(1)))
        // What was parsed is kept.
        #expect(statements.last == "(område \"Sammanställning\" (post \"A\" [2021 1]))")
    }

    @Test func unclosedBridgeBlock() {
        let (_, diagnostics) = ParserTests.parse("kolumn 2021\nramförändring 2021 {\n  från 5\n")
        #expect(diagnostics.map(\.message) == ["'}' saknas för att stänga 'ramförändring' på rad 2"])
    }

    @Test func yearRunsIntoTheAmount() {
        let source = MarkedSource("kolumn 2021\nram 1️⃣2021 247 000\npost A 2021: 1")
        let (statements, diagnostics) = ParserTests.parse(source.text)
        #expect(diagnostics.map(\.problem) == [.yearRunsIntoAmount("2021 247 000")])
        #expect(diagnostics.first?.span?.start == Int32(source.offset(1)))
        #expect(diagnostics.first?.code == "R0209")
        #expect(statements.last == "(post \"A\" [2021 1])")
    }

    @Test func twoWordNameInAnExpressionAsksForQuotes() {
        let source = MarkedSource("låt x = Kommunstyrelsens 1️⃣reserv.2021")
        let (_, diagnostics) = ParserTests.parse(source.text)
        #expect(diagnostics.map(\.code) == ["R0208"])
        #expect(diagnostics.first?.span?.start == Int32(source.offset(1)))
        #expect(diagnostics.first?.message == "namnet tar slut före nyckelordet 'reserv'")
        #expect(diagnostics.first?.help
                == "ett namn med mellanslag skrivs inom citattecken i ett uttryck: \"Kommunstyrelsens reserv\"")
    }

    @Test func punctuationInAnUnquotedName() {
        let source = MarkedSource("post Lokaler 1️⃣(evakuering) 2021: 100\npost \"Lokaler (evakuering)\" 2021: 100")
        let (statements, diagnostics) = ParserTests.parse(source.text)
        #expect(diagnostics.map(\.problem) == [.punctuationInName(found: "'('")])
        #expect(diagnostics.first?.span?.start == Int32(source.offset(1)))
        #expect(statements == ["(post \"Lokaler (evakuering)\" [2021 100])"])
    }

    @Test func unmatchedClosingBrace() {
        let (statements, diagnostics) = ParserTests.parse("post A 2021: 1\n}\npost B 2021: 2")
        #expect(diagnostics.map(\.problem) == [.unmatchedClosingBrace])
        #expect(diagnostics.first?.span == SourceSpan(file: 0, start: 15, end: 16))
        #expect(statements.count == 2)
    }

    @Test func unclosedParenthesisStopsAtTheNextStatement() {
        let source = MarkedSource("kolumn 2021\nlåt x = 1️⃣(1 + 2\n\npost B 2021: 3")
        let (statements, diagnostics) = ParserTests.parse(source.text)
        #expect(diagnostics.map(\.problem) == [.unclosedParenthesis(line: 2)])
        #expect(diagnostics.first?.message == "')' saknas för att stänga '(' på rad 2")
        #expect(diagnostics.first?.span == SourceSpan(file: 0, start: source.offset(1), end: source.offset(1) + 1))
        #expect(statements == ["(kolumn 2021 år 2021)", "(post \"B\" [2021 3])"])
    }

    @Test func unclosedSumCall() {
        let source = MarkedSource("låt x = summa1️⃣(A, B\n")
        let (_, diagnostics) = ParserTests.parse(source.text)
        #expect(diagnostics.map(\.problem) == [.unclosedParenthesis(line: 1)])
        #expect(diagnostics.first?.span?.start == Int32(source.offset(1)))
    }

    @Test func tenThousandNestedParenthesesGiveADiagnostic() {
        let depth = 10_000
        let text = "låt x = " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
            + "\npost A 2021: 1"
        let (statements, diagnostics) = ParserTests.parse(text)
        #expect(diagnostics.map(\.problem) == [.nestingTooDeep(limit: Parser.maxDepth)])
        #expect(diagnostics.first?.message == "för djup nästling (högst 200 nivåer)")
        #expect(statements == ["(post \"A\" [2021 1])"])
        // The same through the whole pipeline: a diagnostic, no crash.
        #expect(Scenario.codes(Scenario.run(text)) == ["R0205"])
    }

    @Test func tenThousandUnaryMinusesGiveADiagnostic() {
        let (_, diagnostics) = ParserTests.parse("låt x = " + String(repeating: "−", count: 10_000) + "1")
        #expect(diagnostics.map(\.code) == ["R0205"])
    }

    @Test func tenThousandNestedBlocksGiveADiagnostic() {
        let text = String(repeating: "område A {\n", count: 10_000) + String(repeating: "}\n", count: 10_000)
        let (_, diagnostics) = ParserTests.parse(text)
        #expect(diagnostics.contains { $0.problem == .nestingTooDeep(limit: Parser.maxDepth) })
        #expect(Scenario.run(text).hasErrors)
    }

    @Test
    func nestingErrorInBlocksIsReportedOnce() {
        let text = String(repeating: "område A {\n", count: 10_000) + String(repeating: "}\n", count: 10_000)
        let (_, diagnostics) = ParserTests.parse(text)
        #expect(diagnostics.count { $0.code == "R0205" } == 1)
        #expect(diagnostics.count < 10)
    }

    @Test func nestingAtTheLimitIsFine() {
        let depth = Parser.maxDepth
        let text = "låt x = " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        let (statements, diagnostics) = ParserTests.parse(text)
        #expect(diagnostics.isEmpty)
        #expect(statements == ["(låt \"x\" 1)"])
    }

    @Test
    func nestingErrorDoesNotShrinkTheLimitForLaterStatements() {
        let limit = Parser.maxDepth
        let tooDeep = "låt x = " + String(repeating: "(", count: limit + 1) + "1" + String(repeating: ")", count: limit + 1)
        let atLimit = "låt y = " + String(repeating: "(", count: limit) + "1" + String(repeating: ")", count: limit)
        let (_, diagnostics) = ParserTests.parse(tooDeep + "\n" + atLimit)
        #expect(diagnostics.map(\.code) == ["R0205"])
    }

    // MARK: - Checks the user writes

    @Test func computedColumn() {
        #expect(ParserTests.dump("kolumn Avvikelse \"Avvikelse\" = Prognos − Budget") == [
            "(kolumn Avvikelse \"Avvikelse\" = (- Prognos Budget))",
        ])
    }

    @Test func expectationWithLabelAndTolerance() {
        #expect(ParserTests.dump("förvänta \"ökning\" A.2021 / A.2020 = 102,0 % ± 0,05 %") == [
            "(förvänta \"ökning\" (/ A.2021 A.2020) = (% 102,0) ± (% 0,05))",
        ])
    }

    @Test func conditionsWithEveryComparison() {
        let lines = ["<", "<=", "≤", ">", ">=", "≥", "=", "!=", "≠"].map { "kontroll A.2021 \($0) 5" }
        #expect(ParserTests.dump(lines.joined(separator: "\n")) == [
            "(kontroll A.2021 < 5)", "(kontroll A.2021 ≤ 5)", "(kontroll A.2021 ≤ 5)",
            "(kontroll A.2021 > 5)", "(kontroll A.2021 ≥ 5)", "(kontroll A.2021 ≥ 5)",
            "(kontroll A.2021 = 5)", "(kontroll A.2021 ≠ 5)", "(kontroll A.2021 ≠ 5)",
        ])
    }

    @Test func conditionWithoutComparisonIsAnError() {
        let (_, diagnostics) = ParserTests.parse("kontroll A.2021 5")
        #expect(diagnostics.map(\.message) == ["väntade en jämförelse (<, ≤, >, ≥, = eller ≠), fann talet 5"])
    }

    @Test func uniqueNumbers() {
        #expect(ParserTests.dump("område E {\n  unika nummer\n}") == ["(område \"E\" (unika nummer))"])
    }

    @Test func reserveWithDecisions() {
        #expect(ParserTests.dump("""
            reserv "Kommunstyrelsens reserv".2021 {
              beslut "KS 2021-03-15 § 45" 2 000 till Folkhälsa
              beslut "KS 2021-05-10 § 80" 1,5 mnkr till extern "Socialnämnden" "Ensamkommande"
            }
            """) == [
            "(reserv \"Kommunstyrelsens reserv\".2021 (beslut \"KS 2021-03-15 § 45\" 2000 Folkhälsa)"
                + " (beslut \"KS 2021-05-10 § 80\" (mnkr 1,5) (extern \"Socialnämnden\") \"Ensamkommande\"))",
        ])
    }

    @Test func profilesAndPeriodShares() {
        #expect(ParserTests.dump("""
            profil Säsong = 50 %, 50 %
            kolumn Avvikelse = Utfall − Budget × periodandel(4)
            post 109 Gemensamt Utfall: 1 Budget: 2 profil Säsong
            """) == [
            "(profil \"Säsong\" (% 50) (% 50))",
            "(kolumn Avvikelse = (- Utfall (* Budget (periodandel 4))))",
            "(post \"109 Gemensamt\" [Utfall 1] [Budget 2] (profil \"Säsong\"))",
        ])
    }

    @Test func revisionOfARam() {
        #expect(ParserTests.dump("""
            justering 2020 {
              beslut "KF 2020-06-15 § 90" 1 434 "Tilläggsanslag"
              beslut "KF 2020-02-10 § 12" −500
            }
            """) == [
            "(justering 2020 (beslut \"KF 2020-06-15 § 90\" 1434 \"Tilläggsanslag\") (beslut \"KF 2020-02-10 § 12\" (- 500)))",
        ])
    }

    // MARK: - A large file read in two parts at once

    /// A file over the threshold is cut between top-level statements and read by two
    /// parsers; the joined tree must be the one a single parser builds.
    @Test func twoPartsGiveTheSameTreeAsOne() {
        var text = "kommun Stor\nkolumn 2024 \"Budget 2024\"\nkolumn Prognos\n"
        var area = 0
        while text.utf8.count < ParallelParse.threshold + 200_000 {
            text += "område \"Område \(area)\" {\n  # kommentar { med klammer\n"
            for post in 0..<50 {
                let key = post % 3 == 0 ? "Prognos" : "2024"
                text += "  post \"Post \(post)\"  2024: \(post * 7) \(key == "Prognos" ? "Prognos: (1 +\n   2)" : "")\n"
            }
            text += "  summa 2024: \((0..<50).map { $0 * 7 }.reduce(0, +))\n}\n"
            area += 1
        }
        let file = SourceFile(path: "stor.ramverk", text: text)
        guard let cut = ParallelParse.split(file) else {
            Issue.record("no cut found")
            return
        }
        #expect(cut > file.bytes.count / 2)
        #expect(file.text(cut..<cut + "område".utf8.count) == "område")
        let (joined, joinedDiagnostics) = Parser.parse(file, fileIndex: 0)
        let (single, singleDiagnostics) = Parser.parse(file, fileIndex: 0, range: nil)
        #expect(joinedDiagnostics.isEmpty && singleDiagnostics.isEmpty)
        #expect(joined.statements.count == single.statements.count)
        // The second part's cells are numbered from the first part's count of ':'.
        #expect(joined.cells.count + joined.laterCells.count == single.cells.count)
        #expect(Int(joined.laterCellsStart) >= joined.cells.count)
        #expect(joined.laterStatementsStart > 0 && joined.laterStatementsStart < joined.statements.count)
        let joinedDump = joined.statements.map { ParserTests.dump($0, joined) }
        let singleDump = single.statements.map { ParserTests.dump($0, single) }
        #expect(joinedDump == singleDump)
    }

    /// A cut that is not between top-level statements (here every `område` is left
    /// open) is found out by the first part's diagnostics: one parser reads the file.
    @Test func aWrongCutMeansOneParser() {
        let text = "kolumn 2024\n" + String(repeating: "område A {\n  post B 2024: 1\n", count: ParallelParse.threshold / 20)
        let file = SourceFile(path: "t", text: text)
        #expect(ParallelParse.split(file) != nil)
        let (joined, joinedDiagnostics) = Parser.parse(file, fileIndex: 0)
        let (single, singleDiagnostics) = Parser.parse(file, fileIndex: 0, range: nil)
        #expect(!singleDiagnostics.isEmpty)
        #expect(joinedDiagnostics.map(\.message) == singleDiagnostics.map(\.message))
        #expect(joinedDiagnostics.map(\.span) == singleDiagnostics.map(\.span))
        #expect(joined.statements.map { ParserTests.dump($0, joined) } == single.statements.map { ParserTests.dump($0, single) })
    }

    /// A file that is one long `område` has no line to cut at: one parser.
    @Test func noCandidateLineMeansOneParser() {
        let text = "område A {\n" + String(repeating: "  post B 2024: 1\n", count: ParallelParse.threshold / 16) + "}\n"
        #expect(ParallelParse.split(SourceFile(path: "t", text: text)) == nil)
    }
}

