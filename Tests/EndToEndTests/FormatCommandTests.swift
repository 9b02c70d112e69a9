import Foundation
import Testing

/// `ramverk formatera` as users and CI run it: files and folders, standard input,
/// --kontroll, syntax errors, and writes that fail without harming the file.
struct FormatCommandTests {
    static let unformatted = "enhet tkr\nområde A {\npost Folkhälsa 2021: 500\npost Tolk 2021: 20500\n}\n"
    static let formatted = "enhet tkr\nområde A {\n  post Folkhälsa  2021:    500\n  post Tolk       2021: 20 500\n}\n"

    /// A fresh folder for one test, removed afterwards by the caller.
    static func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ramverk-fmt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    static func read(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    @Test("standard input is formatted to standard output")
    func standardInput() throws {
        let output = try RamverkBinary.run(["formatera", "-"], stdin: FormatCommandTests.unformatted)
        #expect(output.exitCode == 0)
        #expect(output.stdout == FormatCommandTests.formatted)
        #expect(output.stderr.isEmpty)
        let alias = try RamverkBinary.run(["fmt", "-"], stdin: FormatCommandTests.unformatted)
        #expect(alias == output)
    }

    @Test("a folder: *.ramverk files in name order, hidden folders and .build skipped, modes kept")
    func folder() throws {
        let folder = try FormatCommandTests.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = ["b.ramverk", "a/z.ramverk", "a/klar.ramverk", ".dold/x.ramverk", ".build-x/y.ramverk", "anteckning.txt"]
        for file in files {
            let text = file == "a/klar.ramverk" ? FormatCommandTests.formatted : FormatCommandTests.unformatted
            try FormatCommandTests.write(text, to: folder.appendingPathComponent(file))
        }
        let b = folder.appendingPathComponent("b.ramverk")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: b.path)

        let check = try RamverkBinary.run(["formatera", "--kontroll", "."], in: folder)
        #expect(check.exitCode == 1)
        #expect(check.stdout == """
            inte formaterad: ./a/z.ramverk
            inte formaterad: ./b.ramverk
            2 av 3 filer är inte formaterade; kör ramverk formatera utan --kontroll.

            """)
        #expect(try FormatCommandTests.read(b) == FormatCommandTests.unformatted, "--kontroll wrote a file")

        let run = try RamverkBinary.run(["formatera", "."], in: folder)
        #expect(run.exitCode == 0)
        #expect(run.stdout == "formaterad: ./a/z.ramverk\nformaterad: ./b.ramverk\n2 filer formaterades, 1 var redan formaterad.\n")
        #expect(try FormatCommandTests.read(b) == FormatCommandTests.formatted)
        #expect(try FormatCommandTests.read(folder.appendingPathComponent(".dold/x.ramverk")) == FormatCommandTests.unformatted)
        #expect(try FormatCommandTests.read(folder.appendingPathComponent(".build-x/y.ramverk")) == FormatCommandTests.unformatted)
        #expect(try FormatCommandTests.read(folder.appendingPathComponent("anteckning.txt")) == FormatCommandTests.unformatted)
        let mode = try FileManager.default.attributesOfItem(atPath: b.path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)

        let again = try RamverkBinary.run(["formatera", "--kontroll", "."], in: folder)
        #expect(again.exitCode == 0)
        #expect(again.stdout == "Alla 3 filer är formaterade.\n")
    }

    @Test("a symbolic link stays a link; its target is formatted")
    func symbolicLink() throws {
        let folder = try FormatCommandTests.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("riktig.ramverk")
        let link = folder.appendingPathComponent("lank.ramverk")
        try FormatCommandTests.write(FormatCommandTests.unformatted, to: target)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let run = try RamverkBinary.run(["formatera", "lank.ramverk"], in: folder)
        #expect(run.exitCode == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        #expect(try FormatCommandTests.read(target) == FormatCommandTests.formatted)
    }

    @Test("a file with syntax errors is reported (exit 65) and left as it is; the others are formatted")
    func syntaxErrors() throws {
        let folder = try FormatCommandTests.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = "område A {\npost X   2021: 1\n"
        try FormatCommandTests.write(broken, to: folder.appendingPathComponent("a.ramverk"))
        try FormatCommandTests.write(FormatCommandTests.unformatted, to: folder.appendingPathComponent("b.ramverk"))
        let run = try RamverkBinary.run(["formatera", "a.ramverk", "b.ramverk"], in: folder)
        #expect(run.exitCode == 65)
        #expect(run.stderr.contains("a.ramverk:1:1: fel[R0202]: '}' saknas för att stänga 'område' på rad 1"))
        #expect(run.stderr.contains("1 fel i a.ramverk; filen formaterades inte."))
        #expect(run.stdout == "formaterad: b.ramverk\n1 fil formaterades.\n")
        #expect(try FormatCommandTests.read(folder.appendingPathComponent("a.ramverk")) == broken)
        #expect(try FormatCommandTests.read(folder.appendingPathComponent("b.ramverk")) == FormatCommandTests.formatted)
    }

    @Test("a missing path exits 66, no path 64")
    func missingAndUsage() throws {
        let missing = try RamverkBinary.run(["formatera", "finns/inte.ramverk"])
        #expect(missing.exitCode == 66)
        #expect(missing.stderr == "finns/inte.ramverk: fel: kan inte läsa filen: filen finns inte\n")
        let usage = try RamverkBinary.run(["formatera"])
        #expect(usage.exitCode == 64)
    }

    @Test("--kontroll --skillnader shows the changes, unified-style")
    func differences() throws {
        let output = try RamverkBinary.run(["formatera", "--kontroll", "--skillnader", "-"], stdin: FormatCommandTests.unformatted)
        #expect(output.exitCode == 1)
        #expect(output.stdout == """
            inte formaterad: <stdin>
            --- <stdin>
            +++ <stdin> (formaterad)
            @@ -1,5 +1,5 @@
             enhet tkr
             område A {
            -post Folkhälsa 2021: 500
            -post Tolk 2021: 20500
            +  post Folkhälsa  2021:    500
            +  post Tolk       2021: 20 500
             }

            """)
    }

    @Test("the repository's scenarios are formatted (as CI checks)")
    func repositoryScenarios() throws {
        let output = try RamverkBinary.run(["formatera", "--kontroll", "Scenarios"])
        #expect(output.exitCode == 0, "\(output.stdout)")
    }

    // MARK: - Writes that fail

    @Test("a folder that cannot be written: a clear message, exit 73, the file intact")
    func readOnlyFolder() throws {
        // Root writes into read-only folders; the file-size limit below covers root.
        guard geteuid() != 0 else {
            print("FormatCommandTests.readOnlyFolder: skipped, running as root (permissions do not stop root)")
            return
        }
        let folder = try FormatCommandTests.scratchFolder()
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
            try? FileManager.default.removeItem(at: folder)
        }
        let file = folder.appendingPathComponent("a.ramverk")
        try FormatCommandTests.write(FormatCommandTests.unformatted, to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        let run = try RamverkBinary.run(["formatera", "a.ramverk"], in: folder)
        #expect(run.exitCode == 73)
        #expect(run.stderr == "a.ramverk: fel: kan inte skriva filen: åtkomst nekad; filen är oförändrad\n")
        #expect(run.stdout.isEmpty)
        #expect(try FormatCommandTests.read(file) == FormatCommandTests.unformatted)
    }

    @Test("a write that fails half-way (no room left): a clear message, exit 73, the file intact")
    func writeFailsHalfWay() throws {
        let folder = try FormatCommandTests.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.ramverk")
        try FormatCommandTests.write(FormatCommandTests.unformatted, to: file)
        // A file-size limit of 0 makes every write to a file fail (EFBIG), as a full
        // disk would, also for root. Ignoring SIGXFSZ turns the signal into the error.
        let output = try FormatCommandTests.runLimited(["formatera", "a.ramverk"], in: folder)
        #expect(output.exitCode == 73)
        #expect(output.stderr == "a.ramverk: fel: kan inte skriva filen: filen blir större än tillåtet; filen är oförändrad\n")
        #expect(output.stdout.isEmpty)
        #expect(try FormatCommandTests.read(file) == FormatCommandTests.unformatted)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a.ramverk"])
    }

    /// Runs the binary under `ulimit -f 0`, its output through pipes (which the limit
    /// does not touch, unlike the files `RamverkBinary` collects output in).
    static func runLimited(_ arguments: [String], in folder: URL) throws -> RamverkBinary.Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "trap '' XFSZ; ulimit -f 0; exec \"$0\" \"$@\"", RamverkBinary.executable.path] + arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // The output is a line or two: it fits in the pipes, so reading after exit is safe.
        process.waitUntilExit()
        return RamverkBinary.Output(
            exitCode: process.terminationStatus,
            stdout: String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
            stderr: String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }
}
