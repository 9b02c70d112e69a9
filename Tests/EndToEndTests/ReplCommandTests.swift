import Foundation
import Testing

/// `ramverk repl` and `ramverk` alone with standard input from a pipe: the lines are a
/// script, without prompts.
struct ReplCommandTests {
    static let haninge = "Scenarios/haninge-2021.ramverk"

    @Test("piped lines run as a script: the answers, no prompts, exit 0")
    func piped() throws {
        let output = try RamverkBinary.run(["repl", ReplCommandTests.haninge],
                                           stdin: "Folkhälsa.2021 × 2\n:om Folkhälsa = 800\n:diff\nområde Ny {\n  post A 2021: 5\n}\nsumma(Ny)\n")
        #expect(output.exitCode == 0)
        #expect(output.stdout.hasPrefix("Laddade Scenarios/haninge-2021.ramverk: 74 poster i 8 områden"))
        #expect(output.stdout.contains("\n1 000 tkr\n"))
        #expect(output.stdout.contains("Folkhälsa: 500 tkr → 800 tkr"))
        #expect(output.stdout.contains("  1. :om Folkhälsa = 800"))
        #expect(output.stdout.contains("\n5 tkr\n"))
        #expect(!output.stdout.contains("ramverk>"))
        #expect(output.stderr.isEmpty)
    }

    @Test("ramverk with no arguments reads a script from a pipe too; an error does not stop it, exit 65")
    func noArguments() throws {
        let output = try RamverkBinary.run([], stdin: ":ladda \(ReplCommandTests.haninge)\nFolkhälsan\nTolk.2021\n")
        #expect(output.exitCode == 65)
        #expect(output.stdout.contains("<inmatning>:1:1: fel[R0301]: okänt namn 'Folkhälsan'"))
        #expect(output.stdout.hasSuffix("\n100 tkr\n"))
    }

    @Test("a misspelt command is an error (64), not a file to open a session on")
    func misspeltCommand() throws {
        let output = try RamverkBinary.run(["kontrolera"])
        #expect(output.exitCode == 64)
        #expect(output.stderr.contains("okänt kommando 'kontrolera'; menade du 'kontrollera'?"))
    }

    @Test("--help still shows the help, and names the repl")
    func help() throws {
        let output = try RamverkBinary.run(["--help"])
        #expect(output.exitCode == 0)
        #expect(output.stdout.contains("kontrollera"))
        #expect(output.stdout.contains("repl"))
    }

    @Test(":spara-scenario writes the file, and adds to it only when told to")
    func saveScenario() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ramverk-repl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("alt.ramverk").path
        let script = """
        :om Folkhälsa = 800
        :om "Kommunstyrelsens reserv" minskar med 2 000
        :spara-scenario "Alt C" \(target)
        :spara-scenario "Alt D" \(target)
        nej
        :spara-scenario! "Alt D" \(target)

        """
        let output = try RamverkBinary.run(["repl", ReplCommandTests.haninge], stdin: script)
        #expect(output.exitCode == 0)
        let written = try String(contentsOfFile: target, encoding: .utf8)
        let block = { (name: String) in
            "scenario \"\(name)\" {\n  Folkhälsa = 800\n  \"Kommunstyrelsens reserv\" minskar med 2 000\n}\n"
        }
        #expect(written == block("Alt C") + "\n" + block("Alt D"))
        #expect(output.stdout.contains("Scenariot sparades inte."))
        // Nothing but the file itself is left in the folder (no temporary file).
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["alt.ramverk"])
    }
}
