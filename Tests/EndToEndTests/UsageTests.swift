import Foundation
import Testing

/// The command line itself, through the built binary: help and version on standard
/// output (exit 0), usage errors in Swedish on standard error (exit 64). The parser's
/// every form is in RamverkCLITests; here, that the binary wires it.
struct UsageTests {
    static let haninge = "Scenarios/haninge-2021.ramverk"

    @Test("--version prints the version, at the top or after a command")
    func version() throws {
        for arguments in [["--version"], ["kör", "--version"]] {
            let output = try RamverkBinary.run(arguments)
            #expect(output == .init(exitCode: 0, stdout: "0.1.0\n", stderr: ""), "\(arguments)")
        }
    }

    @Test("every spelling of help shows the same Swedish help, and exits 0")
    func help() throws {
        let top = try RamverkBinary.run(["--hjälp"])
        #expect(top.exitCode == 0 && top.stderr.isEmpty)
        for heading in ["ANVÄNDNING: ramverk", "KOMMANDON:", "FLAGGOR:", "kör, kor, run", "repl (standard)"] {
            #expect(top.stdout.contains(heading), "--hjälp lacks \(heading)")
        }
        for arguments in [["--help"], ["--hjalp"], ["-h"], ["help"], ["hjälp"]] {
            #expect(try RamverkBinary.run(arguments) == top, "\(arguments)")
        }
        let run = try RamverkBinary.run(["kör", "--hjälp"])
        for heading in ["ANVÄNDNING: ramverk kör FIL", "ARGUMENT:", "FLAGGOR:", "--kolumn KOLUMN", "-o, --utdata FIL"] {
            #expect(run.stdout.contains(heading), "kör --hjälp lacks \(heading)")
        }
        for arguments in [["kör", "--help"], ["kor", "-h"], ["help", "kör"], ["hjalp", "run"], ["kör", "x", "--bogus", "--hjalp"]] {
            #expect(try RamverkBinary.run(arguments) == run, "\(arguments)")
        }
    }

    @Test("a usage error: what is wrong, the usage line and where the help is, exit 64")
    func usageError() throws {
        let output = try RamverkBinary.run(["kör", UsageTests.haninge, "--bogus"])
        #expect(output == .init(exitCode: 64, stdout: "", stderr: """
            ramverk kör: fel: okänd flagga '--bogus'
            Användning: ramverk kör FIL [--kolumn KOLUMN …] [--format FORMAT] [-o FIL]
                        [--ingen-färg]
            Se 'ramverk kör --hjälp'.

            """))
        let missing = try RamverkBinary.run(["risk", UsageTests.haninge, "--frö"])
        #expect(missing.exitCode == 64)
        #expect(missing.stderr.hasPrefix("ramverk risk: fel: värde saknas efter '--frö'\n"))
        let command = try RamverkBinary.run(["help", "formater"])
        #expect(command.exitCode == 64)
        #expect(command.stderr.hasPrefix("ramverk: fel: okänt kommando 'formater'; menade du 'formatera'?\n"))
    }

    @Test("--flagga=värde is --flagga värde; -- ends the options and - is standard input")
    func forms() throws {
        let spaced = try RamverkBinary.run(["kör", UsageTests.haninge, "--format", "json", "--kolumn", "2021"])
        let joined = try RamverkBinary.run(["kör", "--format=json", "--kolumn=2021", UsageTests.haninge])
        #expect(spaced == joined)
        #expect(spaced.exitCode == 1 && spaced.stdout.hasPrefix("{"))
        let scenario = "enhet tkr\nområde A {\n  post B  2024: 1\n}\n"
        let piped = try RamverkBinary.run(["kör", "--ingen-färg", "--", "-"], stdin: scenario)
        #expect(piped.exitCode == 0 && piped.stdout.contains("Resultat"))
    }
}
