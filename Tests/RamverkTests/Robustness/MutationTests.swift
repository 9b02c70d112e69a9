import Foundation
import Testing
@testable import Ramverk

/// No input crashes the pipeline: every prefix of every scenario in the repository, and
/// deterministic byte mutations of each, run through everything the fuzzer runs
/// (`PipelineHarness`: parse, check, evaluate, the risk analysis, every renderer, the
/// formatter) and end in a report or in diagnostics. A trap here kills the test run.
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

    /// Files up to this size are cut after every byte; larger ones in every line.
    static let everyByteUpTo = 2_500

    /// Where to cut a file: after every byte of a small file; in a large one at the end
    /// of every line and three places inside it (after its first byte, mid-line — often
    /// mid-token or inside an ä — and before its line end).
    static func cuts(_ bytes: [UInt8]) -> [Int] {
        guard bytes.count > everyByteUpTo else { return Array(0...bytes.count) }
        var cuts = [0]
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            cuts += [start + 1, (start + end) / 2, max(start, end - 1), min(end + 1, bytes.count)]
            start = end + 1
        }
        return Array(Set(cuts.filter { $0 <= bytes.count })).sorted()
    }

    @Test("every prefix of every scenario, through the whole harness", arguments: MutationTests.inputs().map(\.name))
    func everyPrefix(_ name: String) {
        guard let input = MutationTests.inputs().first(where: { $0.name == name }) else { return }
        var failures: [String] = []
        for cut in MutationTests.cuts(input.bytes) {
            let found = PipelineHarness.run(Array(input.bytes[0..<cut]))
            if !found.isEmpty { failures.append("cut at \(cut): \(found)") }
        }
        #expect(failures.isEmpty, "\(name): \(failures.prefix(5))")
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
                let failures = PipelineHarness.run(bytes)
                #expect(failures.isEmpty, "\(input.name): \(failures)\n\(String(decoding: bytes, as: UTF8.self))")
            }
        }
    }
}
