import Ramverk
import RamverkREPL
#if canImport(Glibc)
import Glibc
#endif

/// `ramverk repl [FIL]`, and `ramverk` with no arguments: the interactive session. In a
/// terminal with libedit's line editing; otherwise the lines of standard input are the
/// commands (a script), with no prompts.
struct ReplCommand {
    static let file = PositionalSpec(name: "FIL", help: "Scenariofilen att ladda (.ramverk).", required: false)
    static let noColour = OptionSpec.noColour()

    static let spec = CommandSpec(
        name: "repl",
        abstract: "Öppna en interaktiv session: räkna, pröva ändringar, förklara och spara scenarier.",
        discussion: """
        Utan argument öppnar `ramverk` också sessionen. Skriv uttryck (Folkhälsa.2021 × 2), \
        deklarationer (låt x = …) och kommandon (:om Folkhälsa = 800, :diff, :ångra, \
        :förklara X, :visa X, :kontroll, :risk, :spara-scenario "Alt C" FIL); :hjälp visar \
        alla. Historiken sparas i ~/.ramverk_history (eller $XDG_STATE_HOME/ramverk/historik).

        Är standard in ingen terminal läses kommandona från den, ett per rad, utan prompt: \
        echo ':om Folkhälsa = 800' | ramverk repl FIL. Slutkod 0, eller 65 om någon rad gav \
        ett fel (sessionen går vidare efter ett fel).
        """,
        positionals: [file],
        options: [noColour]
    )

    let file: String?
    let noColour: Bool

    /// A word that is neither a file nor a scenario's name is a misspelt command
    /// (`ramverk kontrolera`), not a file to open a session on.
    init(_ arguments: ParsedArguments) throws {
        file = arguments.argument(Self.file)
        noColour = arguments.flag(Self.noColour)
        guard let file, !file.hasSuffix(".ramverk"), !file.contains("/"), access(file, F_OK) != 0 else { return }
        throw UsageError.unknownCommand(file, suggestion: RamverkCommand.program.commandSuggestion(for: file))
    }

    func run() throws {
        let repl = REPL(colour: !noColour && Terminal.wantsColour(1), writer: AtomicWriter(), output: Terminal.write)
        let status: Int32
        if isatty(0) == 1,
           var editor = LibeditLineEditor(historyPath: History.path(environment: ReplCommand.environment()),
                                          complete: { repl.complete($0) }) {
            status = repl.run(&editor, path: file)
        } else {
            var editor = PlainLineEditor()
            status = repl.run(&editor, path: file)
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// The variables the history's place depends on.
    static func environment() -> [String: String] {
        var values: [String: String] = [:]
        for name in ["HOME", "XDG_STATE_HOME"] {
            if let value = getenv(name) { values[name] = String(cString: value) }
        }
        return values
    }
}

/// `:spara-scenario` writes through `AtomicFile`, as `formatera` does.
struct AtomicWriter: FileWriter {
    func write(_ bytes: [UInt8], to path: String) -> Result<Void, WriteFailure> {
        AtomicFile.write(bytes, to: path).mapError { WriteFailure(reason: $0.reason) }
    }
}
