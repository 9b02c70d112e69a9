@testable import RamverkCLI
import Testing

/// The help and the usage errors: drawn from the same specs the parser reads, in
/// Swedish, wrapped at 80 characters.
struct HelpTextTests {
    static let program = RamverkCommand.program

    /// A small program, to see the layout whole.
    static let tiny = ProgramSpec(
        name: "prov", version: "1.0", abstract: "Ett litet program.", discussion: "Det gör lite.",
        commands: [CommandSpec(
            name: "gör", aliases: ["gor"], abstract: "Gör något.", discussion: "Första stycket.\n\nAndra stycket.",
            positionals: [PositionalSpec(name: "FIL", help: "Filen."), PositionalSpec(name: "MER", help: "Mer.",
                                                                                      required: false, repeats: true)],
            options: [.option("antal", .integer, valueName: "N", help: "Hur många."),
                      .option("sätt", short: "s", .choice(["a", "b"]), valueName: "SÄTT", help: "Hur.", repeats: true,
                              defaultValue: "a"),
                      .flag("tyst", help: "Tyst.")])],
        defaultCommand: "gör")

    @Test("a command's help, whole")
    func commandHelp() {
        #expect(HelpText.command(Self.tiny.commands[0], in: Self.tiny) == """
            Gör något.

            Första stycket.

            Andra stycket.

            ANVÄNDNING: prov gör FIL [MER …] [--antal N] [-s SÄTT …] [--tyst]

            ARGUMENT:
              FIL                     Filen.
              MER …                   Mer.

            FLAGGOR:
              --antal N               Hur många.
              -s, --sätt SÄTT         Hur. (värden: a, b; standard: a)
              --tyst                  Tyst.
              -h, --hjälp             Visa den här hjälpen.

            Kommandot kan också skrivas 'prov gor'.

            """)
    }

    @Test("the program's help, whole")
    func programHelp() {
        #expect(HelpText.program(Self.tiny) == """
            Ett litet program.

            Det gör lite.

            ANVÄNDNING: prov [KOMMANDO] [ARGUMENT …]

            KOMMANDON:
              gör, gor (standard)     Gör något.

            FLAGGOR:
              -h, --hjälp             Visa den här hjälpen.
              --version               Visa versionen.

            Se 'prov help KOMMANDO' eller 'prov KOMMANDO --hjälp' om ett kommando.

            """)
    }

    @Test("a usage error: the problem, the usage line, where to read more")
    func usageError() {
        let command = Self.program.command(named: "kör")
        #expect(HelpText.usageError(.unknownOption("--bogus", suggestion: nil), command: command, in: Self.program) == """
            ramverk kör: fel: okänd flagga '--bogus'
            Användning: ramverk kör FIL [--kolumn KOLUMN …] [--format FORMAT] [-o FIL]
                        [--ingen-färg]
            Se 'ramverk kör --hjälp'.

            """)
        // A misspelt command concerns the program, whichever command found it.
        let repl = Self.program.command(named: "repl")
        #expect(HelpText.usageError(.unknownCommand("kontrolera", suggestion: "kontrollera"), command: repl, in: Self.program) == """
            ramverk: fel: okänt kommando 'kontrolera'; menade du 'kontrollera'?
            Användning: ramverk [KOMMANDO] [ARGUMENT …]
            Se 'ramverk --hjälp'.

            """)
    }

    @Test("every command's help names every argument and option, in the text and the usage line")
    func everyOptionShown() {
        for command in Self.program.commands {
            let help = HelpText.command(command, in: Self.program)
            let usage = HelpText.usage(command, in: Self.program).joined(separator: " ")
            for heading in ["ANVÄNDNING: ", "FLAGGOR:\n", "  -h, --hjälp "] {
                #expect(help.contains(heading), "\(command.name) lacks \(heading)")
            }
            #expect(help.hasPrefix(HelpText.wrapLines(command.abstract, width: 80).joined(separator: "\n") + "\n"))
            for option in command.options {
                #expect(help.contains("--\(option.long)"), "\(command.name) --\(option.long)")
                #expect(usage.contains(option.short.map { "-\($0)" } ?? "--\(option.long)"), "\(command.name) --\(option.long)")
            }
            for positional in command.positionals {
                #expect(help.contains("ARGUMENT:\n  \(positional.name)"), "\(command.name) \(positional.name)")
                #expect(usage.contains(positional.name))
            }
        }
    }

    @Test("the program's help lists every command by every name, the default marked")
    func everyCommandListed() {
        let help = HelpText.program(Self.program)
        #expect(help.hasPrefix("Ramverk – budgetramar, driftbudget och kontroller för kommuner.\n"))
        for command in Self.program.commands {
            #expect(help.contains(([command.name] + command.aliases).joined(separator: ", ")), "\(command.name)")
        }
        #expect(help.contains("  repl (standard) "))
        #expect(help.contains("KOMMANDON:\n") && help.contains("--version"))
    }

    @Test("no line of any help is longer than 80 characters")
    func width() {
        let texts = [HelpText.program(Self.program)] + Self.program.commands.map { HelpText.command($0, in: Self.program) }
        for text in texts {
            for line in text.split(separator: "\n") {
                #expect(line.count <= 80, "\(line)")
            }
        }
    }

    @Test("wrapping breaks between words, and counts å ä ö as one character")
    func wrapping() {
        #expect(HelpText.wrapLines("åäö åäö åäö", width: 7) == ["åäö åäö", "åäö"])
        #expect(HelpText.wrapLines("ett långtlångtord två", width: 5) == ["ett", "långtlångtord", "två"])
        #expect(HelpText.wrap(["a b", "[c d]", "[e f]"], prefix: "X: ") == "X: a b [c d] [e f]")
        #expect(HelpText.list(["a", "b", "c"], joiner: "eller") == "a, b eller c")
        #expect(HelpText.list(["a"], joiner: "eller") == "a")
    }

    @Test("every usage error is one Swedish line")
    func messages() {
        let errors: [UsageError] = [
            .unknownOption("--x", suggestion: "--y"), .missingValue(option: "-o"), .flagWithValue(option: "--tyst"),
            .invalidValue(option: "--format", value: "xml", expected: "välj text eller json", suggestion: nil),
            .missingArgument("FIL", hint: nil), .unexpectedArgument("b"), .unknownCommand("x", suggestion: nil),
            .invalid("--trådar ska vara från 1 till 256"),
        ]
        #expect(errors.map(\.message) == [
            "okänd flagga '--x'; menade du '--y'?", "värde saknas efter '-o'", "'--tyst' tar inget värde",
            "ogiltigt värde 'xml' för '--format'; välj text eller json", "FIL saknas", "oväntat argument 'b'",
            "okänt kommando 'x'", "--trådar ska vara från 1 till 256",
        ])
    }
}
