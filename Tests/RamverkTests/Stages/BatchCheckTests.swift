import Foundation
import Testing
@testable import Ramverk

/// Finding the scenario files under a folder, and running many files at once.
struct BatchCheckTests {
    /// A folder on disk with `files` (relative path → text), removed after `body`.
    static func withFolder(_ files: [String: String], _ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ramverk-batch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try body(folder.path)
    }

    /// A file over `LocalFileSystem.parallelReadSize` is read in two halves at once: the
    /// bytes must be the file's, in order, and an included one too.
    @Test func aLargeFileReadsInTwoHalvesAsItIs() throws {
        var text = ""
        var line = 0
        while text.utf8.count < LocalFileSystem.parallelReadSize + 12_345 {
            text += "post \"Rad \(line) åäö\" 2024: \(line)\n"
            line += 1
        }
        try BatchCheckTests.withFolder(["stor.ramverk": text]) { root in
            let read = LocalFileSystem().read(root + "/stor.ramverk")
            #expect(read == .success(Array(text.utf8)))
            #expect(LocalFileSystem().readIncluded(root + "/stor.ramverk") == .success(Array(text.utf8)))
        }
    }

    @Test func aFolderGivesItsScenariosSortedSkippingHiddenFoldersAndOtherFiles() throws {
        try BatchCheckTests.withFolder([
            "b.ramverk": "", "a.ramverk": "", "under/c.ramverk": "", "Ä.ramverk": "",
            ".git/d.ramverk": "", ".build-x/e.ramverk": "", ".dold.ramverk": "", "läsmig.txt": "",
        ]) { root in
            let found = ScenarioFinder.find([root + "/"])
            #expect(found.map(\.path) == ["a.ramverk", "b.ramverk", "under/c.ramverk", "Ä.ramverk"].map { root + "/" + $0 })
        }
    }

    @Test func pathsKeepTheirOrderAndAFileNamedTwiceIsCheckedOnce() throws {
        try BatchCheckTests.withFolder(["a.ramverk": "", "b.ramverk": ""]) { root in
            let found = ScenarioFinder.find([root + "/b.ramverk", root, root + "/finns-inte.ramverk"])
            #expect(found == [.file(root + "/b.ramverk"), .file(root + "/a.ramverk"),
                              .unreadable(root + "/finns-inte.ramverk", .notFound)])
        }
    }

    @Test func aFolderWithoutScenariosIsUnreadable() throws {
        try BatchCheckTests.withFolder(["läsmig.txt": ""]) { root in
            #expect(ScenarioFinder.find([root]) == [.unreadable(root, .unreadable("mappen har inga .ramverk-filer"))])
        }
    }

    @Test func aSymbolicLinkToAFolderIsNotFollowed() throws {
        try BatchCheckTests.withFolder(["a/x.ramverk": ""]) { root in
            try FileManager.default.createSymbolicLink(atPath: root + "/a/ring", withDestinationPath: root + "/a")
            #expect(ScenarioFinder.find([root]).map(\.path) == [root + "/a/x.ramverk"])
        }
    }

    @Test func manyFilesRunConcurrentlyKeepTheirOrder() {
        var files: [String: String] = [:]
        for index in 0..<40 {
            // Every third file has an error, every other a failing check.
            let value = index % 3 == 0 ? "okänd" : "1"
            files["f\(index).ramverk"] = "kolumn 2021\npost X 2021: \(value)\nkontroll X.2021 > \(index % 2)\n"
        }
        let names = (0..<40).map { "f\($0).ramverk" }
        let result = BatchCheck.run(names.map { .file($0) }, fileSystem: MemoryFileSystem(files))
        #expect(result.files.map(\.path) == names)
        #expect(result.files.map(\.status) == (0..<40).map { index in
            index % 3 == 0 ? .error : (index % 2 == 1 ? .checkFailed : .ok)
        })
        let tally = result.tally
        #expect(tally.files == 40)
        #expect(tally.errors == 14)
        #expect(tally.checks == 26)
        #expect(tally.failedChecks == 13)
    }

    @Test func everyScenarioIsCheckedAndWhatItBreaksIsNamed() {
        let file = """
            kolumn 2021
            post X 2021: 5
            kontroll "X är högst 10" X.2021 ≤ 10
            scenario "Stort X" { X = 20 }
            scenario "Litet X" { X = 1 }
            """
        let result = BatchCheck.run([.file("s.ramverk")], fileSystem: MemoryFileSystem(["s.ramverk": file]))
        let checked = result.files[0]
        // The base's check, and each scenario's.
        #expect(checked.checkCount == 3)
        #expect(checked.failedChecks.map(\.subject) == ["Stort X: X är högst 10"])
        #expect(checked.status == .checkFailed)
    }

    @Test func theOutcomeIsTheMostSevereAndWarningsCountOnlyWhenAsked() {
        let files = [
            "ok.ramverk": "kolumn 2021\npost X 2021: 1\n",
            "varning.ramverk": "kolumn 2021\nområde A {\n  låt v = 1\n  post X 2021: 1\n}\n",
            "kontroll.ramverk": "kolumn 2021\npost X 2021: 1\nkontroll X.2021 > 5\n",
            "fel.ramverk": "kolumn 2021\npost X 2021: y\n",
        ]
        func outcome(_ entries: [ScenarioFinder.Entry], strict: Bool = false) -> CheckedFile.Status {
            BatchCheck.run(entries, fileSystem: MemoryFileSystem(files)).outcome(warningsAsErrors: strict)
        }
        #expect(outcome([.file("ok.ramverk"), .file("varning.ramverk")]) == .ok)
        #expect(outcome([.file("ok.ramverk"), .file("varning.ramverk")], strict: true) == .error)
        #expect(outcome([.file("kontroll.ramverk"), .file("ok.ramverk")]) == .checkFailed)
        #expect(outcome([.file("kontroll.ramverk"), .file("fel.ramverk")]) == .error)
        #expect(outcome([.file("fel.ramverk"), .file("saknas.ramverk")]) == .unreadable)
    }
}
