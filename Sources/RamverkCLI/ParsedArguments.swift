/// A command line the parser accepted: what a command reads its settings from. Read by
/// the same `OptionSpec` and `PositionalSpec` values the command declared, so a command
/// cannot read what it never declared (checked in debug builds).
struct ParsedArguments {
    let command: CommandSpec
    /// By the positional's name; a repeating one holds every value, in order.
    var positionals: [String: [String]] = [:]
    /// By the option's long name; a repeating one holds every value, in order.
    var values: [String: [String]] = [:]
    var flags: Set<String> = []

    init(command: CommandSpec) {
        self.command = command
    }

    /// Whether the flag was given.
    func flag(_ option: OptionSpec) -> Bool {
        assert(declares(option) && option.isFlag, "\(command.name) has no flag --\(option.long)")
        return flags.contains(option.long)
    }

    /// The value given last, or the default.
    func value(_ option: OptionSpec) -> String? {
        assert(declares(option) && !option.isFlag, "\(command.name) has no option --\(option.long)")
        return values[option.long]?.last ?? option.defaultValue
    }

    /// Every value of a repeatable option, in the order given.
    func values(_ option: OptionSpec) -> [String] {
        assert(declares(option) && option.repeats, "\(command.name) has no repeatable option --\(option.long)")
        return values[option.long] ?? []
    }

    /// An integer option's value; the parser has already refused one that is not.
    func integer(_ option: OptionSpec) -> Int? {
        assert(option.value == .integer)
        return value(option).flatMap { Int($0) }
    }

    /// An unsigned integer option's value; the parser has already refused one that is not.
    func unsignedInteger(_ option: OptionSpec) -> UInt64? {
        assert(option.value == .unsignedInteger)
        return value(option).flatMap { UInt64($0) }
    }

    /// A positional argument that takes one value; nil only when it is optional and
    /// was not given.
    func argument(_ positional: PositionalSpec) -> String? {
        assert(declares(positional) && !positional.repeats, "\(command.name) has no argument \(positional.name)")
        return positionals[positional.name]?.first
    }

    /// A required positional argument, which the parser made sure is there.
    func requiredArgument(_ positional: PositionalSpec) -> String {
        assert(positional.required, "\(positional.name) is optional")
        guard let value = argument(positional) else { preconditionFailure("the parser let \(positional.name) be missing") }
        return value
    }

    /// Every value of a repeating positional argument.
    func arguments(_ positional: PositionalSpec) -> [String] {
        assert(declares(positional) && positional.repeats, "\(command.name) has no arguments \(positional.name) …")
        return positionals[positional.name] ?? []
    }

    private func declares(_ option: OptionSpec) -> Bool {
        command.options.contains { $0.long == option.long }
    }

    private func declares(_ positional: PositionalSpec) -> Bool {
        command.positionals.contains { $0.name == positional.name }
    }
}
