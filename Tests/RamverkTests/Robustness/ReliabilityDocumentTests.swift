import Foundation
import Testing
@testable import Ramverk

/// docs/tillförlitlighet.md states the limits as the code has them: each row of its table
/// of limits names the value the constant holds.
struct ReliabilityDocumentTests {
    static func row(containing marker: String) throws -> String {
        let text = try String(contentsOf: GrammarTests.root.appendingPathComponent("docs/tillförlitlighet.md"), encoding: .utf8)
        let table = try #require(text.components(separatedBy: "## Gränser").dropFirst().first?.components(separatedBy: "\n## ").first)
        return table.split(separator: "\n").first { $0.hasPrefix("|") && $0.contains(marker) }.map(String.init) ?? ""
    }

    @Test("the table of limits holds the values of the code")
    func limits() throws {
        let cases: [(marker: String, value: String)] = [
            ("R0205", "| \(Parser.maxDepth) nivåer |"),
            ("R0504", "| \(Evaluator.maximumChain) led |"),
            ("R0505", "| \(SwedishNumberFormat.integer(Evaluator.maximumDepth)) nivåer |"),
            ("R0604", "| \(ProgramLoader.maximumIncludeDepth) nivåer |"),
            ("R0607", "| \(maximumFileSizeMiB) MiB |"),
            ("R0510", "1 till \(SwedishNumberFormat.integer(RiskAnalysis.maximumIterations))"),
            ("R0608", "| \(DiagnosticLimit.maximumShown) fel och \(DiagnosticLimit.maximumShown) varningar"),
            ("menade du", SwedishNumberFormat.integer(Checker.SuggestionBudget().remaining) + " namn"),
            ("rader som visas", "| \(DiagnosticRenderer.longLine) byte |"),
        ]
        for (marker, value) in cases {
            let row = try ReliabilityDocumentTests.row(containing: marker)
            #expect(row.contains(value), "docs/tillförlitlighet.md, the row of \(marker) should say \(value): \(row)")
        }
    }
}
