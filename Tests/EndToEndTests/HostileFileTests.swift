import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Hostile scenario files against the built binary: `inkludera` reaches nothing outside
/// the including file's folder (absolute paths, "..", symbolic links to files and to
/// folders, /dev/zero, a named pipe, a NUL in the path), and files no budget ever is — a
/// hundred megabytes, a line of a megabyte, 10 000 parentheses, NUL, invalid UTF-8, a
/// byte-order mark, CR LF — end in a diagnostic with its place and the exit code
/// docs/diagnostiker.md gives its kind (fel: 65), within a time limit: never a crash or a
/// hang. Every run has a deadline, so a hang fails the test instead of the suite.
struct HostileFileTests {
    /// The exit code of a run whose worst problem is `code`, as docs/diagnostiker.md
    /// documents it: an error stops the run with 65; a warning or a note does not.
    static func documentedExitCode(_ code: String) throws -> Int32 {
        let document = try String(contentsOf: RamverkBinary.packageRoot.appendingPathComponent("docs/diagnostiker.md"),
                                  encoding: .utf8)
        guard let heading = document.range(of: "\n## \(code) "),
              let kind = document.range(of: "Typ: **", range: heading.upperBound..<document.endIndex) else {
            Issue.record("\(code) is not documented in docs/diagnostiker.md")
            return -1
        }
        return document[kind.upperBound...].hasPrefix("fel**") ? 65 : 0
    }

