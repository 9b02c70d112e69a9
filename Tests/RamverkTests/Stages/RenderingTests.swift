import Foundation
import Testing
@testable import Ramverk

/// Rendering: Swedish numbers, diagnostics as text, and the JSON report.
struct RenderingTests {
    // MARK: - SwedishNumberFormat

    @Test func digitGroups() {
        #expect(SwedishNumberFormat.format(scaled: 0, decimals: 0) == "0")
        #expect(SwedishNumberFormat.format(scaled: 100, decimals: 0) == "100")
        #expect(SwedishNumberFormat.format(scaled: 1000, decimals: 0) == "1 000")
        #expect(SwedishNumberFormat.format(scaled: 20_500, decimals: 0) == "20 500")
        #expect(SwedishNumberFormat.format(scaled: 228_600, decimals: 0) == "228 600")
        #expect(SwedishNumberFormat.format(scaled: 1_234_567, decimals: 0) == "1 234 567")
        #expect(SwedishNumberFormat.format(scaled: 1_234_567, decimals: 0, groupSeparator: "\u{00A0}")
                == "1\u{00A0}234\u{00A0}567")
    }

    @Test func negativeNumbersUseTheMinusSign() {
        #expect(SwedishNumberFormat.format(scaled: -1167, decimals: 0) == "\u{2212}1 167")
        #expect(SwedishNumberFormat.format(scaled: -1167, decimals: 0, minus: .ascii) == "-1 167")
        #expect(SwedishNumberFormat.format(scaled: -5, decimals: 2) == "\u{2212}0,05")
        #expect(SwedishNumberFormat.format(scaled: Int64.min, decimals: 0) == "\u{2212}9 223 372 036 854 775 808")
    }

    @Test func decimalsWithComma() {
        #expect(SwedishNumberFormat.format(scaled: 2470, decimals: 1) == "247,0")
        #expect(SwedishNumberFormat.format(scaled: 11_675, decimals: 1) == "1 167,5")
        #expect(SwedishNumberFormat.format(scaled: 5, decimals: 3) == "0,005")
        #expect(SwedishNumberFormat.format(scaled: 1_234_567_890, decimals: 2) == "12 345 678,90")
    }

    @Test func amountsInTheirUnit() {
        #expect(SwedishNumberFormat.format(Money(ore: 24_700_000_000), unit: .mnkr) == "247,0")
        #expect(SwedishNumberFormat.format(Money(ore: 2_050_000_000), unit: .tkr) == "20 500")
        #expect(SwedishNumberFormat.formatWithUnit(Money(ore: 24_700_000_000), unit: .mnkr) == "247,0 mnkr")
        #expect(SwedishNumberFormat.formatWithUnit(Money(ore: -110_000_000), unit: .mnkr) == "\u{2212}1,1 mnkr")
        // Shown rounded half away from zero; a rounded zero has no sign.
        #expect(SwedishNumberFormat.format(Money(ore: 50_000), unit: .tkr) == "1")
        #expect(SwedishNumberFormat.format(Money(ore: -50_000), unit: .tkr) == "\u{2212}1")
        #expect(SwedishNumberFormat.format(Money(ore: -49_999), unit: .tkr) == "0")
        #expect(SwedishNumberFormat.format(Money(ore: 12_345), unit: .kr, decimals: 2) == "123,45")
    }

    @Test func percentages() {
        #expect(SwedishNumberFormat.percent(Ratio(micros: 37_000)) == "3,7 %")
        #expect(SwedishNumberFormat.percent(Ratio(micros: 18_500)) == "1,9 %")   // 1,85 % → 1,9
        #expect(SwedishNumberFormat.percent(Ratio(micros: -18_500)) == "\u{2212}1,9 %")
        #expect(SwedishNumberFormat.percent(Ratio(micros: 18_449)) == "1,8 %")
        #expect(SwedishNumberFormat.percent(Ratio(micros: 401_500), decimals: 2) == "40,15 %")
        #expect(SwedishNumberFormat.percent(Ratio.one) == "100,0 %")
    }

    @Test func plainNumbers() {
        #expect(SwedishNumberFormat.number(Ratio(micros: 1_020_000)) == "1,02")
        #expect(SwedishNumberFormat.number(Ratio.one) == "1")
        #expect(SwedishNumberFormat.number(Ratio(micros: -500_000)) == "\u{2212}0,5")
        #expect(SwedishNumberFormat.number(Ratio(micros: 90_000_000_000)) == "90 000")
        #expect(SwedishNumberFormat.number(Ratio(micros: 1)) == "0,000001")
    }

    // MARK: - DiagnosticRenderer

    @Test func caretSitsUnderANameWithSwedishLetters() {
        let run = Scenario.run("""
            kolumn 2021
            post Folkhälsa 2021: 150
            post Åtgärd 2021: Folkhälsä
            """)
        #expect(Scenario.render(run) == """
            test.ramverk:3:19: fel[R0301]: okänt namn 'Folkhälsä'
              |
            3 | post Åtgärd 2021: Folkhälsä
              |                   ^^^^^^^^^
              = hjälp: menade du 'Folkhälsa'?
              = not: 'Folkhälsa' är deklarerad på rad 2

            """)
    }

    @Test func caretAtTheEndOfALineAndAWideGutter() {
        let text = String(repeating: "\n", count: 9) + "post A 2021:\n"
        let run = Scenario.run(text)
        #expect(Scenario.render(run) == """
            test.ramverk:10:13: fel[R0201]: väntade ett uttryck, fann radslut
               |
            10 | post A 2021:
               |             ^

            """)
    }

    @Test
    func caretAtTheEndOfACRLFLine() {
        let text = String(repeating: "\r\n", count: 9) + "post A 2021:\r\n"
        let run = Scenario.run(text)
        #expect(Scenario.render(run) == """
            test.ramverk:10:13: fel[R0201]: väntade ett uttryck, fann radslut
               |
            10 | post A 2021:
               |             ^

            """)
    }

    @Test func tabsAreShownAsOneSpaceSoTheCaretLinesUp() {
        let run = Scenario.run("kolumn 2021\n\tpost A 2021: Okänd\n")
        #expect(Scenario.render(run).contains("""
            2 |  post A 2021: Okänd
              |               ^^^^^
            """))
    }

    @Test func colourOnlyWhenAsked() {
        let run = Scenario.run("post A 2021: B\n")
        let plain = DiagnosticRenderer(sources: run.sources).render(run.diagnostics)
        let coloured = DiagnosticRenderer(sources: run.sources, colour: true).render(run.diagnostics)
        #expect(!plain.contains("\u{1B}"))
        #expect(coloured.contains("\u{1B}[1;31mfel[R0301]\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1;31m^\u{1B}[0m"))
    }

    @Test func diagnosticWithoutAPlace() {
        let text = DiagnosticRenderer(sources: SourceSet()).render(Diagnostic(.includeTooDeep(limit: 16), at: nil))
        #expect(text == "fel[R0604]: för många nivåer av inkludera (högst 16)\n")
    }

    /// The catalogue read as source text (so the test does not need every case spelt
    /// out): every code is unique and every message and hint is one line.
    @Test func catalogueCodesAreUniqueAndMessagesAreOneLine() throws {
        let source = try #require(Scenario.load(repositoryFile: "Sources/Ramverk/Diagnostics/Problem.swift"))
        let codes = source.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: #": "R\d{4}""#, options: .regularExpression) else { return nil }
            return String(line[range].dropFirst(3).dropLast())
        }
        #expect(codes.count >= 40)
        let repeated = Dictionary(grouping: codes, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(repeated.isEmpty, "codes used twice: \(repeated)")
        #expect(!source.contains(#"\n"#), "a message or hint spans lines")
        #expect(Problem.ambiguousName("a", candidates: ["X.a", "Y.a", "Z.a", "W.a"]).help
                == "skriv hela vägen, t.ex. 'X.a' eller 'Y.a' eller 'Z.a'")
    }

    // MARK: - JSONReportRenderer

    static func haningeJSON() throws -> (text: String, object: [String: Any], source: String) {
        let source = try #require(Scenario.load(repositoryFile: "Scenarios/haninge-2021.ramverk"))
        let run = Scenario.run(source)
        let model = try #require(run.model)
        let evaluation = try #require(run.evaluation)
        let report = DriftbudgetReportBuilder.build(model: model, evaluation: evaluation)
        let text = JSONReportRenderer(sources: run.sources).render(report)
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return (text, try #require(parsed as? [String: Any]), source)
    }

    /// Every number literal in a JSON text (outside strings).
    static func numberLiterals(in json: String) -> [String] {
        var numbers: [String] = []
        var current = ""
        var inString = false
        var escaped = false
        for character in json {
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
                continue
            }
            if character == "\"" { inString = true; continue }
            if "-+0123456789.eE".contains(character) && (!current.isEmpty || "-0123456789".contains(character)) {
                current.append(character)
            } else if !current.isEmpty {
                numbers.append(current)
                current = ""
            }
        }
        if !current.isEmpty { numbers.append(current) }
        return numbers
    }

    @Test func jsonReportParsesAndHoldsTheHeader() throws {
        let (_, object, _) = try RenderingTests.haningeJSON()
        #expect(object["schema"] as? String == "ramverk.kör/1")
        #expect(object["municipality"] as? String == "Haninge")
        #expect(object["committee"] as? String == "Kommunstyrelsen")
        #expect(object["unit"] as? String == "tkr")
        #expect(object["amounts"] as? String == "öre")
        #expect((object["tolerance"] as? NSNumber)?.int64Value == 100_000)
        let columns = try #require(object["columns"] as? [[String: Any]])
        #expect(columns.prefix(2).map { $0["key"] as? String } == ["2020", "2021"])
        #expect(columns.prefix(2).map { $0["label"] as? String } == ["Budget 2020", "Budget 2021"])
        // The driftbudget is the first table, with its own two columns.
        let tables = try #require(object["tables"] as? [[String: Any]])
        #expect(tables.first?["columns"] as? [String] == ["2020", "2021"])
    }

    @Test func jsonAmountsAreIntegersOfÖre() throws {
        let (text, object, _) = try RenderingTests.haningeJSON()
        let literals = RenderingTests.numberLiterals(in: text)
        #expect(literals.count > 50)
        let nonIntegers = literals.filter { Int64($0) == nil }
        #expect(nonIntegers.isEmpty, "not integers: \(nonIntegers)")

        let rows = try #require(object["rows"] as? [[String: Any]])
        func values(_ name: String) -> [String: Int64]? {
            guard let row = rows.first(where: { $0["name"] as? String == name }),
                  let values = row["values"] as? [String: NSNumber] else { return nil }
            return values.mapValues(\.int64Value)
        }
        #expect(values("Kommunstyrelsens reserv") == ["2020": 100_000_000, "2021": 2_050_000_000])
        #expect(values("Södertörns miljö- och hälsoskyddsförbund") == ["2020": 775_900_000, "2021": 777_000_000])
        #expect(values("Summa Kommunstyrelsen") == ["2020": 23_003_400_000, "2021": 24_700_000_000])
    }

    @Test func jsonChecksCarryPlaceAndExactFigures() throws {
        let (_, object, source) = try RenderingTests.haningeJSON()
        let checks = try #require(object["checks"] as? [[String: Any]])
        #expect(checks.count == 105)
        let failing = checks.filter { ($0["passed"] as? Bool) == false }
        #expect(failing.count == 8)
        let total = try #require(failing.first)
        #expect(total["subject"] as? String == "Summa Kommunstyrelsen, Budget 2020")
        #expect((total["stated"] as? NSNumber)?.int64Value == 22_860_000_000)
        #expect((total["computed"] as? NSNumber)?.int64Value == 23_003_400_000)
        #expect((total["difference"] as? NSNumber)?.int64Value == -143_400_000)
        let line = source.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("summa \"Summa Kommunstyrelsen\"") }.map { $0 + 1 }
        #expect((total["line"] as? NSNumber)?.intValue == line)
        #expect((total["column"] as? NSNumber)?.intValue == 3)
        let summary = try #require(object["summary"] as? [String: NSNumber])
        #expect(summary["checks"]?.intValue == 105)
        #expect(summary["failed"]?.intValue == 8)
        let bridges = try #require(object["bridges"] as? [[String: Any]])
        #expect((bridges.first?["computedRam"] as? NSNumber)?.int64Value == 25_700_000_000)
        #expect((bridges.first?["ram"] as? NSNumber)?.int64Value == 24_700_000_000)
    }

    @Test func jsonEscapesNames() throws {
        let run = Scenario.run("kolumn 2021\npost \"Citat \\\"A\\\" och \\\\ snedstreck\ttab\" 2021: 1\n")
        #expect(run.diagnostics.isEmpty)
        let model = try #require(run.model)
        let evaluation = try #require(run.evaluation)
        let text = JSONReportRenderer(sources: run.sources).render(DriftbudgetReportBuilder.build(model: model, evaluation: evaluation))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.first?["name"] as? String == "Citat \"A\" och \\ snedstreck\ttab")
        #expect(text.contains(#""Citat \"A\" och \\ snedstreck\ttab""#))
    }
}
