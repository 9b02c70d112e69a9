import Foundation
import Testing

/// `ramverk kontrollera` as CI meets it: exit codes and their order, --tyst,
/// --varningar-som-fel, the alias, and the same output however the files are scheduled.
struct CheckCommandTests {
    static let folder = "Tests/EndToEndTests/Golden/kontrollera"
    static func file(_ name: String) -> String { "\(folder)/\(name)" }

    @Test("exit codes: 0 all hold, 1 a check fails, 65 errors, 66 a path is missing")
    func exitCodes() throws {
        let cases: [([String], Int32)] = [
            ([CheckCommandTests.file("bra.ramverk")], 0),
            ([CheckCommandTests.file("varningar.ramverk")], 0),
            ([CheckCommandTests.file("kontrollfel.ramverk")], 1),
            ([CheckCommandTests.file("under/fel.ramverk")], 65),
            (["finns/inte.ramverk"], 66),
            ([CheckCommandTests.folder], 65),
            ([CheckCommandTests.file("kontrollfel.ramverk"), CheckCommandTests.file("under/fel.ramverk")], 65),
            ([CheckCommandTests.file("under/fel.ramverk"), "finns/inte.ramverk"], 66),
            (["Scenarios"], 1),
        ]
        for (paths, expected) in cases {
            let output = try RamverkBinary.run(["kontrollera"] + paths)
            #expect(output.exitCode == expected, "\(paths): \(output.stdout)")
            #expect(output.stderr.isEmpty)
        }
    }

    @Test("a wrong command line exits 64")
    func usage() throws {
        for arguments in [["kontrollera"], ["kontrollera", "Scenarios", "--okänd"], ["kontrollera", "Scenarios", "--format", "xml"]] {
            let output = try RamverkBinary.run(arguments)
            #expect(output.exitCode == 64, "\(arguments)")
            #expect(output.stdout.isEmpty)
        }
        let none = try RamverkBinary.run(["kontrollera"])
        #expect(none.stderr.contains("ange minst en fil eller mapp att kontrollera"))
    }

    @Test("--tyst prints nothing for a clean run, and the problems of one that is not")
    func quiet() throws {
        let clean = try RamverkBinary.run(["kontrollera", "--tyst", CheckCommandTests.file("bra.ramverk"),
                                           CheckCommandTests.file("varningar.ramverk"), "--format", "github",
                                           "--varningar-som-fel"])
        #expect(clean.exitCode == 65, "warnings are problems with --varningar-som-fel")
        #expect(clean.stdout.hasPrefix("::error file=\(CheckCommandTests.file("varningar.ramverk")),line=7"))
        let silent = try RamverkBinary.run(["kontrollera", "--tyst", CheckCommandTests.file("bra.ramverk")])
        #expect(silent.exitCode == 0)
        #expect(silent.stdout.isEmpty && silent.stderr.isEmpty)
        let failing = try RamverkBinary.run(["kontrollera", "--tyst", CheckCommandTests.file("kontrollfel.ramverk")])
        #expect(failing.exitCode == 1)
        #expect(failing.stdout.contains("✗ Summa Kultur, Budget 2024: tryckt 850, beräknat 840, differens 10"))
    }

    @Test("--varningar-som-fel makes a warning exit 65 and says so")
    func warningsAsErrors() throws {
        let output = try RamverkBinary.run(["kontrollera", CheckCommandTests.file("varningar.ramverk"), "--varningar-som-fel"])
        #expect(output.exitCode == 65)
        #expect(output.stdout.hasSuffix("1 fil, 2 varningar (räknas som fel), 1 not, alla 2 kontroller stämmer\n"))
    }

    @Test("the alias check runs the same command")
    func alias() throws {
        let swedish = try RamverkBinary.run(["kontrollera", CheckCommandTests.folder])
        let english = try RamverkBinary.run(["check", CheckCommandTests.folder])
        #expect(swedish == english)
    }

    @Test("many files, run concurrently, come out sorted and the same every time")
    func deterministic() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ramverk-kontrollera-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var names: [String] = []
        for index in 0..<30 {
            let name = "del\(index < 10 ? "0" : "")\(index).ramverk"
            names.append(name)
            let value = index % 4 == 0 ? "okänd" : "\(index)"
            let folder = root.appendingPathComponent(index % 2 == 0 ? "a" : "b")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try "kolumn 2024\npost X 2024: \(value)\nkontroll X.2024 > 10\n"
                .write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let first = try RamverkBinary.run(["kontrollera", ".", "--format", "json"], in: root)
        let second = try RamverkBinary.run(["kontrollera", ".", "--format", "json"], in: root)
        #expect(first == second)
        #expect(first.exitCode == 65)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        let paths = (document["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
        let expected = names.enumerated().map { "./\($0.offset % 2 == 0 ? "a" : "b")/\($0.element)" }.sorted()
        #expect(paths == expected)
    }

    @Test("GitHub annotations escape a file name with a comma and a colon")
    func githubEscaping() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ramverk-github-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try "kolumn 2024\npost X 2024: 5 %\n".write(to: root.appendingPathComponent("a,b:c.ramverk"), atomically: true, encoding: .utf8)
        let output = try RamverkBinary.run(["kontrollera", "a,b:c.ramverk", "--format", "github", "--tyst"], in: root)
        #expect(output.exitCode == 65)
        #expect(output.stdout == "::error file=a%2Cb%3Ac.ramverk,line=2,col=14,endLine=2,endColumn=16,title=R0403::"
                + "en procentsats är inget belopp%0Ahjälp: räkna procent av ett belopp, t.ex. Folkhälsa.2020 × 3 %25\n")
    }

    @Test("the help names every exit code")
    func help() throws {
        let output = try RamverkBinary.run(["kontrollera", "--help"])
        #expect(output.exitCode == 0)
        for text in ["Slutkoder", "0 allt stämmer", "1 en kontroll", "64", "65", "66", "--varningar-som-fel", "--tyst", "github"] {
            #expect(output.stdout.contains(text), "help lacks \(text)")
        }
    }
}
