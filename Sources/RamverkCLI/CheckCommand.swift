import ArgumentParser
import Ramverk

/// `ramverk kontrollera VÄG…`: every scenario under the paths through the whole
/// pipeline, all problems of all files in one run. Only wires: finding the files,
/// running them and rendering are the library's.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kontrollera",
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
        aliases: ["check"]
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, github
    }

    @Argument(help: ArgumentHelp("Filer och mappar att kontrollera.", valueName: "VÄG"))
    var paths: [String] = []

    @Option(help: ArgumentHelp(
        "Utdataformat: text, json (schema ramverk.kontrollera/1) eller github (anteckningar i GitHub Actions).",
        valueName: "FORMAT"))
    var format: Format = .text

    @Flag(name: .customLong("tyst"),
          help: "Skriv bara problemen: inget för filer utan problem, inga noter och ingen sammanfattning (text och github; json skrivs alltid hel).")
    var quiet = false

    @Flag(name: .customLong("varningar-som-fel"), help: "En varning ger slutkod 65, som ett fel.")
    var warningsAsErrors = false

    @Flag(name: .customLong("ingen-färg"), help: "Ingen färg, även i en terminal.")
    var noColour = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("ange minst en fil eller mapp att kontrollera") }
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
