import Ramverk

/// What a program's command line accepts, written once as data: the parser
/// (`CommandLineParser`) and the help (`HelpText`) both read it, so what `--hjälp` says
/// is always what the parser does. Plain values, read without reflection, so starting
/// the program costs next to nothing.
struct ProgramSpec {
    /// The program's name as the user types it (`ramverk`).
    var name: String
    var version: String
    var abstract: String
    var discussion: String
    var commands: [CommandSpec]
    /// The command run when the first argument names none (`ramverk` alone opens the
    /// REPL); every argument then goes to it.
    var defaultCommand: String

    /// The command called `name` or one of its aliases.
    func command(named name: String) -> CommandSpec? {
        commands.first { $0.name == name || $0.aliases.contains(name) }
    }

    /// "Menade du …?" for a misspelt command: the closest name, the Swedish one before
    /// an alias (`jamför` → `jämför`, not `jamfor`).
    func commandSuggestion(for name: String) -> String? {
        NameSuggestion.closest(to: name, among: commands.map(\.name))
            ?? NameSuggestion.closest(to: name, among: commands.flatMap(\.aliases))
    }
}

/// One command (`kör`, `kontrollera` …): its names, its help, and what it takes.
struct CommandSpec {
    var name: String
    var aliases: [String] = []
    /// One line: the command list in `ramverk --hjälp` and the top of its own help.
    var abstract: String
    /// Paragraphs separated by a blank line, each one line (wrapped when shown).
    var discussion: String = ""
    /// In order; only the last may repeat.
    var positionals: [PositionalSpec] = []
    /// Options and flags, in the order the help lists them.
    var options: [OptionSpec] = []

    /// The option called `--long`.
    func option(long: String) -> OptionSpec? {
        options.first { $0.long == long }
    }

    /// The option called `-short`.
    func option(short: Character) -> OptionSpec? {
        options.first { $0.short == short }
    }
}

/// An argument given by its place (`FIL`, `VÄG …`).
struct PositionalSpec {
    /// Shown in the usage line and in errors (`FIL saknas`); also the key the command
    /// reads it by.
    var name: String
    var help: String
    var required = true
    /// Takes every remaining argument (`VÄG …`).
    var repeats = false
    /// Said after "`VÄG` saknas" when a required argument is missing, where the bare
    /// name is not enough ("ange minst en fil eller mapp att kontrollera").
    var whenMissing: String?
}

/// An option with a value (`--format FORMAT`, `-o FIL`) or a flag (`--tyst`).
struct OptionSpec {
    /// What the value must be; the parser refuses anything else, so a command can
    /// read an integer option without checking it again.
    enum Value: Equatable {
        /// A flag: no value.
        case none
        case text
        /// One of the words listed (`text`, `json` …).
        case choice([String])
        /// An `Int`.
        case integer
        /// A `UInt64` (a seed).
        case unsignedInteger
    }

    /// Without the dashes, and the key the command reads it by.
    var long: String
    var short: Character?
    var value: Value
    /// The value's placeholder in usage and help (`FORMAT`); empty for a flag.
    var valueName: String
    var help: String
    /// May be given more than once, every value kept (`--kolumn 2020 --kolumn 2021`);
    /// otherwise the last one given counts.
    var repeats = false
    /// The value when the option is not given; shown in the help.
    var defaultValue: String?

    var isFlag: Bool { value == .none }

    /// A flag (`--tyst`).
    static func flag(_ long: String, help: String) -> OptionSpec {
        OptionSpec(long: long, value: .none, valueName: "", help: help)
    }

    /// An option that takes a value (`--kolumn KOLUMN`).
    static func option(_ long: String, short: Character? = nil, _ value: Value = .text, valueName: String,
                       help: String, repeats: Bool = false, defaultValue: String? = nil) -> OptionSpec {
        OptionSpec(long: long, short: short, value: value, valueName: valueName, help: help, repeats: repeats,
                   defaultValue: defaultValue)
    }
}
