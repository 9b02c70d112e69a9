import Foundation
import Testing
@testable import Ramverk

/// The grammar kept true: every production of Grammar/ramverk.ebnf heads a parse
/// function, and every scenario in the repository and every ```ramverk example in the
/// docs parses and checks without errors.
struct GrammarTests {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return url
    }()

    static func productions() throws -> [String] {
        let grammar = try String(contentsOf: root.appendingPathComponent("Grammar/ramverk.ebnf"), encoding: .utf8)
        var names: [String] = []
        var inComment = false
        for line in grammar.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.contains("(*") { inComment = true }
            if inComment {
                if line.contains("*)") { inComment = false }
                continue
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard let equals = trimmed.firstIndex(of: "="), !trimmed.hasPrefix("|") else { continue }
            let name = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "_" }) { names.append(name) }
        }
        return names
    }

    @Test("every production of the grammar heads a parse function")
    func productionsAppearInParser() throws {
        let names = try GrammarTests.productions()
        #expect(names.count >= 30)
        let syntax = GrammarTests.root.appendingPathComponent("Sources/Ramverk/Syntax")
        let files = try FileManager.default.contentsOfDirectory(atPath: syntax.path).filter { $0.hasPrefix("Parser") }
        let parser = try files.map { try String(contentsOf: syntax.appendingPathComponent($0), encoding: .utf8) }.joined()
        let missing = names.filter { !parser.contains("/// \($0) =") }
        #expect(missing.isEmpty, "productions without a parse function carrying them: \(missing)")
    }

    /// Every `.ramverk` file meant to be valid: Scenarios/ and docs/.
    static func validFiles() -> [String] {
        var files: [String] = []
        for folder in ["Scenarios", "docs"] {
            let url = root.appendingPathComponent(folder)
            guard let enumerator = FileManager.default.enumerator(atPath: url.path) else { continue }
            for case let path as String in enumerator where path.hasSuffix(".ramverk") {
                files.append("\(folder)/\(path)")
            }
        }
        return files.sorted()
    }

    @Test("every scenario in the repository parses and checks", arguments: GrammarTests.validFiles())
    func scenarioIsValid(_ path: String) throws {
        let result = Pipeline.run(path: GrammarTests.root.appendingPathComponent(path).path)
        let run = try result.get()
        let rendered = DiagnosticRenderer(sources: run.sources).render(run.diagnostics)
        #expect(!run.hasErrors, "\(path):\n\(rendered)")
    }

    /// ```ramverk blocks of every Markdown file in docs/ and the README, except the
    /// catalogue of diagnostics, whose examples are meant to give an error
    /// (DiagnosticCatalogueTests runs them).
    static func documentedExamples() -> [String] {
        var examples: [String] = []
        var markdown = ["README.md"]
        if let docs = try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path) {
            markdown += docs.filter { $0.hasSuffix(".md") && $0 != "diagnostiker.md" }.map { "docs/\($0)" }
        }
        for file in markdown.sorted() {
            guard let text = try? String(contentsOf: root.appendingPathComponent(file), encoding: .utf8) else { continue }
            var block: [Substring]?
            var number = 0
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if block == nil, line.hasPrefix("```ramverk") {
                    block = []
                } else if block != nil, line.hasPrefix("```") {
                    number += 1
                    examples.append("\(file)#\(number)\n" + block!.joined(separator: "\n"))
                    block = nil
                } else if block != nil {
                    block!.append(line)
                }
            }
        }
        return examples
    }

    @Test("every ```ramverk example in the docs parses and checks", arguments: GrammarTests.documentedExamples())
    func exampleIsValid(_ example: String) {
        let name = String(example.prefix { $0 != "\n" })
        let source = String(example.drop { $0 != "\n" }.dropFirst())
        let run = Pipeline.run(text: source, path: name)
        let rendered = DiagnosticRenderer(sources: run.sources).render(run.diagnostics)
        #expect(!run.hasErrors, "\(name):\n\(rendered)")
    }
}
