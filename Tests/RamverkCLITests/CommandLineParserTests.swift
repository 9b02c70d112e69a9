@testable import RamverkCLI
import Testing

/// The parser against the real `ramverk` specs: every form a command line can take,
/// read as the commands read it.
struct CommandLineParserTests {
    static let parser = CommandLineParser(program: RamverkCommand.program)

    /// The parsed arguments of a line that must parse.
    static func parsed(_ line: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> ParsedArguments {
        let request = parser.parse(line)
        guard case .run(let arguments) = request else {
            Issue.record("\(line) did not parse: \(request)", sourceLocation: sourceLocation)
            throw CancellationError()
        }
        return arguments
    }

    /// The usage error of a line that must not parse, and the command it names.
    static func error(_ line: [String]) -> (UsageError, String?)? {
        guard case .usageError(let error, let command) = parser.parse(line) else { return nil }
        return (error, command?.name)
    }

    @Test("a command with its argument, options in both forms, the short form and a repeated option")
    func everyForm() throws {
        let run = RunCommand(try Self.parsed(["kör", "--kolumn", "2020", "a.ramverk", "--kolumn=2021", "-o", "ut.csv",
                                              "--format=csv", "--ingen-färg"]))
        #expect(run.file == "a.ramverk")
        #expect(run.columns == ["2020", "2021"])
        #expect(run.output == "ut.csv")
        #expect(run.format == .csv)
        #expect(run.noColour)
    }

    @Test("defaults when nothing is given; the last value of a single option counts")
    func defaultsAndLastValue() throws {
        let run = RunCommand(try Self.parsed(["kör", "a.ramverk"]))
        #expect(run.columns.isEmpty && run.format == .text && run.output == nil && !run.noColour)
        let twice = RunCommand(try Self.parsed(["kör", "a.ramverk", "--format", "json", "--format", "html"]))
        #expect(twice.format == .html)
        let check = CheckCommand(try Self.parsed(["kontrollera", "Scenarios"]))
        #expect(check.format == .text && !check.quiet && !check.warningsAsErrors)
    }

    @Test("aliases name the same command")
    func aliases() throws {
        for (alias, name) in [("kor", "kör"), ("run", "kör"), ("jamfor", "jämför"), ("compare", "jämför"),
                              ("check", "kontrollera"), ("fmt", "formatera")] {
            #expect(try Self.parsed([alias, "a"]).command.name == name)
        }
    }

    @Test("- is an argument (standard input), also as an option's value; -- ends the options")
    func dashAndDoubleDash() throws {
        let run = RunCommand(try Self.parsed(["kör", "-", "-o", "-"]))
        #expect(run.file == "-" && run.output == "-")
        let odd = RunCommand(try Self.parsed(["kör", "--format", "json", "--", "--ingen-färg"]))
        #expect(odd.file == "--ingen-färg" && !odd.noColour && odd.format == .json)
        let paths = FormatCommand(try Self.parsed(["formatera", "--kontroll", "-", "--", "-h", "a"]))
        #expect(paths.paths == ["-", "-h", "a"] && paths.checkOnly)
    }

    @Test("repeating arguments, and the flags of kontrollera and formatera")
    func repeatingArguments() throws {
        let check = CheckCommand(try Self.parsed(["kontrollera", "a", "--tyst", "b", "--varningar-som-fel", "c",
                                                  "--format", "github"]))
        #expect(check.paths == ["a", "b", "c"] && check.quiet && check.warningsAsErrors && check.format == .github)
        let format = FormatCommand(try Self.parsed(["fmt", "--skillnader", "x.ramverk"]))
        #expect(format.paths == ["x.ramverk"] && format.showDifferences && !format.checkOnly)
    }

    @Test("the simulation's settings, and their ranges")
    func simulation() throws {
        let risk = try RiskCommand(try Self.parsed(["risk", "a", "--iterationer", "1000", "--frö=18446744073709551615",
                                                    "--trådar", "2"]))
        #expect(risk.simulation.iterations == 1000 && risk.simulation.seed == UInt64.max && risk.simulation.threads == 2)
        let compare = try CompareCommand(try Self.parsed(["jämför", "a", "--scenario", "Alt A", "--scenario=Alt B",
                                                          "--bara-ändringar", "--frö", "7"]))
        #expect(compare.scenarios == ["Alt A", "Alt B"] && compare.onlyChanged && compare.simulation.seed == 7)
        #expect(throws: UsageError.invalid("--iterationer ska vara från 1 till 50 000 000")) {
            try RiskCommand(try Self.parsed(["risk", "a", "--iterationer", "0"]))
        }
        #expect(throws: UsageError.invalid("--trådar ska vara från 1 till 256")) {
            try CompareCommand(try Self.parsed(["jämför", "a", "--trådar", "257"]))
        }
    }

    @Test("no command is the REPL, with every argument")
    func defaultCommand() throws {
        #expect(try Self.parsed([]).command.name == "repl")
        let repl = try ReplCommand(try Self.parsed(["Scenarios/haninge-2021.ramverk", "--ingen-färg"]))
        #expect(repl.file == "Scenarios/haninge-2021.ramverk" && repl.noColour)
        #expect(try ReplCommand(try Self.parsed(["repl"])).file == nil)
    }

    @Test("a misspelt command is one, not a file for the REPL")
    func misspeltCommand() throws {
        #expect(throws: UsageError.unknownCommand("kontrolera", suggestion: "kontrollera")) {
            try ReplCommand(try Self.parsed(["kontrolera"]))
        }
        #expect(throws: UsageError.unknownCommand("jamför", suggestion: "jämför")) {
            try ReplCommand(try Self.parsed(["jamför"]))
        }
    }

    /// What a line asks for, in short: "hjälp", "hjälp kör", "version", "kör", "fel".
    static func request(_ line: [String]) -> String {
        switch parser.parse(line) {
        case .help(nil): "hjälp"
        case .help(let command?): "hjälp \(command.name)"
        case .version: "version"
        case .run(let arguments): arguments.command.name
        case .usageError: "fel"
        }
    }

    @Test("every spelling of help, at the top and for a command; help wins over other problems")
    func help() {
        for flag in ["-h", "--help", "--hjälp", "--hjalp"] {
            #expect(Self.request([flag]) == "hjälp")
            #expect(Self.request(["--ingen-färg", flag]) == "hjälp")
            #expect(Self.request(["kör", "--bogus", flag]) == "hjälp kör")
            #expect(Self.request(["jamfor", "a", "b", flag]) == "hjälp jämför")
        }
        for word in ["help", "hjälp", "hjalp"] {
            #expect(Self.request([word]) == "hjälp")
            #expect(Self.request([word, "kor"]) == "hjälp kör")
            #expect(Self.request([word, "repl"]) == "hjälp repl")
        }
        // After --, -h is a file.
        #expect(Self.request(["kör", "--", "-h"]) == "kör")
    }

    @Test("--version, at the top or after a command")
    func version() {
        #expect(Self.request(["--version"]) == "version")
        #expect(Self.request(["kör", "a", "--version"]) == "version")
        #expect(Self.request(["kör", "--", "--version"]) == "kör")
    }

    @Test("usage errors, each with the command it concerns")
    func usageErrors() {
        let cases: [([String], UsageError, String?)] = [
            (["kör", "a", "--bogus"], .unknownOption("--bogus", suggestion: nil), "kör"),
            (["kör", "a", "--kolum", "2020"], .unknownOption("--kolum", suggestion: "--kolumn"), "kör"),
            (["kör", "a", "--kolum=2020"], .unknownOption("--kolum", suggestion: "--kolumn"), "kör"),
            (["kör", "a", "-x"], .unknownOption("-x", suggestion: nil), "kör"),
            (["kör", "a", "-kolumn"], .unknownOption("-kolumn", suggestion: "--kolumn"), "kör"),
            (["kör", "a", "--ingen-farg"], .unknownOption("--ingen-farg", suggestion: "--ingen-färg"), "kör"),
            (["kör", "a", "--hjälpp"], .unknownOption("--hjälpp", suggestion: "--hjälp"), "kör"),
            (["kör", "a", "-o"], .missingValue(option: "-o"), "kör"),
            (["kör", "a", "--format", "--ingen-färg"], .missingValue(option: "--format"), "kör"),
            (["kör", "a", "--tyst"], .unknownOption("--tyst", suggestion: nil), "kör"),
            (["kontrollera", "a", "--tyst=ja"], .flagWithValue(option: "--tyst"), "kontrollera"),
            (["kör", "a", "--format", "xml"],
             .invalidValue(option: "--format", value: "xml", expected: "välj text, json, csv eller html", suggestion: nil), "kör"),
            (["kontrollera", "a", "--format=jsn"],
             .invalidValue(option: "--format", value: "jsn", expected: "välj text, json eller github", suggestion: "json"),
             "kontrollera"),
            (["risk", "a", "--iterationer", "många"],
             .invalidValue(option: "--iterationer", value: "många", expected: "ange ett heltal", suggestion: nil), "risk"),
            (["risk", "a", "--frö", "-1"],
             .invalidValue(option: "--frö", value: "-1", expected: "ange ett heltal, 0 eller större", suggestion: nil), "risk"),
            (["kör"], .missingArgument("FIL", hint: nil), "kör"),
            (["kontrollera", "--tyst"], .missingArgument("VÄG", hint: "ange minst en fil eller mapp att kontrollera"),
             "kontrollera"),
            (["kör", "a", "b"], .unexpectedArgument("b"), "kör"),
            (["repl", "a", "b"], .unexpectedArgument("b"), "repl"),
            (["help", "kontrolera"], .unknownCommand("kontrolera", suggestion: "kontrollera"), nil),
            (["help", "kör", "mer"], .unexpectedArgument("mer"), nil),
            (["--bogus"], .unknownOption("--bogus", suggestion: nil), "repl"),
        ]
        for (line, expected, command) in cases {
            guard let (error, name) = Self.error(line) else {
                Issue.record("\(line) parsed")
                continue
            }
            #expect(error == expected, "\(line)")
            #expect(name == command, "\(line)")
        }
    }

    @Test("option values that start with a dash: - and negative numbers, not another option")
    func dashedValues() throws {
        #expect(RunCommand(try Self.parsed(["kör", "a", "--kolumn", "-"])).columns == ["-"])
        // A negative count is read, then refused for its range rather than reported missing.
        #expect(throws: UsageError.invalid("--trådar ska vara från 1 till 256")) {
            try RiskCommand(try Self.parsed(["risk", "a", "--trådar", "-3"]))
        }
    }
}
