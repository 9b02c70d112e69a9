import Foundation
import Testing

/// The handbook shows the whole Haninge scenario: it must be the file in Scenarios/, not
/// an older copy.
struct DocumentationTests {
    @Test func theHandbookShowsTheHaningeScenarioAsItIs() throws {
        let root = GrammarTests.root
        let handbook = try String(contentsOf: root.appendingPathComponent("docs/handbok.md"), encoding: .utf8)
        let scenario = try String(contentsOf: root.appendingPathComponent("Scenarios/haninge-2021.ramverk"), encoding: .utf8)
        let chapter = try #require(handbook.components(separatedBy: "## Hela Haninge-scenariot").dropFirst().first)
        let block = try #require(chapter.components(separatedBy: "```ramverk\n").dropFirst().first?
            .components(separatedBy: "```\n").first)
        #expect(block == scenario, "docs/handbok.md, Hela Haninge-scenariot: copy Scenarios/haninge-2021.ramverk into it")
    }
}
