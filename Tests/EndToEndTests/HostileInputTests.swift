import Foundation
import Testing

/// Inputs no budget is, against the built binary: each ends in the documented
/// diagnostic at its place and the documented exit code, within a deadline (see
/// HostileFileTests for the helpers and for `inkludera`).
struct HostileInputTests {
    typealias Hostile = HostileFileTests

    @Test("a file of 100 MB: read, checked to its last line, the error there, in seconds")
    func hundredMegabytes() throws {
        let folder = try Hostile.folder([:])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let url = folder.appendingPathComponent("stor.ramverk")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.write(contentsOf: Data("kolumn 2024\npost A 2024: 1\n".utf8))
        // 100 MiB of comment lines (they cost the lexer what any line does), then an error.
        let line = "# " + String(repeating: "budget ", count: 145) + "\n"
        let block = Data(String(repeating: line, count: 1_024).utf8)
        var written = 0
        while written < 100 << 20 {
            try handle.write(contentsOf: block)
            written += block.count
        }
        try handle.write(contentsOf: Data("post B 2024: 1 €\n".utf8))
        try handle.close()
        let lines = 2 + (written / block.count) * 1_024 + 1
        let output = try Hostile.run(["kör", "stor.ramverk"], in: folder, seconds: 180)
        try Hostile.expect(output, "R0103", at: "stor.ramverk:\(lines):16")
    }

