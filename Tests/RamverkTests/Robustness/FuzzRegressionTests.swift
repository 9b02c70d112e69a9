import Foundation
import Testing
@testable import Ramverk

/// What the fuzzer (Fuzz/run.sh) found, kept: every input in Fuzz/regressions/ goes
/// through the same harness the fuzzer runs, and the fuzzer's dictionary keeps up with
/// the grammar.
struct FuzzRegressionTests {
    static let folder = "Fuzz/regressions"

    static func regressions() -> [String] {
        let url = GrammarTests.root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
    }

    @Test("every input the fuzzer found runs through the whole pipeline", arguments: FuzzRegressionTests.regressions())
    func replay(_ name: String) throws {
        let url = GrammarTests.root.appendingPathComponent(FuzzRegressionTests.folder).appendingPathComponent(name)
        let bytes = [UInt8](try Data(contentsOf: url))
        let failures = PipelineHarness.run(bytes)
        #expect(failures.isEmpty, "\(name): \(failures)")
    }

    @Test("found by the fuzzer: every space the lexer skips separates the words of a name alike")
    func spacesInNames() {
        for space in ["\u{0C}", "\r", "\u{FEFF}", "\t", "  ", "\u{00A0}", "\u{2007}"] {
            let run = Scenario.run("kolumn 2021\npost Tolk\(space)Bad 2021: 1\n")
            #expect(run.model?.posts.first?.name == "Tolk Bad", "\(space.unicodeScalars.map(\.value))")
        }
    }

    @Test("the harness on every scenario and documented example")
    func corpus() {
        for input in MutationTests.inputs() {
            #expect(PipelineHarness.run(input.bytes).isEmpty, "\(input.name)")
        }
        for example in GrammarTests.documentedExamples() {
            let name = String(example.prefix { $0 != "\n" })
            let bytes = Array(example.drop { $0 != "\n" }.dropFirst().utf8)
            #expect(PipelineHarness.run(bytes).isEmpty, "\(name)")
        }
    }

    @Test("an input starting #!repl is typed into a REPL session, with the script of Fuzz/ and each scenario")
    func replMode() throws {
        let script = try String(contentsOf: GrammarTests.root.appendingPathComponent("Fuzz/repl-script.txt"), encoding: .utf8)
        let input = Array(("#!repl\n" + script + "# fil: scenario.ramverk\nkommun X\n").utf8)
        guard case .repl(let lines, let files) = PipelineHarness.Entry(input) else {
            Issue.record("not the REPL mode")
            return
        }
        #expect(lines.first == "Folkhälsa.2021 × 2" && lines.contains(":diff"))
        #expect(files == [PipelineHarness.replScenario: Array("kommun X\n".utf8)])
        for path in GrammarTests.validFiles() where path.hasPrefix("Scenarios/") {
            let scenario = try String(contentsOf: GrammarTests.root.appendingPathComponent(path), encoding: .utf8)
            let bytes = Array(("#!repl\n" + script + "# fil: scenario.ramverk\n" + scenario).utf8)
            #expect(PipelineHarness.run(bytes).isEmpty, "\(path)")
        }
        if case .scenario = PipelineHarness.Entry(Array("#!replik\nkommun X\n".utf8)) {} else {
            Issue.record("only a first line '#!repl' chooses the REPL")
        }
    }

    @Test("the harness splits an input at '# fil:' lines")
    func files() {
        let files = PipelineHarness.files(Array("inkludera \"del.ramverk\"\n# fil: del.ramverk \r\nkommun X\n".utf8))
        #expect(files == [PipelineHarness.mainFile: Array("inkludera \"del.ramverk\"\n".utf8),
                          "del.ramverk": Array("kommun X\n".utf8)])
        #expect(PipelineHarness.files([]) == [PipelineHarness.mainFile: []])
    }

    /// The words of the grammar header: the keywords and the words matched in context.
    static func grammarWords() throws -> [String] {
        let grammar = try String(contentsOf: GrammarTests.root.appendingPathComponent("Grammar/ramverk.ebnf"), encoding: .utf8)
        func words(after start: String, until end: String) -> [String] {
            guard let from = grammar.range(of: start), let to = grammar.range(of: end, range: from.upperBound..<grammar.endIndex)
            else { return [] }
            return grammar[from.upperBound..<to.lowerBound].split { $0.isWhitespace }.map(String.init)
        }
        let keywords = words(after: "WORDs with a fixed meaning:", until: "Inside risk")
        // "… frö följ; in a scenario: utgår ta bort."
        let contextual = words(after: "elsewhere:", until: "- Comparisons").filter { !["in", "a", "scenario:"].contains($0) }
        return (keywords + contextual).map { String($0.prefix { $0 != "." && $0 != ";" }) }
    }

    @Test("the fuzzer's dictionary has every keyword and contextual word of the grammar")
    func dictionary() throws {
        let words = try FuzzRegressionTests.grammarWords()
        #expect(words.count >= 80 && words.contains("inkludera") && words.contains("följ"), "\(words)")
        let text = try String(contentsOf: GrammarTests.root.appendingPathComponent("Fuzz/ramverk.dict"), encoding: .utf8)
        let entries = Set(text.split(separator: "\n").filter { $0.hasPrefix("\"") }.map { FuzzRegressionTests.decode($0.dropFirst().dropLast()) })
        let missing = words.filter { !entries.contains($0) }
        #expect(missing.isEmpty, "missing from Fuzz/ramverk.dict: \(missing)")
    }

    /// A dictionary entry's text: `\xNN` bytes, `\"` and `\\`.
    static func decode(_ entry: Substring) -> String {
        var bytes: [UInt8] = []
        var rest = Array(entry.utf8)[...]
        while let byte = rest.popFirst() {
            guard byte == UInt8(ascii: "\\"), let next = rest.popFirst() else { bytes.append(byte); continue }
            if next == UInt8(ascii: "x"), rest.count >= 2, let value = UInt8(String(decoding: rest.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                rest = rest.dropFirst(2)
            } else {
                bytes.append(next)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
