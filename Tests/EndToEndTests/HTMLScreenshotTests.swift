import Foundation
import Testing

/// The HTML report as a reader's browser shows it: headless Chromium (the Debian
/// package, installed by `.ci/run`) renders the page of `ramverk kör` for Haninge, with
/// its risk section, to an A4-sized PNG. The image must not be blank, and the page must
/// load without a single console message — the page has no scripts, so any message is
/// a problem: a resource the Content-Security-Policy blocked, a load or parse error.
/// Skipped, with the reason printed, where Chromium or python3 is missing.
struct HTMLScreenshotTests {
    /// Where the screenshot is kept for people to look at: `RAMVERK_SCREENSHOT_DIR`, or
    /// a folder in the temporary directory.
    static var screenshotFolder: URL {
        if let folder = ProcessInfo.processInfo.environment["RAMVERK_SCREENSHOT_DIR"] {
            return URL(fileURLWithPath: folder)
        }
        return FileManager.default.temporaryDirectory.appendingPathComponent("ramverk-screenshots")
    }

    static var chromium: String? {
        ProcessInfo.processInfo.environment["CHROMIUM"]
            ?? ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap(ExternalTool.find).first
    }

    /// Renders `page` to `png`; the lines of Chromium's log that are console messages.
    static func screenshot(_ chromium: String, page: URL, png: URL, profile: URL) throws -> [String] {
        let output = try ExternalTool.run(chromium, [
            "--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars", "--no-first-run",
            "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0",
            "--screenshot=\(png.path)", "--window-size=1240,1754", page.absoluteString,
        ], timeout: 120)
        #expect(!output.timedOut, "chromium did not finish in 120 s")
        #expect(output.exitCode == 0, "chromium failed: \(output.stderr.suffix(2_000))")
        return output.stderr.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") }
    }

    /// The pages a politician is sent: the driftbudget with its risk analysis, and the
    /// comparison of the alternatives.
    static let pages: [(arguments: [String], png: String)] = [
        (["kör", "Scenarios/haninge-2021.ramverk"], "haninge-kor.png"),
        (["jämför", "Scenarios/haninge-2021-alternativ.ramverk", "--iterationer", "5000"], "haninge-jamfor.png"),
    ]

    @Test("headless Chromium renders the pages of Haninge: not blank, no console messages",
          arguments: HTMLScreenshotTests.pages.indices)
    func haningePage(_ index: Int) throws {
        let (arguments, name) = HTMLScreenshotTests.pages[index]
        guard let chromium = HTMLScreenshotTests.chromium else {
            // CI installs chromium (.ci/run), so there the test must run, never skip.
            if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record("chromium is missing in CI") }
            print("HTMLScreenshotTests: skipped, chromium is not installed (bash scripts/install-dependencies.sh --test installs it)")
            return
        }
        guard let python = ExternalTool.find("python3") else {
            print("HTMLScreenshotTests: skipped, python3 is not installed (it reads the PNG)")
            return
        }
        let folder = try ExternalTool.scratchFolder("html")
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("haninge.html")
        let run = try RamverkBinary.run(arguments + ["--format", "html", "-o", page.path])
        #expect(run.exitCode == 1)

        try FileManager.default.createDirectory(at: HTMLScreenshotTests.screenshotFolder, withIntermediateDirectories: true)
        let png = HTMLScreenshotTests.screenshotFolder.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: png)
        let messages = try HTMLScreenshotTests.screenshot(chromium, page: page, png: png,
                                                          profile: folder.appendingPathComponent("profil"))
        #expect(messages.isEmpty, "console messages while loading the page:\n\(messages.joined(separator: "\n"))")
        print("HTMLScreenshotTests: screenshot in \(png.path)")

        let stats = try ExternalTool.run(python, ["scripts/png-stats.py", png.path])
        #expect(stats.exitCode == 0, "\(stats.stderr)")
        let figures = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any] ?? [:]
        #expect(figures["width"] as? Int == 1240)
        #expect(figures["height"] as? Int == 1754)
        // A blank page has one colour; text, tables and the charts' fills give hundreds.
        #expect((figures["colours"] as? Int ?? 0) > 100, "\(figures)")
        #expect((figures["notWhite"] as? Double ?? 0) > 0.02, "\(figures)")
    }

    @Test("the console check is real: a page that breaks the rules is caught")
    func consoleCheckCatchesProblems() throws {
        guard let chromium = HTMLScreenshotTests.chromium else {
            print("HTMLScreenshotTests: skipped, chromium is not installed")
            return
        }
        let folder = try ExternalTool.scratchFolder("html")
        defer { try? FileManager.default.removeItem(at: folder) }
        // The report's own head (its Content-Security-Policy), with what the report must
        // never have: a script with an error and an image from the network.
        let report = try RamverkBinary.run(["kör", "-", "--format", "html"], stdin: "enhet tkr\nområde A {\n  post B  2024: 1\n}\n")
        let broken = report.stdout.replacingOccurrences(
            of: "</main>", with: "<img src=\"https://example.invalid/x.png\"><script>saknas();</script></main>")
        let page = folder.appendingPathComponent("trasig.html")
        try broken.write(to: page, atomically: false, encoding: .utf8)
        let messages = try HTMLScreenshotTests.screenshot(chromium, page: page, png: folder.appendingPathComponent("trasig.png"),
                                                          profile: folder.appendingPathComponent("profil"))
        #expect(messages.count >= 2, "Chromium's log showed no console message for a blocked image and script")
    }
}
