import Foundation
import Testing

/// Golden pairs: each `Golden/NAME.cmd` holds the arguments of one `ramverk` run (from
/// the package root); `Golden/NAME.expected` holds exactly what it must print and its
/// exit code. Re-record with `RAMVERK_RECORD=1 swift test --filter GoldenTests`: the
/// run then rewrites the expected files and fails, so a re-record never passes
/// silently.
struct GoldenTests {
    static let folder = RamverkBinary.packageRoot.appendingPathComponent("Tests/EndToEndTests/Golden")

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".cmd") }.map { String($0.dropLast(4)) }.sorted()
    }

    /// What a run looks like in an expected file.
    static func transcript(arguments: [String], output: RamverkBinary.Output) -> String {
        var text = "$ ramverk \(arguments.joined(separator: " "))\n"
        text += "exit \(output.exitCode)\n"
        text += "--- stdout\n\(output.stdout)"
        if !output.stdout.isEmpty && !output.stdout.hasSuffix("\n") { text += "\n" }
        text += "--- stderr\n\(output.stderr)"
        if !output.stderr.isEmpty && !output.stderr.hasSuffix("\n") { text += "\n" }
        return text
    }

    @Test("there are golden cases")
    func casesExist() {
        #expect(GoldenTests.cases.count >= 10)
    }

    @Test("golden case", arguments: GoldenTests.cases)
    func golden(_ name: String) throws {
        let command = try String(contentsOf: GoldenTests.folder.appendingPathComponent("\(name).cmd"), encoding: .utf8)
        let arguments = command.split(separator: "\n").first.map { $0.split(separator: " ").map(String.init) } ?? []
        let output = try RamverkBinary.run(arguments)
        let actual = GoldenTests.transcript(arguments: arguments, output: output)
        let expectedURL = GoldenTests.folder.appendingPathComponent("\(name).expected")
        if ProcessInfo.processInfo.environment["RAMVERK_RECORD"] == "1" {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
            Issue.record("re-recorded \(name).expected; run again without RAMVERK_RECORD")
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected, "golden \(name) differs; re-record with RAMVERK_RECORD=1 if the change is intended")
    }
}
