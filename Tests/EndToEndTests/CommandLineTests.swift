import Foundation
import Testing

/// The built binary as users and CI meet it: exit codes, standard input, determinism.
struct CommandLineTests {
    static let haninge = "Scenarios/haninge-2021.ramverk"

    @Test("a scenario whose checks all hold exits 0 and prints the report")
    func cleanScenarioExitsZero() throws {
        let scenario = """
        kommun Exempel
        enhet tkr
        ram 2024 = 300
        område Fritid {
          post Bad     2024: 100
          post Idrott  2024: 200
          summa        2024: 300
        }
        """
        let output = try RamverkBinary.run(["kör", "-"], stdin: scenario)
        #expect(output.exitCode == 0)
        #expect(output.stdout.contains("Summa Fritid"))
        #expect(output.stdout.contains("Resultat: alla 2 kontroller stämmer."))
        #expect(output.stderr.isEmpty)
    }

    @Test("the Haninge scenario finds the document's mistakes and exits 1")
    func haningeExitsOne() throws {
        let output = try RamverkBinary.run(["kör", CommandLineTests.haninge])
        #expect(output.exitCode == 1)
        #expect(output.stdout.contains("tryckt 228 600, beräknat 230 034, differens −1 434"))
        #expect(output.stdout.contains("beslutad ram 247 000, beräknad 257 000, differens −10 000"))
    }

    @Test("the same input gives byte-identical output")
    func deterministic() throws {
        let first = try RamverkBinary.run(["kör", CommandLineTests.haninge, "--format", "json"])
        let second = try RamverkBinary.run(["kör", CommandLineTests.haninge, "--format", "json"])
        #expect(first == second)
        #expect(!first.stdout.isEmpty)
    }

    @Test("ASCII aliases run the same command")
    func aliases() throws {
        let swedish = try RamverkBinary.run(["kör", CommandLineTests.haninge])
        let ascii = try RamverkBinary.run(["kor", CommandLineTests.haninge])
        #expect(swedish == ascii)
    }

    @Test("errors in a scenario exit 65 with file:line:col and a caret")
    func scenarioErrorExits65() throws {
        let output = try RamverkBinary.run(["kör", "-"], stdin: "enhet tkr\nområde A {\n  post Bä 2024: x\n}\n")
        #expect(output.exitCode == 65)
        #expect(output.stderr.contains("<stdin>:3:17: fel[R0301]: okänt namn 'x'"))
        #expect(output.stderr.contains("  |                 ^"))
        #expect(output.stdout.isEmpty)
    }

    @Test("a missing file exits 66, a bad option 64")
    func unreadableAndUsage() throws {
        let missing = try RamverkBinary.run(["kör", "finns/inte.ramverk"])
        #expect(missing.exitCode == 66)
        #expect(missing.stderr.contains("finns/inte.ramverk: fel: kan inte läsa filen: filen finns inte"))
        let folder = try RamverkBinary.run(["kör", "Scenarios"])
        #expect(folder.exitCode == 66)
        let usage = try RamverkBinary.run(["kör", CommandLineTests.haninge, "--okänd-flagga"])
        #expect(usage.exitCode == 64)
        let column = try RamverkBinary.run(["kör", CommandLineTests.haninge, "--kolumn", "1999"])
        #expect(column.exitCode == 64)
    }

    @Test("no colour codes when output is not a terminal")
    func noColourInPipes() throws {
        let output = try RamverkBinary.run(["kör", CommandLineTests.haninge])
        #expect(!output.stdout.contains("\u{1B}["))
    }

    @Test("broken input of every kind ends in a diagnostic, never a crash")
    func brokenInputNeverCrashes() throws {
        let inputs: [String] = [
            String(repeating: "(", count: 10_000) + "1",
            "post \u{0}",
            "område A {\n" + String(repeating: "område B {\n", count: 300),
            "\u{FEFF}kommun X\r\nenhet tkr\r\n",
            "låt a = b\nlåt b = a\nområde X { post Y 2024: a }",
            "ram 2024 = 9 999 999 999 999 999 999 999",
        ]
        for input in inputs {
            let output = try RamverkBinary.run(["kör", "-"], stdin: input)
            #expect([0, 1, 65].contains(output.exitCode), "exit \(output.exitCode) for \(input.prefix(40))")
            #expect(!output.stderr.contains("Fatal error"))
        }
    }

    @Test("invalid UTF-8 is a diagnostic with a position")
    func invalidUTF8() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ramverk-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("trasig.ramverk")
        try Data([0x6B, 0x6F, 0x6D, 0x6D, 0x75, 0x6E, 0x20, 0xFF, 0x0A]).write(to: file)
        let output = try RamverkBinary.run(["kör", file.path])
        #expect(output.exitCode == 65)
        #expect(output.stderr.contains("trasig.ramverk:1:8: fel[R0101]: filen är inte giltig UTF-8"))
    }
}
