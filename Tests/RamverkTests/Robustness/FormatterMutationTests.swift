import Testing
@testable import Ramverk

/// The formatter on deterministic mutations of every scenario: spaces, tabs, line ends,
/// comments and punctuation put where nobody would write them. Whatever still parses
/// must format to text that parses, formats to itself, and means the same.
struct FormatterMutationTests {
    /// What a careless edit or a paste from a PDF puts between tokens, and the
    /// punctuation whose spacing carries meaning.
    static let insertions: [String] = [
        " ", "  ", "\t", "\n", "\n\n", "\r\n", "\u{00A0}", " # kommentar\n", "-", ".", "/", ";", "−", "0", "5",
    ]

    @Test("mutated scenarios that still parse are formatted idempotently and keep their meaning")
    func mutations() {
        var random = MutationTests.SplitMix64(state: 20_261_124)
        var formatted = 0
        for input in MutationTests.inputs() where !input.bytes.isEmpty {
            for _ in 0..<60 {
                var bytes = input.bytes
                for _ in 0..<(1 + Int(random.next() % 3)) {
                    let position = Int(random.next() % UInt64(bytes.count + 1))
                    // Insert between whole characters only: a split ä is not worth formatting.
                    guard position == bytes.count || bytes[position] & 0xC0 != 0x80 else { continue }
                    if random.next() % 4 == 0, position < bytes.count, [0x20, 0x0A].contains(bytes[position]) {
                        bytes.remove(at: position)
                    } else {
                        let insertion = FormatterMutationTests.insertions[Int(random.next() % UInt64(FormatterMutationTests.insertions.count))]
                        bytes.insert(contentsOf: Array(insertion.utf8), at: position)
                    }
                }
                switch Formatter.format(SourceFile(path: input.name, bytes: bytes)) {
                case .syntaxErrors:
                    continue
                case .internalError(let errors):
                    let text = String(decoding: bytes, as: UTF8.self)
                    Issue.record("\(input.name): formatted text does not parse: \(errors.map(\.message))\n\(text)")
                case .formatted(let output):
                    formatted += 1
                    let idempotent = Formatter.format(SourceFile(path: input.name, bytes: output)) == .formatted(output)
                    #expect(idempotent, "\(input.name): not idempotent for\n\(String(decoding: bytes, as: UTF8.self))")
                    FormatterCorpusTests.expectSameMeaning(bytes, output, name: input.name)
                }
            }
        }
        // Most mutations only move spaces around: most mutated files still parse.
        #expect(formatted > 250)
    }
}
