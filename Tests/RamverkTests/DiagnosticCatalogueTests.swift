import Foundation
import Testing
@testable import Ramverk

/// The catalogue of diagnostics kept whole and documented: `Problem.catalogue` holds
/// every code written in Problem.swift, docs/diagnostiker.md has a section for each with
/// its kind and an example, and each example, run through the pipeline, gives exactly
/// its code.
struct DiagnosticCatalogueTests {
    static let document = "docs/diagnostiker.md"

    /// A `## R0301 – …` section of the document: its code, its text and its first
    /// ```ramverk block.
    struct Section: Sendable, CustomStringConvertible {
        var code: String
        var body: String
        var example: String?
        var description: String { code }
    }

    static func sections() -> [Section] {
        let url = GrammarTests.root.appendingPathComponent(document)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var sections: [Section] = []
        var inExample = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") {
                let code = line.dropFirst(3).prefix { $0 != " " }
                sections.append(Section(code: String(code), body: "", example: nil))
                continue
            }
            guard !sections.isEmpty else { continue }
            let last = sections.count - 1
            if inExample {
                if line.hasPrefix("```") { inExample = false } else { sections[last].example! += line + "\n" }
            } else if line.hasPrefix("```ramverk"), sections[last].example == nil {
                inExample = true
                sections[last].example = ""
            } else {
                sections[last].body += line + "\n"
            }
        }
        return sections
    }

    /// The codes Problem.swift writes: each case of `Problem` must have one (the switch
    /// over `code` is exhaustive), so this finds a case the catalogue lacks.
    static func codesInProblemSource() throws -> [String] {
        let url = GrammarTests.root.appendingPathComponent("Sources/Ramverk/Diagnostics/Problem.swift")
        let source = try String(contentsOf: url, encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: "\"(R0[1-9][0-9]{2})\"")
        let range = NSRange(source.startIndex..., in: source)
        return pattern.matches(in: source, range: range).map { (source as NSString).substring(with: $0.range(at: 1)) }
    }

    @Test("the catalogue has every code of Problem.swift once, in order")
    func catalogueIsComplete() throws {
        let codes = Problem.catalogue.map(\.code)
        #expect(Set(codes).count == codes.count, "a code twice in the catalogue")
        #expect(codes == codes.sorted(), "the catalogue is in code order")
        let written = try DiagnosticCatalogueTests.codesInProblemSource()
        #expect(Set(written).count == written.count, "a code given to two cases")
        #expect(Set(written) == Set(codes), "missing from the catalogue: \(Set(written).subtracting(codes).sorted())")
    }

    @Test("every code has a section with its kind and an example")
    func everyCodeIsDocumented() {
        let sections = DiagnosticCatalogueTests.sections()
        #expect(sections.map(\.code) == Problem.catalogue.map(\.code), "one section per code, in code order")
        for problem in Problem.catalogue {
            guard let section = sections.first(where: { $0.code == problem.code }) else { continue }
            #expect(section.body.contains("Typ: **\(problem.severity.rawValue)**"),
                    "\(problem.code): the section should say Typ: **\(problem.severity.rawValue)**")
            #expect(section.example.map { !$0.isEmpty } == true, "\(problem.code) has no ```ramverk example")
            #expect(section.body.contains("Så rättar du"), "\(problem.code) does not say how to fix it")
        }
    }

    @Test("each example gives exactly its code", arguments: DiagnosticCatalogueTests.sections())
    func exampleGivesItsCode(_ section: Section) throws {
        let example = try #require(section.example, "\(section.code) has no example")
        let run = try #require(DocumentedExample(example).run(), "\(section.code): exempel.ramverk unreadable")
        let rendered = DiagnosticRenderer(sources: run.sources).render(run.diagnostics)
        // R0608 counts other problems, so its example gives them first and it last.
        let own = section.code == "R0608" ? Array(run.diagnostics.suffix(1)) : run.diagnostics
        #expect(!own.isEmpty && own.allSatisfy { $0.code == section.code },
                "\(section.code) gives \(run.diagnostics.map(\.code)):\n\(rendered)")
    }

    @Test("the annotations of the examples")
    func annotations() {
        let example = DocumentedExample("""
            inkludera "del1.ramverk"
            post A ⟨3 × (⟩1⟨3 × )⟩ ⟨FF⟩
            # upprepa 2:
            # fil: del{n}.ramverk
            inkludera "del{n+1}.ramverk"

            # mapp: mapp.ramverk
            # för stor fil: stor.ramverk
            """)
        #expect(example.files["exempel.ramverk"] == Array("inkludera \"del1.ramverk\"\npost A (((1))) ".utf8) + [0xFF, 0x0A])
        #expect(example.files["del1.ramverk"] == Array("inkludera \"del2.ramverk\"\n".utf8))
        #expect(example.files["del2.ramverk"] == Array("inkludera \"del3.ramverk\"\n\n".utf8))
        #expect(example.folders == ["mapp.ramverk"])
        #expect(example.tooLarge == ["stor.ramverk"])
    }
}
