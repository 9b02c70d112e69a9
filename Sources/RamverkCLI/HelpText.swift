/// The help, the usage lines and the usage errors, in Swedish, from the same
/// `ProgramSpec` the parser reads. Lines are wrapped at 80 characters, help texts
/// aligned in a column, as terminals show them.
enum HelpText {
    static let width = 80
    /// Where the help of an option or command starts.
    static let column = 26

    /// `ramverk --hjälp`.
    static func program(_ program: ProgramSpec) -> String {
        var text = section([program.abstract] + paragraphs(program.discussion))
        text += wrap([programUsage(program)], prefix: "ANVÄNDNING: ") + "\n\n"
        text += "KOMMANDON:\n"
        for command in program.commands {
            let names = ([command.name] + command.aliases).joined(separator: ", ")
            let label = command.name == program.defaultCommand ? names + " (standard)" : names
            text += entry(label, command.abstract)
        }
        text += "\nFLAGGOR:\n"
        text += entry(helpLabel, "Visa den här hjälpen.")
        text += entry(CommandLineParser.versionFlag, "Visa versionen.")
        text += "\nSe '\(program.name) help KOMMANDO' eller '\(program.name) KOMMANDO --hjälp' om ett kommando.\n"
        return text
    }

    /// `ramverk kör --hjälp`.
    static func command(_ command: CommandSpec, in program: ProgramSpec) -> String {
        var text = section([command.abstract] + paragraphs(command.discussion))
        text += wrap(usage(command, in: program), prefix: "ANVÄNDNING: ") + "\n"
        if !command.positionals.isEmpty {
            text += "\nARGUMENT:\n"
            for positional in command.positionals {
                text += entry(positional.repeats ? positional.name + " …" : positional.name, positional.help)
            }
        }
        text += "\nFLAGGOR:\n"
        for option in command.options {
            text += entry(label(option), help(option))
        }
        text += entry(helpLabel, "Visa den här hjälpen.")
        if !command.aliases.isEmpty {
            let others = command.aliases.map { "'\(program.name) \($0)'" }
            text += "\nKommandot kan också skrivas \(list(others, joiner: "eller")).\n"
        }
        return text
    }

    /// What `ramverk kör --bogus` writes to standard error.
    static func usageError(_ error: UsageError, command: CommandSpec?, in program: ProgramSpec) -> String {
        let command = error.concernsProgram ? nil : command
        guard let command else {
            return "\(program.name): fel: \(error.message)\n"
                + wrap([programUsage(program)], prefix: "Användning: ") + "\n"
                + "Se '\(program.name) --hjälp'.\n"
        }
        return "\(program.name) \(command.name): fel: \(error.message)\n"
            + wrap(usage(command, in: program), prefix: "Användning: ") + "\n"
            + "Se '\(program.name) \(command.name) --hjälp'.\n"
    }

    /// `ramverk kör FIL [--kolumn KOLUMN …] [--format FORMAT] [-o FIL] [--ingen-färg]`,
    /// in the parts a line may break between (never inside `[--format FORMAT]`).
    static func usage(_ command: CommandSpec, in program: ProgramSpec) -> [String] {
        var parts = [program.name + " " + command.name]
        for positional in command.positionals {
            let shown = positional.repeats ? positional.name + " …" : positional.name
            parts.append(positional.required ? shown : "[\(shown)]")
        }
        for option in command.options {
            var shown = option.short.map { "-\($0)" } ?? "--" + option.long
            if !option.isFlag { shown += " " + option.valueName }
            if option.repeats { shown += " …" }
            parts.append("[\(shown)]")
        }
        return parts
    }

    static func programUsage(_ program: ProgramSpec) -> String {
        "\(program.name) [KOMMANDO] [ARGUMENT …]"
    }

    /// "a, b eller c".
    static func list(_ items: [String], joiner: String) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(joiner) " + last
    }

    private static var helpLabel: String { "-h, --hjälp" }

    /// `-o, --utdata FIL`.
    private static func label(_ option: OptionSpec) -> String {
        var label = option.short.map { "-\($0), " } ?? ""
        label += "--" + option.long
        if !option.isFlag { label += " " + option.valueName }
        return label
    }

    /// The option's help, with its values and default when it has them.
    private static func help(_ option: OptionSpec) -> String {
        var notes: [String] = []
        if case .choice(let words) = option.value { notes.append("värden: " + words.joined(separator: ", ")) }
        if let defaultValue = option.defaultValue { notes.append("standard: " + defaultValue) }
        return notes.isEmpty ? option.help : option.help + " (\(notes.joined(separator: "; ")))"
    }

    /// The abstract and discussion, each paragraph wrapped, a blank line after.
    private static func section(_ paragraphs: [String]) -> String {
        paragraphs.map { $0.isEmpty ? "\n" : wrapLines($0, width: width).joined(separator: "\n") + "\n" }.joined() + "\n"
    }

    /// The discussion's lines; an empty one separates paragraphs.
    private static func paragraphs(_ text: String) -> [String] {
        text.isEmpty ? [] : [""] + text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// "  label                   help", the help wrapped in its column (on the next
    /// line when the label reaches into it).
    private static func entry(_ label: String, _ help: String) -> String {
        let indent = String(repeating: " ", count: column)
        let lines = wrapLines(help, width: width - column)
        let start = "  " + label
        var text: String
        var rest = lines[...]
        if start.count < column {
            text = start + String(repeating: " ", count: column - start.count) + (rest.popFirst() ?? "") + "\n"
        } else {
            text = start + "\n"
        }
        for line in rest { text += indent + line + "\n" }
        return text
    }

    /// `parts` after `prefix`, joined by spaces and wrapped between parts, the lines
    /// after the first indented to match.
    static func wrap(_ parts: [String], prefix: String) -> String {
        let lines = wrapLines(parts, width: width - prefix.count)
        let indent = String(repeating: " ", count: prefix.count)
        return lines.enumerated().map { ($0.offset == 0 ? prefix : indent) + $0.element }.joined(separator: "\n")
    }

    /// Words into lines of at most `width` characters (a longer word gets a line of
    /// its own). Characters, not bytes, so å ä ö count as one.
    static func wrapLines(_ text: String, width: Int) -> [String] {
        wrapLines(text.split(separator: " ").map(String.init), width: width)
    }

    /// Parts into lines of at most `width` characters, a space between parts.
    static func wrapLines(_ words: [String], width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var length = 0
        for word in words {
            let count = word.count
            if length > 0 && length + 1 + count > width {
                lines.append(line)
                line = ""
                length = 0
            }
            if length > 0 {
                line += " "
                length += 1
            }
            line += word
            length += count
        }
        lines.append(line)
        return lines
    }
}
