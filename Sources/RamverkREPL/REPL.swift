import Ramverk
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file whole or not at all (the shell's `AtomicFile`), for `:spara-scenario`.
public protocol FileWriter {
    func write(_ bytes: [UInt8], to path: String) -> Result<Void, WriteFailure>
}

/// Why a file could not be written, in Swedish.
public struct WriteFailure: Error, Sendable {
    public var reason: String
    public init(reason: String) { self.reason = reason }
}

/// The interactive session: reads input through a `LineEditor`, keeps a scenario loaded
/// and evaluated (`ExplorationSession`), and answers each line. An error never ends it;
/// the end of input (Ctrl-D) and `:avsluta` do.
public final class REPL {
    public static let prompt = "ramverk> "
    public static let continuationPrompt = "   ...> "

    var session: ExplorationSession
    /// The scenario file asked for, watched even while it has errors.
    var watchedPath: String?
    var watch = FileWatch()
    /// What `:ångra` takes back, the latest last.
    enum Action { case change, declaration }
    var actions: [Action] = []
    let output: (String) -> Void
    let writer: any FileWriter
    let fileSystem: any FileSystem
    let colour: Bool
    var timing = false
    /// Inputs that ended in an error (a piped script exits 65 when there were any).
    var failures = 0
    var finished = false
    private var cachedCompleter: Completer?

    public init(colour: Bool = false, writer: any FileWriter, fileSystem: any FileSystem = LocalFileSystem(),
                output: @escaping (String) -> Void) {
        self.colour = colour
        self.writer = writer
        self.fileSystem = fileSystem
        self.output = output
        // A session without a file always builds: there is nothing in it to fail.
        guard case .success(let empty) = ExplorationSession.empty(fileSystem: fileSystem) else {
            fatalError("an empty session failed to build")
        }
        session = empty
    }

    /// Runs the session to the end of input or `:avsluta`, starting with `path` loaded
    /// if given. The exit status: 0, or for a script that had errors 65.
    public func run<Editor: LineEditor>(_ editor: inout Editor, path: String?) -> Int32 {
        if editor.isInteractive {
            output("Ramverk – interaktiv session. :hjälp visar kommandona; :avsluta eller Ctrl-D slutar.\n")
        }
        if let path {
            _ = open(path)
        } else if editor.isInteractive {
            output("Ingen fil är laddad: skriv deklarationer och uttryck, eller :ladda FIL.\n")
        }
        var buffer = ""
        while !finished {
            switch editor.readLine(prompt: buffer.isEmpty ? REPL.prompt : REPL.continuationPrompt) {
            case .end:
                if !buffer.isEmpty { handle(buffer, editor: &editor) }
                if editor.isInteractive { output("\n") }
                finished = true
            case .interrupted:
                // Ctrl-C drops the line, and a block being typed with it.
                buffer = ""
            case .line(let line):
                if buffer.isEmpty && line.trimmingSpaces().isEmpty { continue }
                editor.remember(line)
                buffer = buffer.isEmpty ? line : buffer + "\n" + line
                // Commands are one line; other input goes on while a block or
                // parenthesis is open at its end.
                if buffer.hasPrefix(":") || !ExplorationSession.isIncomplete(buffer) {
                    handle(buffer, editor: &editor)
                    buffer = ""
                }
            }
        }
        return editor.isInteractive || failures == 0 ? 0 : 65
    }

    /// Completion of the word before the cursor (`before` is the line up to it).
    public func complete(_ before: String) -> Completer.Completion {
        if cachedCompleter == nil {
            let model = session.model
            cachedCompleter = Completer(commands: REPL.commandNames,
                                        names: session.declaredNames + model.columns.map(\.key),
                                        parts: { REPL.parts(of: $0, in: model) })
        }
        return cachedCompleter!.complete(before)
    }

    /// What may follow `name.` in a reference: the names in every area called `name` and
    /// the column keys; for a post or value, the column keys; nil for no such name. Found
    /// when Tab is pressed (a pass over the areas, and over the posts only when no area
    /// matched), so a model of a million posts keeps no second index for it.
    static func parts(of name: String, in model: Model) -> [String]? {
        let columns = model.columns.map(\.key)
        let areas = model.areas.indices.filter { model.areas[$0].name == name }
        if !areas.isEmpty {
            let inside = areas.flatMap { model.areas[$0].members }.map { member in
                switch member {
                case .area(let area): model.areas[area].name
                case .post(let post): model.posts[post].name
                case .named(let named): model.namedValues[named].name
                }
            }
            return Array(Set(inside)).sorted() + columns
        }
        if model.posts.contains(where: { $0.name == name }) || model.namedValues.contains(where: { $0.name == name }) {
            return columns
        }
        return nil
    }

    /// One complete input: a command, declarations or an expression.
    func handle<Editor: LineEditor>(_ input: String, editor: inout Editor) {
        let start = REPL.now()
        reloadIfChanged()
        let text = input.trimmingSpaces()
        if text.hasPrefix(":") {
            command(text, editor: &editor)
        } else {
            interpret(input)
        }
        if timing {
            let milliseconds = Int64((REPL.now() - start) * 10_000)
            output("(tid: \(SwedishNumberFormat.format(scaled: milliseconds, decimals: 1)) ms)\n")
        }
    }

    func interpret(_ input: String) {
        let before = session.declarations.count
        let outcome = session.interpret(input)
        let text = SessionText(session: session, colour: colour)
        switch outcome {
        case .value(let value, let warnings):
            render(warnings)
            output(text.value(value) + "\n")
        case .declared(let named, let warnings, let dropped):
            sessionChanged()
            if session.declarations.count > before { actions.append(.declaration) }
            render(warnings)
            for (name, value) in named { output("\(name) = \(text.value(value))\n") }
            if named.isEmpty { output("Modellen har utökats.\n") }
            reportDropped(dropped)
        case .failed(let diagnostics, let sources):
            render(diagnostics, sources: sources)
        case .unreadable(let path, let error):
            failed("\(path): fel: kan inte läsa filen: \(error.reason)\n")
        case .incomplete:
            failed("Inmatningen är inte färdig: ett block eller en parentes är inte stängd.\n")
        }
    }

    // MARK: - Loading and reloading

    /// Loads `path` as the session's scenario; on errors the session stays as it was.
    @discardableResult
    func open(_ path: String) -> Bool {
        watchedPath = path
        switch ExplorationSession.load(path: path, fileSystem: fileSystem) {
        case .success(let (loaded, _)):
            session = loaded
            actions = []
            sessionChanged()
            watch.watch(session.loadedFiles)
            render(session.loadDiagnostics.filter { $0.severity == .warning })
            output(summary())
            return true
        case .failure(let problem):
            watch.watch([path])
            report(problem, path: path)
            output("Modellen laddades inte; den förra gäller. Rättas filen läses den in vid nästa kommando.\n")
            return false
        }
    }

    /// When a file of the session changed on disk, the session is built from it again
    /// (with its declarations and changes); a file with errors leaves the last good model.
    func reloadIfChanged() {
        guard let path = watchedPath, watch.changed() else { return }
        let files = watch.paths
        if session.path != path {
            // The file has not loaded yet (it had errors): try it as if new.
            _ = open(path)
            return
        }
        switch session.reloaded() {
        case .success(let (reloaded, dropped)):
            session = reloaded
            sessionChanged()
            watch.watch(session.loadedFiles)
            resyncActions()
            output("\(path) har ändrats och har lästs in igen.\n")
            reportDropped(dropped)
        case .failure(let problem):
            watch.watch(files)
            output("\(path) har ändrats men har fel:\n")
            report(problem, path: path)
            output("Den senast fungerande modellen gäller.\n")
        }
    }

    func report(_ problem: ExplorationSession.LoadProblem, path: String) {
        switch problem {
        case .unreadable(let path, let error):
            failed("\(path): fel: kan inte läsa filen: \(error.reason)\n")
        case .invalid(let diagnostics, let sources):
            render(diagnostics, sources: sources)
            let count = diagnostics.count { $0.severity == .error }
            output("\(count) fel i \(path).\n")
        }
    }

    func reportDropped(_ dropped: [(AppliedChange, [Diagnostic])]) {
        for (change, diagnostics) in dropped {
            output("Ändringen :om \(change.text) gäller inte längre:\n")
            render(diagnostics)
        }
        if !dropped.isEmpty { resyncActions() }
    }

    /// After a reload dropped changes: `:ångra` takes back only what is still in force.
    func resyncActions() {
        var changes = session.changes.count
        var declarations = session.declarations.count
        var kept: [Action] = []
        for action in actions.reversed() {
            switch action {
            case .change where changes > 0:
                kept.append(action)
                changes -= 1
            case .declaration where declarations > 0:
                kept.append(action)
                declarations -= 1
            default: break
            }
        }
        actions = kept.reversed()
    }

    func summary() -> String {
        let model = session.model
        let checks = session.checks
        let failing = checks.count { !$0.passed }
        let posts = model.posts.count == 1 ? "1 post" : "\(SwedishNumberFormat.integer(model.posts.count)) poster"
        let areas = model.areas.count == 1 ? "1 område" : "\(SwedishNumberFormat.integer(model.areas.count)) områden"
        var text = "Laddade \(session.path ?? ""): \(posts) i \(areas); "
        let total = SwedishNumberFormat.integer(checks.count)
        switch (failing, checks.count) {
        case (_, 0): text += "inga kontroller"
        case (0, 1): text += "kontrollen stämmer"
        case (0, _): text += "alla \(total) kontroller stämmer"
        default: text += "\(failing) av \(total) kontroller stämmer inte"
        }
        if let year = session.year, let column = session.column {
            text += ". Ändringar räknas för \(year) (\(model.columns[column].label))"
        }
        return text + ".\n"
    }

    /// The session is another: completion names are gathered again when asked for.
    func sessionChanged() {
        cachedCompleter = nil
    }

    // MARK: - Output

    func render(_ diagnostics: [Diagnostic], sources: SourceSet? = nil) {
        guard !diagnostics.isEmpty else { return }
        if diagnostics.contains(where: { $0.severity == .error }) { failures += 1 }
        output(DiagnosticRenderer(sources: sources ?? session.sources, colour: colour).render(diagnostics))
    }

    func failed(_ message: String) {
        failures += 1
        output(message)
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}

extension String {
    /// Without spaces and tabs at either end.
    func trimmingSpaces() -> String {
        let isSpace = { (c: Character) in c == " " || c == "\t" || c == "\r" || c == "\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