    @Test("a file over 256 MiB: exit 66 as the main file, R0607 when included; /dev/zero ends too")
    func overTheSizeLimit() throws {
        let folder = try Hostile.folder(Hostile.text(["huvud.ramverk": "inkludera \"jätte.ramverk\"\n"]))
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        // A sparse file: its size is what counts, and it takes no room on disk.
        let url = folder.appendingPathComponent("jätte.ramverk")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 300 << 20)
        try handle.close()
        let main = try Hostile.run(["kör", "jätte.ramverk"], in: folder)
        #expect(main.exitCode == 66)
        #expect(main.stderr == "jätte.ramverk: fel: kan inte läsa filen: filen är större än 256 MiB\n")
        try Hostile.expect(try Hostile.run(["kör", "huvud.ramverk"], in: folder), "R0607", at: "huvud.ramverk:1:11")
        // A device that never ends is read up to the limit, then refused.
        let zero = try Hostile.run(["kör", "/dev/zero"], in: folder)
        #expect(zero.exitCode == 66)
        #expect(zero.stderr.contains("filen är större än 256 MiB"))
    }

    @Test("a line of a megabyte: 100 errors shown in part, R0608, little output")
    func megabyteLine() throws {
        let folder = try Hostile.folder(Hostile.text([
            "rad.ramverk": "kolumn 2024\npost A 2024: " + String(repeating: "€", count: 350_000) + "\n",
            "semikolon.ramverk": String(repeating: "x;", count: 500_000) + "\n",
        ]))
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let output = try Hostile.run(["kör", "rad.ramverk"], in: folder)
        try Hostile.expect(output, "R0103", at: "rad.ramverk:2:14")
        #expect(output.stderr.contains("rad.ramverk:2:114: not[R0608]"))
        #expect(output.stderr.utf8.count < 100_000)
        let statements = try Hostile.run(["kör", "semikolon.ramverk"], in: folder)
        try Hostile.expect(statements, "R0201", at: "semikolon.ramverk:1:1")
        #expect(statements.stderr.utf8.count < 100_000)
    }

    @Test("10 000 nested parentheses: R0205 at the 201st")
    func nestedParentheses() throws {
        let text = "kolumn 2024\npost A 2024: " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000) + "\n"
        let folder = try Hostile.folder(Hostile.text(["djup.ramverk": text]))
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try Hostile.expect(try Hostile.run(["kör", "djup.ramverk"], in: folder), "R0205", at: "djup.ramverk:2:214")
    }

    @Test("NUL, invalid UTF-8: their codes at their places")
    func badBytes() throws {
        let folder = try Hostile.folder([
            "nul.ramverk": Array("kolumn 2024\npost A 2024: 1".utf8) + [0] + Array("\n".utf8),
            "latin1.ramverk": Array("kolumn 2024\npost Malm".utf8) + [0xF6] + Array(" 2024: 1\n".utf8),
            "binär.ramverk": [UInt8](repeating: 0, count: 1 << 20),
        ])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try Hostile.expect(try Hostile.run(["kör", "nul.ramverk"], in: folder), "R0102", at: "nul.ramverk:2:15")
        try Hostile.expect(try Hostile.run(["kör", "latin1.ramverk"], in: folder), "R0101", at: "latin1.ramverk:2:10")
        let binary = try Hostile.run(["kör", "binär.ramverk"], in: folder)
        try Hostile.expect(binary, "R0102", at: "binär.ramverk:1:1")
        #expect(binary.stderr.contains("not[R0608]"))
    }

    @Test("a byte-order mark and CR LF: the same report as plain LF, exit 0")
    func byteOrderMarkAndCRLF() throws {
        let plain = "kommun Exempel\nenhet tkr\nkolumn 2024\nområde A {\n  post B 2024: 1 000\n  summa 2024: 1 000\n}\n"
        let folder = try Hostile.folder(Hostile.text([
            "lf.ramverk": plain,
            "windows.ramverk": "\u{FEFF}" + plain.replacingOccurrences(of: "\n", with: "\r\n"),
            "fel.ramverk": "\u{FEFF}kolumn 2024\r\npost A 2024: 1 €\r\n",
        ]))
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let lf = try Hostile.run(["kör", "lf.ramverk"], in: folder)
        let windows = try Hostile.run(["kör", "windows.ramverk"], in: folder)
        #expect(lf.exitCode == 0 && windows.exitCode == 0)
        #expect(lf.stdout == windows.stdout)
        try Hostile.expect(try Hostile.run(["kör", "fel.ramverk"], in: folder), "R0103", at: "fel.ramverk:2:16")
    }

    @Test("overflow, division by zero, a percentage of a percentage, a cycle: each its code and 65")
    func evaluationErrors() throws {
        let folder = try Hostile.folder(Hostile.text([
            "overflow.ramverk": "kolumn 2024\nenhet mdkr\npost A 2024: 900 000 000 × 900 000 000\n",
            "noll.ramverk": "kolumn 2024\npost A 2024: 1 / (2 − 2)\n",
            "procent.ramverk": "kolumn 2024\nlåt ökning = 2,4 %\npost A 2024: 1 000 × ökning %\n",
            "cirkel.ramverk": "kolumn 2024\nlåt a = b\nlåt b = a\npost A 2024: a\n",
            "kedja.ramverk": "kolumn 2024\npost P 2024: v198\nlåt v0 = 1\n"
                + (1...198).map { "låt v\($0) = " + String(repeating: "−", count: 195) + "v\($0 - 1)\n" }.joined(),
        ]))
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try Hostile.expect(try Hostile.run(["kör", "overflow.ramverk"], in: folder), "R0501", at: "overflow.ramverk:3:14")
        try Hostile.expect(try Hostile.run(["kör", "noll.ramverk"], in: folder), "R0502", at: "noll.ramverk:2:14")
        try Hostile.expect(try Hostile.run(["kör", "procent.ramverk"], in: folder), "R0429", at: "procent.ramverk:3:22")
        try Hostile.expect(try Hostile.run(["kör", "cirkel.ramverk"], in: folder), "R0503", at: "cirkel.ramverk:3:9")
        let deep = try Hostile.run(["kör", "kedja.ramverk"], in: folder)
        #expect(deep.exitCode == 65 && deep.stderr.contains("fel[R0505]"))
        // `kontrollera` runs files on other threads: the same limits hold there.
        let all = try Hostile.run(["kontrollera", "."], in: folder)
        #expect(all.exitCode == 65 && all.stdout.contains("fel[R0505]"))
    }
}
