import Foundation
import Testing

/// Writes that fail for real, on a file system that is full or read-only: `formatera`
/// and a report with `-o` say why, exit 73, and leave the old file as it was and no
/// temporary file behind. The file system is a tmpfs of 64 KiB in a private mount
/// namespace (`unshare --user --map-root-user --mount`), which needs no privileges where
/// the kernel allows user namespaces; a read-only mount stops root too, unlike a
/// read-only folder. Where namespaces are not allowed the tests say so and pass: the
/// `ulimit -f 0` tests (FormatCommandTests, OutputFileTests) stand in for a full disk.
struct FullDiskTests {
    static let unshare = ["/usr/bin/unshare", "/bin/unshare"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Whether a private tmpfs can be mounted here.
    static let available: Bool = {
        guard let unshare, let output = try? ExternalTool.run(unshare, ["--user", "--map-root-user", "--mount", "sh", "-c",
                                                                        "mount -t tmpfs -o size=64k tmpfs /tmp"], timeout: 20)
        else { return false }
        return output.exitCode == 0
    }()

    /// Runs `script` with `sh` in a fresh mount namespace where "$MAPP" is an empty
    /// tmpfs of 64 KiB; `$RAMVERK` is the binary. Returns what it printed.
    static func inTmpfs(_ script: String, files: [String: String]) throws -> String? {
        guard available, let unshare else {
            print("FullDiskTests: skipped, no user namespaces here (ulimit -f 0 tests stand in for a full disk)")
            return nil
        }
        let scratch = try ExternalTool.scratchFolder("tmpfs")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let mountPoint = scratch.appendingPathComponent("mapp")
        let originals = scratch.appendingPathComponent("original")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: originals, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: originals.appendingPathComponent(name)) }
        let prelude = """
            set -u
            MAPP="$1"; ORIGINAL="$2"; RAMVERK="$3"
            mount -t tmpfs -o size=64k tmpfs "$MAPP" || exit 99
            cp "$ORIGINAL"/* "$MAPP"/
            cd "$MAPP"

            """
        let output = try ExternalTool.run(unshare, ["--user", "--map-root-user", "--mount", "sh", "-c", prelude + script, "sh",
                                                    mountPoint.path, originals.path, RamverkBinary.executable.path],
                                          timeout: 120, in: RamverkBinary.packageRoot)
        #expect(output.exitCode == 0, "\(output.stdout)\n\(output.stderr)")
        return output.stdout + output.stderr
    }

    /// Fills the tmpfs to the last block.
    static let fill = "dd if=/dev/zero of=fyllnad bs=1k 2>/dev/null; sync\n"

    @Test("a full disk: formatera says so, exit 73, the file as it was, nothing left behind")
    func formatOnFullDisk() throws {
        let script = FullDiskTests.fill + """
            "$RAMVERK" formatera a.ramverk 2>&1; echo "slutkod $?"
            cmp -s a.ramverk "$ORIGINAL/a.ramverk" && echo "filen oförändrad"
            ls -A
            """
        guard let printed = try FullDiskTests.inTmpfs(script, files: ["a.ramverk": FormatCommandTests.unformatted]) else { return }
        #expect(printed.contains("a.ramverk: fel: kan inte skriva filen: disken är full; filen är oförändrad"), "\(printed)")
        #expect(printed.contains("slutkod 73"))
        #expect(printed.contains("filen oförändrad"))
        #expect(printed.hasSuffix("a.ramverk\nfyllnad\n"), "a temporary file was left: \(printed)")
    }

    @Test("a full disk: a report with -o says so, exit 73, the old report intact")
    func reportOnFullDisk() throws {
        let scenario = try String(contentsOf: RamverkBinary.packageRoot.appendingPathComponent("Scenarios/vaggeryd-2024-04.ramverk"),
                                  encoding: .utf8)
        let script = FullDiskTests.fill + """
            "$RAMVERK" kör vaggeryd.ramverk --format html -o rapport.html 2>&1; echo "slutkod $?"
            cmp -s rapport.html "$ORIGINAL/rapport.html" && echo "rapporten oförändrad"
            ls -A
            """
        guard let printed = try FullDiskTests.inTmpfs(script, files: ["vaggeryd.ramverk": scenario, "rapport.html": "gammal\n"])
        else { return }
        #expect(printed.contains("rapport.html: fel: kan inte skriva filen: disken är full; filen är oförändrad"), "\(printed)")
        #expect(printed.contains("slutkod 73"))
        #expect(printed.contains("rapporten oförändrad"))
        #expect(printed.hasSuffix("fyllnad\nrapport.html\nvaggeryd.ramverk\n"), "\(printed)")
    }

    @Test("a read-only file system stops root too: exit 73, the file as it was")
    func readOnlyFileSystem() throws {
        let script = """
            mount -o remount,ro "$MAPP" || exit 98
            "$RAMVERK" formatera a.ramverk 2>&1; echo "slutkod $?"
            "$RAMVERK" kör a.ramverk -o rapport.txt 2>&1; echo "slutkod $?"
            cmp -s a.ramverk "$ORIGINAL/a.ramverk" && echo "filen oförändrad"
            ls -A
            """
        guard let printed = try FullDiskTests.inTmpfs(script, files: ["a.ramverk": FormatCommandTests.unformatted]) else { return }
        #expect(printed.contains("a.ramverk: fel: kan inte skriva filen: filsystemet är skrivskyddat; filen är oförändrad"), "\(printed)")
        #expect(printed.contains("rapport.txt: fel: kan inte skriva filen: filsystemet är skrivskyddat; ingen fil skrevs"))
        #expect(printed.components(separatedBy: "slutkod 73").count == 3)
        #expect(printed.hasSuffix("filen oförändrad\na.ramverk\n"))
    }
}
