#if canImport(Glibc)
import Glibc
#endif

/// `ramverk`: the command-line shell around the Ramverk library. Reads the command line
/// against the commands' specs (`CommandLineParser`), then runs the command, shows the
/// help or the version, or says what is wrong with the line (exit 64).
@main
enum RamverkCommand {
    /// A command's spec and what runs it.
    struct Entry: Sendable {
        let spec: CommandSpec
        let run: @Sendable (ParsedArguments) throws -> Void
    }

    /// In the order `ramverk --hjälp` lists them.
    static let commands: [Entry] = [
        Entry(spec: RunCommand.spec) { try RunCommand($0).run() },
        Entry(spec: RiskCommand.spec) { try RiskCommand($0).run() },
        Entry(spec: CompareCommand.spec) { try CompareCommand($0).run() },
        Entry(spec: CheckCommand.spec) { try CheckCommand($0).run() },
        Entry(spec: FormatCommand.spec) { try FormatCommand($0).run() },
        Entry(spec: ReplCommand.spec) { try ReplCommand($0).run() },
    ]

    static let program = ProgramSpec(
        name: "ramverk",
        version: "0.1.0",
        abstract: "Ramverk – budgetramar, driftbudget och kontroller för kommuner.",
        discussion: """
        Slutkoder: 0 allt stämmer, 1 en kontroll stämmer inte (tryckt summa, ram, \
        ramförändring), 64 felaktigt kommando, 65 fel i scenariot, 66 filen kan inte läsas, \
        70 internt fel, 73 en fil kan inte skrivas (formatera). `ramverk kontrollera` kontrollerar \
        många filer på en gång. `ramverk` utan kommando öppnar en interaktiv session \
        (`ramverk repl`).
        """,
        commands: commands.map(\.spec),
        // `ramverk` alone opens the interactive session (--hjälp still shows this help).
        defaultCommand: ReplCommand.spec.name
    )

    static func main() {
        exit(run(Array(CommandLine.arguments.dropFirst())))
    }

    /// Runs a command line (without the program's name); the exit status.
    static func run(_ arguments: [String]) -> Int32 {
        switch CommandLineParser(program: program).parse(arguments) {
        case .version:
            Terminal.write(program.version + "\n")
            return ExitStatus.ok
        case .help(let command):
            Terminal.write(command.map { HelpText.command($0, in: program) } ?? HelpText.program(program))
            return ExitStatus.ok
        case .usageError(let error, let command):
            Terminal.writeError(HelpText.usageError(error, command: command, in: program))
            return ExitStatus.usage
        case .run(let parsed):
            guard let entry = commands.first(where: { $0.spec.name == parsed.command.name }) else {
                preconditionFailure("the parser chose '\(parsed.command.name)', which has no entry")
            }
            do {
                try entry.run(parsed)
                return ExitStatus.ok
            } catch let exit as ExitCode {
                return exit.status
            } catch let error as UsageError {
                Terminal.writeError(HelpText.usageError(error, command: parsed.command, in: program))
                return ExitStatus.usage
            } catch {
                Terminal.writeError("\(program.name) \(parsed.command.name): internt fel: \(error)\n")
                return ExitStatus.internalError
            }
        }
    }
}
