import Ramverk

/// `ramverk kontrollera VÄG…`: every scenario under the paths through the whole
/// pipeline, all problems of all files in one run. Only wires: finding the files,
/// running them and rendering are the library's.
struct CheckCommand {
    enum Format: String, CaseIterable {
        case text, json, github
    }

    static let paths = PositionalSpec(name: "VÄG", help: "Filer och mappar att kontrollera.", repeats: true,
                                      whenMissing: "ange minst en fil eller mapp att kontrollera")
    static let format = OptionSpec.option(
        "format", .choice(Format.allCases.map(\.rawValue)), valueName: "FORMAT",
        help: "Utdataformat: text, json (schema ramverk.kontrollera/1) eller github (anteckningar i GitHub Actions).",
        defaultValue: "text")
    static let quiet = OptionSpec.flag(
        "tyst",
        help: "Skriv bara problemen: inget för filer utan problem, inga noter och ingen sammanfattning (text och github; json skrivs alltid hel).")
    static let warningsAsErrors = OptionSpec.flag("varningar-som-fel", help: "En varning ger slutkod 65, som ett fel.")
    static let noColour = OptionSpec.noColour()

    static let spec = CommandSpec(
        name: "kontrollera",
        aliases: ["check"],
        abstract: "Kontrollera scenariofiler och mappar: alla fel, varningar och kontroller på en gång.",
        discussion: """
        Läser varje fil som anges och varje .ramverk-fil i mapparna som anges (också i \
        undermappar, i bokstavsordning; dolda mappar som .git hoppas över), räknar ut \
        allt och gör alla kontroller: tryckta summor, ramar, ramförändringar, reserver, \
        balanskrav, förvänta, kontroll och unika nummer. Skriver varje fils fel, \
        varningar och kontroller som inte stämmer, och sist en rad som sammanfattar, \
        t.ex. "12 filer, 3 fel, 1 varning, 2 kontroller stämmer inte".

        Slutkoder: 0 allt stämmer (varningar och noter påverkar inte), 1 en kontroll \
        stämmer inte, 64 felaktigt kommando, 65 fel i en fil (med --varningar-som-fel \
        också en varning), 66 en sökväg finns inte, kan inte läsas eller är en mapp \
        utan .ramverk-filer. Gäller flera, blir slutkoden den allvarligaste: \
        66 före 65 före 1.

        Alla koder med exempel: docs/diagnostiker.md. JSON-formatet: docs/json.md.
        """,
        positionals: [paths],
        options: [format, quiet, warningsAsErrors, noColour]
    )

    let paths: [String]
    let format: Format
    let quiet: Bool
    let warningsAsErrors: Bool
    let noColour: Bool

    init(_ arguments: ParsedArguments) {
        paths = arguments.arguments(Self.paths)
        format = arguments.value(Self.format).flatMap(Format.init(rawValue:)) ?? .text
        quiet = arguments.flag(Self.quiet)
        warningsAsErrors = arguments.flag(Self.warningsAsErrors)
        noColour = arguments.flag(Self.noColour)
    }

    func run() throws {
        let result = BatchCheck.run(ScenarioFinder.find(paths))
        let status = switch result.outcome(warningsAsErrors: warningsAsErrors) {
        case .ok: ExitStatus.ok
        case .checkFailed: ExitStatus.checkFailed
        case .error: ExitStatus.scenarioError
        case .unreadable: ExitStatus.unreadableInput
        }
        switch format {
        case .text:
            let colour = !noColour && Terminal.wantsColour(1)
            Terminal.write(BatchTextRenderer(colour: colour, quiet: quiet, warningsAsErrors: warningsAsErrors).render(result))
        case .json:
            Terminal.write(JSONDiagnosticsRenderer().render(result, exitCode: status, warningsAsErrors: warningsAsErrors))
        case .github:
            Terminal.write(GitHubAnnotationRenderer(quiet: quiet, warningsAsErrors: warningsAsErrors).render(result))
        }
        if status != ExitStatus.ok { throw ExitCode(status) }
    }
}
