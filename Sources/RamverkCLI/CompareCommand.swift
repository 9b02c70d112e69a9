import ArgumentParser
import Ramverk

/// `ramverk jämför FIL`: the base and the file's scenarios side by side.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jämför",
        abstract: "Jämför scenarierna i en fil med basen, sida vid sida.",
        discussion: """
        Visar basen (filen utan scenarier) och varje scenario som kolumner för det år som \
        analyseras: varje område och post, ramar, resultat, reserver som finns kvar och, när \
        filen har risker, P50 och P(resultat < 0) med samma frö, med skillnaden mot basen i \
        belopp och procent; sedan vilka kontroller som inte stämmer i varje scenario. \
        Som text, JSON, CSV (för Excel) eller HTML (med diagram); med -o till en fil, hel \
        eller inte alls. Slutkod 0 när alla kontroller stämmer i alla scenarier, 1 när någon \
        inte gör det, 65 vid fel i scenariot, 66 om filen inte kan läsas, 64 vid felaktiga \
        flaggor, 73 om utdatafilen inte kan skrivas.
        """,
        aliases: ["jamfor", "compare"]
    )

    @Argument(help: ArgumentHelp("Scenariofilen (.ramverk), eller - för standard in.", valueName: "FIL"))
    var file: String

    @Option(name: .customLong("scenario"), help: ArgumentHelp("Jämför bara detta scenario (kan upprepas).", valueName: "NAMN"))
    var scenarios: [String] = []

    @Flag(name: .customLong("bara-ändringar"), help: "Visa bara rader som skiljer sig från basen.")
    var onlyChanged = false

    @OptionGroup var simulation: SimulationOptions

    @Option(help: ArgumentHelp("Utdataformat: text, json, csv eller html.", valueName: "FORMAT"))
    var format: ReportFormat = .text

    @Option(name: [.customShort("o"), .customLong("utdata")],
            help: ArgumentHelp("Skriv jämförelsen till FIL i stället för till standard ut.", valueName: "FIL"))
    var output: String?

    @Flag(name: .customLong("ingen-färg"), help: "Ingen färg, även i en terminal.")
    var noColour = false

    func run() throws {
        let destination = ReportDestination(output)
        try destination.checkNotInput(file, command: "jämför")
        let (run, model, _) = try ScenarioInput.evaluated(file, colour: !noColour)
        var selected: [Int]?
        if !scenarios.isEmpty {
            var indices: [Int] = []
            let short = TextComparisonRenderer.shortNames(model.alternatives.map(\.name))
            for name in scenarios {
                // The whole name, or the short one the table's column shows ("Alt A").
                let matches = short.indices.filter { short[$0] == name }
                guard let index = model.alternatives.firstIndex(where: { $0.name == name })
                        ?? (matches.count == 1 ? matches.first : nil) else {
                    let known = model.alternatives.map { "\"\($0.name)\"" }.joined(separator: ", ")
                    Terminal.writeError("ramverk jämför: fel: okänt scenario \"\(name)\"; filen har \(known.isEmpty ? "inga scenarier" : known)\n")
                    throw ExitCode(ExitStatus.usage)
                }
                indices.append(index)
            }
            selected = indices
        }
        let (outcomes, diagnostics) = Alternatives.run(model, tolerance: run.tolerance, selected: selected,
                                                       options: simulation.riskOptions)
        Progress.clear()
        let problems = diagnostics + outcomes.flatMap { $0.riskAnalysis?.newDiagnostics(since: run) ?? [] }
        Terminal.writeError(DiagnosticRenderer(sources: run.sources, colour: !noColour && Terminal.wantsColour(2)).render(problems))
        if problems.contains(where: { $0.severity == .error }) { throw ExitCode(ExitStatus.scenarioError) }
        let report = ComparisonReportBuilder.build(model: model, outcomes: outcomes, onlyChanged: onlyChanged)
        switch format {
        case .text: try destination.write(TextComparisonRenderer(colour: destination.wantsColour(noColour: noColour)).render(report))
        case .json: try destination.write(JSONComparisonRenderer().render(report))
        case .csv: try destination.write(CSVComparisonRenderer().render(report))
        case .html: try destination.write(HTMLComparisonRenderer().render(report, source: run.sources.files.first?.path))
        }
        if report.checks.contains(where: { !$0.failed.isEmpty }) { throw ExitCode(ExitStatus.checkFailed) }
    }
}
