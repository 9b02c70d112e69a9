import Foundation
import Testing
@testable import Ramverk

/// The formatter on every scenario the repository holds — Scenarios/, docs/, the golden
/// inputs and every ```ramverk example in the README and docs/: formatting is
/// idempotent, and the formatted file means what the original meant (the same syntax
/// tree, the same diagnostics, the same JSON report but for source positions).
struct FormatterCorpusTests {
    /// Names of the inputs: a repository path, or `FILE.md#N` for a Markdown example.
    static func corpus() -> [String] {
        MutationTests.inputs().map(\.name) + GrammarTests.documentedExamples().map { String($0.prefix { $0 != "\n" }) }
    }

    static func bytes(of name: String) -> [UInt8] {
        if let example = GrammarTests.documentedExamples().first(where: { $0.prefix { $0 != "\n" } == name }) {
            return Array(example.drop { $0 != "\n" }.dropFirst().utf8)
        }
        return MutationTests.inputs().first { $0.name == name }?.bytes ?? []
    }

    @Test("formatting is idempotent and keeps the meaning", arguments: FormatterCorpusTests.corpus())
    func formatsAndKeepsMeaning(_ name: String) throws {
        let original = FormatterCorpusTests.bytes(of: name)
        switch Formatter.format(SourceFile(path: name, bytes: original)) {
        case .syntaxErrors(let errors):
            // Only inputs written to show syntax errors may have them.
            let run = Pipeline.run(text: String(decoding: original, as: UTF8.self), path: name)
            let syntax = run.diagnostics.filter { $0.code.hasPrefix("R01") || $0.code.hasPrefix("R02") }
            #expect(syntax.map(\.code) == errors.map(\.code))
            #expect(name.hasPrefix("Tests/EndToEndTests/Golden/"), "\(name) has syntax errors")
        case .internalError(let errors):
            Issue.record("\(name): the formatted text does not parse: \(errors.map(\.message))")
        case .formatted(let formatted):
            let idempotent = Formatter.format(SourceFile(path: name, bytes: formatted)) == .formatted(formatted)
            #expect(idempotent, "\(name): formatting twice changes it")
            FormatterCorpusTests.expectSameMeaning(original, formatted, name: name)
        }
    }

    /// The same syntax tree, the same diagnostics, and the same JSON report apart from
    /// the lines and columns it cites.
    static func expectSameMeaning(_ original: [UInt8], _ formatted: [UInt8], name: String,
                                  sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let before = String(decoding: original, as: UTF8.self)
        let after = String(decoding: formatted, as: UTF8.self)
        #expect(ParserTests.parse(before).statements == ParserTests.parse(after).statements,
                "\(name): the syntax tree changed", sourceLocation: sourceLocation)
        let runs = [before, after].map { Pipeline.run(text: $0, path: name) }
        let problems = runs.map { $0.diagnostics.map { "\($0.code) \($0.message)" } }
        #expect(problems[0] == problems[1], "\(name): the diagnostics changed", sourceLocation: sourceLocation)
        let reports = runs.map(jsonWithoutPositions)
        #expect(reports[0] == reports[1], "\(name): the report changed", sourceLocation: sourceLocation)
    }

    /// The JSON report as a value, its "line" and "column" numbers removed; nil when
    /// the run made no report.
    static func jsonWithoutPositions(_ run: ScenarioRun) -> NSObject? {
        guard let model = run.model, let evaluation = run.evaluation, !run.hasErrors else { return nil }
        let report = DriftbudgetReportBuilder.build(model: model, evaluation: evaluation)
        let json = JSONReportRenderer(sources: run.sources).render(report)
        guard let value = try? JSONSerialization.jsonObject(with: Data(json.utf8)) else { return nil }
        return stripPositions(value) as? NSObject
    }

    static func stripPositions(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            var result: [String: Any] = [:]
            for (key, inner) in object where !((key == "line" || key == "column") && inner is NSNumber) {
                result[key] = stripPositions(inner)
            }
            // A check without a name is named by its source text, and a computed
            // column's check quotes its formula: as written, so as formatted.
            if let subject = result["subject"] as? String { result["subject"] = spelledAlike(subject) }
            return result as NSDictionary
        }
        if let array = value as? [Any] { return array.map(stripPositions) as NSArray }
        return value
    }

    /// Source text with what the formatter may change taken out: spaces, the spelling
    /// of operators and comparisons, leading zeros of numbers.
    static func spelledAlike(_ text: String) -> String {
        var text = text
        for (written, canonical) in [("<=", "≤"), (">=", "≥"), ("!=", "≠"), ("-", "−"), ("–", "−"), ("*", "×"), ("÷", "/")] {
            text = text.replacingOccurrences(of: written, with: canonical)
        }
        // Spaces first: in "197 077" the 0 after the digit group is no leading zero.
        text = String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
        return text.replacingOccurrences(of: "(?<![0-9,])0+(?=[0-9])", with: "", options: .regularExpression)
    }

    @Test("the scenarios in the repository are formatted")
    func scenariosAreFormatted() {
        for path in GrammarTests.validFiles() where path.hasPrefix("Scenarios/") {
            let original = FormatterCorpusTests.bytes(of: path)
            // A Bool, so a failure names the file instead of printing all its bytes.
            let formatted = Formatter.format(SourceFile(path: path, bytes: original)) == .formatted(original)
            #expect(formatted, "\(path) is not formatted; run ramverk formatera Scenarios/")
        }
    }
}
