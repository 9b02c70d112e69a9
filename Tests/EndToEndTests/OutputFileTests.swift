import Foundation
import Testing

/// `-o FIL` / `--utdata FIL` on `kör` and `risk`: the report goes to the file, whole,
/// and a run that fails — a folder that is missing or read-only, a full disk, errors in
/// the scenario — never leaves half a report or harms the one before (exit 73 when the
/// file cannot be written).
struct OutputFileTests {
    static let haninge = "Scenarios/haninge-2021.ramverk"
    static let old = "den tidigare rapporten\n"

    /// The file's bytes as text, a byte-order mark kept (Foundation's reader drops it).
    static func read(_ url: URL) throws -> String { String(decoding: try Data(contentsOf: url), as: UTF8.self) }

    @Test("every format written to a file is what standard output gets; the exit code is the same")
    func sameAsStandardOutput() throws {
        let folder = try ExternalTool.scratchFolder("utdata")
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in ["text", "json", "csv", "html"] {
            let file = folder.appendingPathComponent("rapport.\(format)")
            let written = try RamverkBinary.run(["kör", OutputFileTests.haninge, "--format", format, "-o", file.path])
            let printed = try RamverkBinary.run(["kör", OutputFileTests.haninge, "--format", format])
            #expect(written.exitCode == 1 && printed.exitCode == 1)
            #expect(written.stdout.isEmpty)
            #expect(written.stderr == printed.stderr, "diagnostics still go to standard error")
            #expect(try OutputFileTests.read(file) == printed.stdout, "\(format)")
        }
        let risk = folder.appendingPathComponent("risk.html")
        let written = try RamverkBinary.run(["risk", OutputFileTests.haninge, "--format", "html", "--utdata", risk.path])
        #expect(written.exitCode == 0)
        let printed = try RamverkBinary.run(["risk", OutputFileTests.haninge, "--format", "html"])
        #expect(try OutputFileTests.read(risk) == printed.stdout)
        // An existing report is replaced; no temporary file is left behind.
        let again = try RamverkBinary.run(["risk", OutputFileTests.haninge, "--format", "csv", "--utdata", risk.path])
        #expect(again.exitCode == 0)
        #expect(try OutputFileTests.read(risk).hasPrefix("\u{FEFF}Tabell;"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test("-o - is standard output; text in a file has no colour codes")
    func dashAndColour() throws {
        let dash = try RamverkBinary.run(["kör", OutputFileTests.haninge, "-o", "-"])
        let plain = try RamverkBinary.run(["kör", OutputFileTests.haninge])
        #expect(dash == plain)
        #expect(!dash.stdout.isEmpty)
    }

    @Test("a folder that does not exist: a clear message, exit 73, no file")
    func missingFolder() throws {
        let folder = try ExternalTool.scratchFolder("utdata")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = RamverkBinary.packageRoot.appendingPathComponent(OutputFileTests.haninge).path
        let run = try RamverkBinary.run(["kör", scenario, "--format", "csv", "-o", "saknas/rapport.csv"], in: folder)
        #expect(run.exitCode == 73)
        #expect(run.stderr.hasSuffix("saknas/rapport.csv: fel: kan inte skriva filen: mappen finns inte; ingen fil skrevs\n"))
        #expect(run.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("a write that fails half-way (no room left): exit 73, the old report intact")
    func writeFailsHalfWay() throws {
        let folder = try ExternalTool.scratchFolder("utdata")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("rapport.html")
        try OutputFileTests.old.write(to: file, atomically: false, encoding: .utf8)
        let scenario = RamverkBinary.packageRoot.appendingPathComponent(OutputFileTests.haninge).path
        for command in ["kör", "risk"] {
            // A file-size limit of 0 makes every write fail, as a full disk would, also for root.
            let run = try FormatCommandTests.runLimited([command, scenario, "--format", "html", "-o", "rapport.html"], in: folder)
            #expect(run.exitCode == 73)
            #expect(run.stderr.hasSuffix("rapport.html: fel: kan inte skriva filen: filen blir större än tillåtet; filen är oförändrad\n"))
            #expect(run.stdout.isEmpty)
            #expect(try OutputFileTests.read(file) == OutputFileTests.old)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["rapport.html"])
        }
    }

    @Test("a read-only folder: exit 73, the old report intact")
    func readOnlyFolder() throws {
        guard geteuid() != 0 else {
            print("OutputFileTests.readOnlyFolder: skipped, running as root (permissions do not stop root; writeFailsHalfWay covers the failure)")
            return
        }
        let folder = try ExternalTool.scratchFolder("utdata")
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
            try? FileManager.default.removeItem(at: folder)
        }
        let file = folder.appendingPathComponent("rapport.csv")
        try OutputFileTests.old.write(to: file, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        let run = try RamverkBinary.run(["kör", OutputFileTests.haninge, "--format", "csv", "-o", file.path])
        #expect(run.exitCode == 73)
        #expect(run.stderr.hasSuffix("rapport.csv: fel: kan inte skriva filen: åtkomst nekad; filen är oförändrad\n"))
        #expect(try OutputFileTests.read(file) == OutputFileTests.old)
    }

    @Test("a scenario with errors writes no report: exit 65, the old report intact")
    func scenarioErrors() throws {
        let folder = try ExternalTool.scratchFolder("utdata")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("rapport.html")
        try OutputFileTests.old.write(to: file, atomically: false, encoding: .utf8)
        let run = try RamverkBinary.run(["kör", "-", "--format", "html", "-o", file.path],
                                        stdin: "enhet tkr\nområde A {\n  post B 2024: x\n}\n")
        #expect(run.exitCode == 65)
        #expect(try OutputFileTests.read(file) == OutputFileTests.old)
    }

    @Test("-o naming the scenario itself is refused (exit 64), the scenario untouched")
    func outputIsInput() throws {
        let folder = try ExternalTool.scratchFolder("utdata")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("budget.ramverk")
        let text = "enhet tkr\nområde A {\n  post B  2024: 1\n}\n"
        try text.write(to: scenario, atomically: false, encoding: .utf8)
        for command in ["kör", "risk"] {
            let run = try RamverkBinary.run([command, "budget.ramverk", "-o", "./budget.ramverk"], in: folder)
            #expect(run.exitCode == 64)
            #expect(run.stderr == "ramverk \(command): fel: utdatafilen ./budget.ramverk är scenariofilen själv; välj ett annat namn\n")
            #expect(try OutputFileTests.read(scenario) == text)
        }
    }
}
