import Ramverk

/// What a command line asks for.
enum CommandLineRequest {
    /// Run a command with these arguments.
    case run(ParsedArguments)
    /// Show the help of a command, or of the program (nil).
    case help(CommandSpec?)
    case version
    /// Exit 64 after saying why; the command it concerns, or nil for the program.
    case usageError(UsageError, CommandSpec?)
}

/// Reads a command line against a `ProgramSpec`: the command, then its options and
/// arguments in any order. The conventions are the common ones: `--flagga=värde` or
/// `--flagga värde`, `-o värde`, `--` ends the options, `-` alone is an argument
/// (standard input or output). An option that is not repeatable keeps its last value.
/// `-h`, `--help`, `--hjälp` or `--hjalp` anywhere before `--` shows the help instead,
/// as does `ramverk help KOMMANDO`; `--version` prints the version.
struct CommandLineParser {
    let program: ProgramSpec

    /// Every spelling of the help flag: the English one everyone tries, the Swedish
    /// one, and the Swedish one without å for keyboards that lack it.
    static let helpFlags: Set<String> = ["-h", "--help", "--hjälp", "--hjalp"]
    /// `ramverk help kör`, in either language.
    static let helpCommands: Set<String> = ["help", "hjälp", "hjalp"]
    static let versionFlag = "--version"

    /// `arguments` without the program's own name.
    func parse(_ arguments: [String]) -> CommandLineRequest {
        guard let first = arguments.first else { return parse([], for: defaultCommand) }
        if CommandLineParser.helpCommands.contains(first) { return helpRequest(Array(arguments.dropFirst())) }
        if let command = program.command(named: first) { return parse(Array(arguments.dropFirst()), for: command) }
        // No command named: everything goes to the default one, but `ramverk --hjälp`
        // is the program's help, not the REPL's.
        if CommandLineParser.asksForHelp(arguments) { return .help(nil) }
        return parse(arguments, for: defaultCommand)
    }

    private var defaultCommand: CommandSpec {
        guard let command = program.command(named: program.defaultCommand) else {
            preconditionFailure("the default command '\(program.defaultCommand)' is not in the program's commands")
        }
        return command
    }

    /// `ramverk help [KOMMANDO]`.
    private func helpRequest(_ arguments: [String]) -> CommandLineRequest {
        guard let name = arguments.first else { return .help(nil) }
        guard let command = program.command(named: name) else {
            return .usageError(.unknownCommand(name, suggestion: program.commandSuggestion(for: name)), nil)
        }
        if arguments.count > 1 { return .usageError(.unexpectedArgument(arguments[1]), nil) }
        return .help(command)
    }

    /// Whether the help flag comes before any `--`: it wins over every other problem
    /// on the line, so `ramverk kör --bogus --hjälp` still shows the help.
    private static func asksForHelp(_ arguments: [String]) -> Bool {
        arguments.prefix { $0 != "--" }.contains { helpFlags.contains($0) }
    }

    /// The arguments after the command's name.
    func parse(_ arguments: [String], for command: CommandSpec) -> CommandLineRequest {
        if CommandLineParser.asksForHelp(arguments) { return .help(command) }
        if arguments.prefix(while: { $0 != "--" }).contains(CommandLineParser.versionFlag) { return .version }
        var parsed = ParsedArguments(command: command)
        var positionals: [String] = []
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            let (option, written, attached) = CommandLineParser.lookUp(argument, in: command)
            guard let option else {
                return .usageError(.unknownOption(written, suggestion: suggestion(for: written, in: command)), command)
            }
            if option.isFlag {
                if attached != nil { return .usageError(.flagWithValue(option: written), command) }
                parsed.flags.insert(option.long)
                continue
            }
            let value: String
            if let attached {
                value = attached
            } else {
                guard index < arguments.count, CommandLineParser.canBeValue(arguments[index]) else {
                    return .usageError(.missingValue(option: written), command)
                }
                value = arguments[index]
                index += 1
            }
            if let problem = CommandLineParser.check(value, of: option, written: written) { return .usageError(problem, command) }
            if option.repeats {
                parsed.values[option.long, default: []].append(value)
            } else {
                parsed.values[option.long] = [value]
            }
        }
        if let problem = assign(positionals, to: command, in: &parsed) { return .usageError(problem, command) }
        return .run(parsed)
    }

    /// The option an argument names, as written (`--format`, `-o`), and a value
    /// given with `=`.
    private static func lookUp(_ argument: String, in command: CommandSpec) -> (OptionSpec?, String, String?) {
        if argument.hasPrefix("--") {
            let body = argument.dropFirst(2)
            guard let equals = body.firstIndex(of: "=") else { return (command.option(long: String(body)), argument, nil) }
            let name = String(body[..<equals])
            return (command.option(long: name), "--" + name, String(body[body.index(after: equals)...]))
        }
        // A single dash takes one letter, no more: `-o FIL`.
        let body = argument.dropFirst()
        guard body.count == 1, let letter = body.first else { return (nil, argument, nil) }
        return (command.option(short: letter), argument, nil)
    }

    /// The next argument is the option's value unless it is another option; `-` and
    /// a negative number are values (so `--frö -1` is refused for its value, not
    /// reported as a missing one).
    private static func canBeValue(_ argument: String) -> Bool {
        guard argument.hasPrefix("-"), argument != "-" else { return true }
        return argument.dropFirst().first?.isNumber == true
    }

    /// Why a value does not fit its option, if it does not.
    private static func check(_ value: String, of option: OptionSpec, written: String) -> UsageError? {
        switch option.value {
        case .none, .text:
            return nil
        case .choice(let words):
            if words.contains(value) { return nil }
            return .invalidValue(option: written, value: value, expected: "välj " + HelpText.list(words, joiner: "eller"),
                                 suggestion: NameSuggestion.closest(to: value, among: words))
        case .integer:
            if Int(value) != nil { return nil }
            return .invalidValue(option: written, value: value, expected: "ange ett heltal", suggestion: nil)
        case .unsignedInteger:
            if UInt64(value) != nil { return nil }
            return .invalidValue(option: written, value: value, expected: "ange ett heltal, 0 eller större", suggestion: nil)
        }
    }

    /// The closest option to a misspelt one (`--kolum` → `--kolumn`); the help flag
    /// is among them.
    private func suggestion(for written: String, in command: CommandSpec) -> String? {
        let name = String(written.drop { $0 == "-" }.prefix { $0 != "=" })
        // `-kolumn`: the option exists, written with one dash.
        if command.option(long: name) != nil { return "--" + name }
        let names = command.options.map(\.long) + ["hjälp"]
        return NameSuggestion.closest(to: name, among: names).map { "--" + $0 }
    }

    /// Positional arguments to the command's places, in order; the last may take the rest.
    private func assign(_ positionals: [String], to command: CommandSpec, in parsed: inout ParsedArguments) -> UsageError? {
        var rest = positionals[...]
        for place in command.positionals {
            if place.repeats {
                if rest.isEmpty && place.required { return .missingArgument(place.name, hint: place.whenMissing) }
                parsed.positionals[place.name] = Array(rest)
                rest = []
            } else if let next = rest.popFirst() {
                parsed.positionals[place.name] = [next]
            } else if place.required {
                return .missingArgument(place.name, hint: place.whenMissing)
            }
        }
        if let extra = rest.first { return .unexpectedArgument(extra) }
        return nil
    }
}
