import Foundation
import Testing

/// The REPL in a real terminal: tmux runs the built binary in a pseudo-terminal, types
/// with send-keys and reads the screen with capture-pane. CI installs tmux
/// (scripts/install-dependencies.sh); without it the test is skipped and says why.
struct ReplTerminalTests {
    static let tmux: String? = ["/usr/bin/tmux", "/bin/tmux", "/usr/local/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("completion, multi-line input, Ctrl-C, Ctrl-D, and history across sessions with Ctrl-R",
          .enabled(if: ReplTerminalTests.tmux != nil, "tmux saknas (apt-get install tmux); terminaltestet hoppas över"))
    func terminal() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ramverk-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }

        var screen = try TmuxScreen(tmux: ReplTerminalTests.tmux!, home: home.path)
        defer { screen.close() }
        try screen.waitFor("ramverk>")

        // Tab completes a name with å ä ö; the answer comes the Swedish way.
        screen.send("Folkh", "Tab")
        try screen.waitFor("ramverk> Folkhälsa")
        screen.send(".2021 * 2", "Enter")
        try screen.waitFor("1 000 tkr")

        // A name with spaces is completed inside its quotes.
        screen.send("\"Kommunstyrelsens r", "Tab")
        try screen.waitFor("ramverk> \"Kommunstyrelsens reserv\"")
        screen.send(".2021", "Enter")
        try screen.waitFor("20 500 tkr")

        // Commands complete too.
        screen.send(":förk", "Tab")
        try screen.waitFor("ramverk> :förklara")
        screen.send("C-u")

        // An open block continues with the continuation prompt.
        screen.send("område Ny {", "Enter")
        try screen.waitFor("   ...>")
        screen.send("post A 2021: 5", "Enter", "}", "Enter")
        try screen.waitFor("Modellen har utökats.")
        screen.send("summa(Ny)", "Enter")
        try screen.waitFor("\n5 tkr")

        // Ctrl-C drops the line; the session goes on.
        screen.send("detta skrivs aldrig klart", "C-c")
        screen.send("Tolk.2021", "Enter")
        try screen.waitFor("100 tkr")
        #expect(!screen.contents().contains("fel["))

        // Ctrl-D ends the session; the history is in the file.
        screen.send("C-d")
        try screen.waitFor("SLUT 0")
        let history = try String(contentsOfFile: home.appendingPathComponent(".ramverk_history").path, encoding: .utf8)
        #expect(history.contains("Folkhälsa.2021 * 2\n"))
        #expect(history.hasSuffix("Tolk.2021\n"))
        #expect(!history.contains("detta skrivs aldrig klart"))
        screen.close()

        // A new session has the history: arrow up and Ctrl-R.
        screen = try TmuxScreen(tmux: ReplTerminalTests.tmux!, home: home.path)
        try screen.waitFor("ramverk>")
        screen.send("Up")
        try screen.waitFor("ramverk> Tolk.2021")
        screen.send("C-u", "C-r", "Folk")
        try screen.waitFor("Folkhälsa.2021 * 2")
        screen.send("Enter")
        try screen.waitFor("1 000 tkr")
    }
}

/// One tmux server of its own (its own socket), running `ramverk repl` on Haninge.
struct TmuxScreen {
    let tmux: String
    /// A socket of its own, so the test never meets another tmux server.
    let socket = FileManager.default.temporaryDirectory.appendingPathComponent("ramverk-tmux-\(UUID().uuidString.prefix(8))").path

    init(tmux: String, home: String) throws {
        self.tmux = tmux
        let binary = RamverkBinary.executable.path
        let command = "cd '\(RamverkBinary.packageRoot.path)' && env HOME='\(home)' LANG=C.UTF-8 LC_ALL=C.UTF-8 "
            + "SWIFT_BACKTRACE=enable=no '\(binary)' repl Scenarios/haninge-2021.ramverk; echo SLUT $?; sleep 30"
        try run(["-f", "/dev/null", "new-session", "-d", "-s", "repl", "-x", "120", "-y", "50", command])
    }

    /// Runs `tmux -S socket arguments…`; what it printed. Spawned with a clean signal
    /// mask and default handlers: the tmux server it may start must get SIGCHLD, which a
    /// test runner's threads may block.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)").path
        defer { unlink(output) }
        let quoted = ([tmux, "-S", socket] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let command = quoted.joined(separator: " ") + " </dev/null >'\(output)' 2>/dev/null"
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGCHLD, SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGWINCH] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = environment["TERM"] ?? "xterm"
        let words: [String] = ["/bin/sh", "-c", command]
        let arguments: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        let variables: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            arguments.forEach { free($0) }
            variables.forEach { free($0) }
        }
        var pid = pid_t()
        guard posix_spawn(&pid, "/bin/sh", nil, &attributes, arguments, variables) == 0 else {
            throw CocoaError(.executableLoad)
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    /// Types keys: text as it is, or tmux key names (Enter, Tab, C-c, Up).
    func send(_ keys: String...) {
        for key in keys {
            let named = ["Enter", "Tab", "Up", "C-c", "C-d", "C-u", "C-r"].contains(key)
            _ = try? run(["send-keys", "-t", "repl"] + (named ? [] : ["-l"]) + [key])
            // A human's pace: each key is handled before the next arrives.
            usleep(50_000)
        }
    }

    func contents() -> String {
        (try? run(["capture-pane", "-p", "-t", "repl", "-S", "-200"])) ?? ""
    }

    /// Waits until the screen shows `text` (30 s at most: CI's two cores may be busy
    /// with other tests). The screen has no spaces at the ends of its lines.
    func waitFor(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for _ in 0..<300 {
            if contents().contains(text) { return }
            usleep(100_000)
        }
        Issue.record("the screen never showed \(text.debugDescription); it shows:\n\(contents())", sourceLocation: sourceLocation)
        throw CancellationError()
    }

    func close() {
        _ = try? run(["kill-server"])
        unlink(socket)
    }
}
