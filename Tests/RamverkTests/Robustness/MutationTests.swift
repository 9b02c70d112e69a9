import Foundation
import Testing
@testable import Ramverk

/// No input crashes the pipeline: every prefix of every scenario in the repository, and
/// deterministic byte mutations of each, run through parse, check, evaluate and both
/// renderers and end in a report or in diagnostics. A trap here kills the test run.
struct MutationTests {
    /// Every scenario meant to be valid, and every golden input (valid or not).
    static func inputs() -> [(name: String, bytes: [UInt8])] {
        let root = GrammarTests.root
        var paths = GrammarTests.validFiles()
        let golden = root.appendingPathComponent("Tests/EndToEndTests/Golden")
        if let names = try? FileManager.default.contentsOfDirectory(atPath: golden.path) {
            paths += names.filter { $0.hasSuffix(".ramverk") }.sorted().map { "Tests/EndToEndTests/Golden/\($0)" }
        }
        return paths.compactMap { path in
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else { return nil }
            return (path, [UInt8](data))
        }
    }

    /// Runs the whole pipeline and both renderers; returns whether it ended cleanly.
    static func runAll(_ bytes: [UInt8], name: String) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        let run = Pipeline.run(text: text, path: name)
        _ = DiagnosticRenderer(sources: run.sources).render(run.diagnostics)
        if let model = run.model, let evaluation = run.evaluation, !run.hasErrors {
            let report = DriftbudgetReportBuilder.build(model: model, evaluation: evaluation)
            _ = TextReportRenderer(sources: run.sources).render(report)
            _ = JSONReportRenderer(sources: run.sources).render(report)
        }
        return true
    }

    @Test("every prefix of every scenario, cut at each line")
    func prefixes() {
        var runs = 0
        for input in MutationTests.inputs() {
            var cut = 0
            while cut <= input.bytes.count {
                #expect(MutationTests.runAll(Array(input.bytes[0..<cut]), name: input.name))
                runs += 1
                guard let next = input.bytes[cut...].firstIndex(of: 0x0A) else { break }
                cut = next + 1
            }
            // And a cut in the middle of the last line, mid-token or mid-character.
            #expect(MutationTests.runAll(Array(input.bytes.dropLast(3)), name: input.name))
        }
        #expect(runs > 300)
    }

    /// A small seeded generator (SplitMix64) so the mutations are the same every run.
    struct SplitMix64 {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("deterministic byte mutations of every scenario")
    func mutations() {
        var random = SplitMix64(state: 20_261_123)
        // Bytes that matter to the grammar, and some that do not belong at all.
        let interesting: [UInt8] = Array("{}()=:.,%−-+×*/÷\"#\n 0123456789ÅÄÖ".utf8) + [0x00, 0xFF, 0xC3, 0x0D]
        for input in MutationTests.inputs() where !input.bytes.isEmpty {
            for _ in 0..<60 {
                var bytes = input.bytes
                for _ in 0..<(1 + Int(random.next() % 4)) {
                    let position = Int(random.next() % UInt64(bytes.count))
                    switch random.next() % 4 {
                    case 0: bytes[position] = interesting[Int(random.next() % UInt64(interesting.count))]
                    case 1: bytes.remove(at: position)
                    case 2: bytes.insert(interesting[Int(random.next() % UInt64(interesting.count))], at: position)
                    default:
                        let length = min(bytes.count - position, Int(random.next() % 40))
                        bytes.insert(contentsOf: bytes[position..<(position + length)], at: position)
                    }
                    if bytes.isEmpty { break }
                }
                #expect(MutationTests.runAll(bytes, name: input.name))
            }
        }
    }
}
