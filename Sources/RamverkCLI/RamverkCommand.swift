import ArgumentParser
import Ramverk

/// `ramverk`: the command-line shell around the Ramverk library.
@main
struct RamverkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ramverk",
        abstract: "Ramverk – budgetramar, driftbudget och kontroller för kommuner.",
        discussion: """
        Slutkoder: 0 allt stämmer, 1 en kontroll stämmer inte (tryckt summa, ram, \
        ramförändring), 64 felaktigt kommando, 65 fel i scenariot, 66 filen kan inte läsas, \
        70 internt fel, 73 en fil kan inte skrivas (formatera). `ramverk kontrollera` kontrollerar \
        många filer på en gång. `ramverk` utan kommando öppnar en interaktiv session \
        (`ramverk repl`).
        """,
        version: "0.1.0",
        subcommands: [RunCommand.self, RiskCommand.self, CompareCommand.self, CheckCommand.self, FormatCommand.self,
                      ReplCommand.self],
        // `ramverk` alone opens the interactive session (--help still shows this help).
        defaultSubcommand: ReplCommand.self
    )
}
