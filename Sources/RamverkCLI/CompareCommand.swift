import Ramverk

/// `ramverk jämför FIL`: the base and the file's scenarios side by side.
struct CompareCommand {
    static let file = PositionalSpec.scenarioFile
    static let scenarios = OptionSpec.option("scenario", valueName: "NAMN", help: "Jämför bara detta scenario (kan upprepas).",
                                             repeats: true)
    static let onlyChanged = OptionSpec.flag("bara-ändringar", help: "Visa bara rader som skiljer sig från basen.")
    static let format = ReportFormat.option
    static let output = ReportDestination.option(help: "Skriv jämförelsen till FIL i stället för till standard ut.")
    static let noColour = OptionSpec.noColour()

    static let spec = CommandSpec(
        name: "jämför",
        aliases: ["jamfor", "compare"],
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
        positionals: [file],
        options: [scenarios, onlyChanged] + SimulationOptions.options + [format, output, noColour]
    )

    let file: String
    let scenarios: [String]
    let onlyChanged: Bool
    let simulation: SimulationOptions
    let format: ReportFormat
    let output: String?
    let noColour: Bool

    init(_ arguments: ParsedArguments) throws {
        file = arguments.requiredArgument(Self.file)
        scenarios = arguments.values(Self.scenarios)
        onlyChanged = arguments.flag(Self.onlyChanged)
        simulation = try SimulationOptions(arguments)
        format = ReportFormat(arguments.value(Self.format))
        output = arguments.value(Self.output)
        noColour = arguments.flag(Self.noColour)
    }

    func run() throws {
        // The scenarios' simulations will want every core: the worker threads start now,
        // while the file is read and checked.
        WorkerPool.shared.start()
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