    /// A folder of files for one test (text, or bytes), removed afterwards by the caller.
    static func folder(_ files: [String: [UInt8]]) throws -> URL {
        let folder = try ExternalTool.scratchFolder("fientlig").appendingPathComponent("scenario")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, bytes) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return folder
    }

    static func text(_ files: [String: String]) -> [String: [UInt8]] { files.mapValues { Array($0.utf8) } }

    /// `ramverk ARGUMENTS` in `folder`, at most `seconds`.
    static func run(_ arguments: [String], in folder: URL, seconds: TimeInterval = 60) throws -> ExternalTool.Output {
        let output = try ExternalTool.run(RamverkBinary.executable.path, arguments, timeout: seconds, in: folder)
        #expect(!output.timedOut, "ramverk \(arguments) hung")
        #expect(!output.stderr.contains("Fatal error") && output.exitCode < 128, "ramverk \(arguments) crashed")
        return output
    }

    /// The run reports `code` first at `place` ("file:line:col") and exits as documented.
    static func expect(_ output: ExternalTool.Output, _ code: String, at place: String,
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let expected = try documentedExitCode(code)
        #expect(output.exitCode == expected, "exit \(output.exitCode), not \(expected):\n\(output.stderr.prefix(2_000))",
                sourceLocation: sourceLocation)
        let kind = expected == 65 ? "fel" : "not"
        #expect(output.stderr.contains("\(place): \(kind)[\(code)]"), "no \(code) at \(place):\n\(output.stderr.prefix(2_000))",
                sourceLocation: sourceLocation)
    }

    // MARK: - inkludera stays in its folder

    @Test("absolute paths and '..' are refused, whether or not the file exists (R0602)")
    func outsideByPath() throws {
        let folder = try HostileFileTests.folder(HostileFileTests.text([
            "absolut.ramverk": "inkludera \"/etc/passwd\"\n",
            "upp.ramverk": "inkludera \"../utanför.ramverk\"\n",
            "omväg.ramverk": "inkludera \"del/../../utanför.ramverk\"\n",
            "hem.ramverk": "inkludera \"~/x.ramverk\"\n",
            "del/syskon.ramverk": "inkludera \"../absolut.ramverk\"\n",
        ]))
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try Data("kommun Utanför\n".utf8).write(to: folder.deletingLastPathComponent().appendingPathComponent("utanför.ramverk"))
        for name in ["absolut.ramverk", "upp.ramverk", "omväg.ramverk", "hem.ramverk", "del/syskon.ramverk"] {
            let output = try HostileFileTests.run(["kör", name], in: folder)
            try HostileFileTests.expect(output, "R0602", at: "\(name):1:11")
            #expect(!output.stderr.contains("Utanför"))
        }
    }

    @Test("a symbolic link to a file or a folder outside, or to /dev/zero, is refused (R0602)")
    func outsideByLink() throws {
        let folder = try HostileFileTests.folder(HostileFileTests.text([
            "fil.ramverk": "inkludera \"länk.ramverk\"\n",
            "mapp.ramverk": "inkludera \"ute/del.ramverk\"\n",
            "noll.ramverk": "inkludera \"noll-länk.ramverk\"\n",
            "inne.ramverk": "kolumn 2024\ninkludera \"inne-länk.ramverk\"\n",
            "del/post.ramverk": "post A 2024: 1\n",
        ]))
        let outside = folder.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("ute"), withIntermediateDirectories: true)
        try Data("kommun Utanför\n".utf8).write(to: outside.appendingPathComponent("ute/del.ramverk"))
        let links = [("länk.ramverk", "../ute/del.ramverk"), ("ute", "../ute"), ("noll-länk.ramverk", "/dev/zero"),
                     ("inne-länk.ramverk", "del/post.ramverk")]
        for (name, target) in links {
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent(name).path, withDestinationPath: target)
        }
        for name in ["fil.ramverk", "mapp.ramverk", "noll.ramverk"] {
            try HostileFileTests.expect(try HostileFileTests.run(["kör", name], in: folder), "R0602", at: "\(name):1:11")
        }
        // A link that stays inside the folder is followed.
        let inside = try HostileFileTests.run(["kör", "inne.ramverk"], in: folder)
        #expect(inside.exitCode == 0, "\(inside.stderr)")
    }

    @Test("a named pipe, a folder, a NUL in the path: refused at once, nothing read")
    func notAFile() throws {
        let folder = try HostileFileTests.folder([
            "rör.ramverk": Array("inkludera \"pipe.ramverk\"\n".utf8),
            "mapp.ramverk": Array("inkludera \"en-mapp.ramverk\"\n".utf8),
            "nul.ramverk": Array("inkludera \"x".utf8) + [0] + Array(".ramverk\"\n".utf8),
            "x": Array("kommun Läst\n".utf8),
        ])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        #expect(mkfifo(folder.appendingPathComponent("pipe.ramverk").path, 0o644) == 0)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("en-mapp.ramverk"), withIntermediateDirectories: true)
        // No process ever writes to the pipe: opening it for reading used to wait for ever.
        let pipe = try HostileFileTests.run(["kör", "rör.ramverk"], in: folder, seconds: 20)
        try HostileFileTests.expect(pipe, "R0605", at: "rör.ramverk:1:11")
        #expect(pipe.stderr.contains("det är ingen vanlig fil"))
        try HostileFileTests.expect(try HostileFileTests.run(["kör", "mapp.ramverk"], in: folder), "R0605", at: "mapp.ramverk:1:11")
        let nul = try HostileFileTests.run(["kör", "nul.ramverk"], in: folder)
        try HostileFileTests.expect(nul, "R0102", at: "nul.ramverk:1:13")
        try HostileFileTests.expect(nul, "R0606", at: "nul.ramverk:1:11")
        #expect(!nul.stderr.contains("Läst"))
        // `kontrollera` on the folder skips the pipe (it is no regular file) and ends.
        let folderRun = try HostileFileTests.run(["kontrollera", "."], in: folder, seconds: 20)
        #expect(folderRun.exitCode == 65)
    }

    @Test("an include cycle (R0603) and 17 levels of includes (R0604)")
    func includeLimits() throws {
        var files = ["a.ramverk": "inkludera \"b.ramverk\"\n", "b.ramverk": "inkludera \"a.ramverk\"\n"]
        for n in 1...17 { files["d\(n).ramverk"] = "inkludera \"d\(n + 1).ramverk\"\n" }
        files["d18.ramverk"] = "kommun X\n"
        let folder = try HostileFileTests.folder(HostileFileTests.text(files))
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try HostileFileTests.expect(try HostileFileTests.run(["kör", "a.ramverk"], in: folder), "R0603", at: "b.ramverk:1:11")
        try HostileFileTests.expect(try HostileFileTests.run(["kör", "d1.ramverk"], in: folder), "R0604", at: "d17.ramverk:1:11")
    }
}
