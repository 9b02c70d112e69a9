import Ramverk

/// `ramverk risk FIL`: the risk- och känslighetsanalys.
struct RiskCommand {
    static let file = PositionalSpec.scenarioFile
    static let format = ReportFormat.option
    static let output = ReportDestination.option(help: "Skriv analysen till FIL i stället för till standard ut.")
    static let noColour = OptionSpec.noColour()

    static let spec = CommandSpec(
        name: "risk",
        abstract: "Räkna ut risk- och känslighetsanalysen.",
        discussion: """
        Skriver känslighetsanalysen (varje faktors påverkan på resultatet, rangordnad, med \
        tornado) och en Monte Carlo-simulering av de kvantifierade riskerna: medel, P5, P50, \
        P95, sannolikheten för negativt resultat och för att ramen överskrids, och de största \
        riskbidragen. Samma fil och frö ger samma utskrift, oavsett antal trådar. Som text, \
        JSON, CSV (för Excel) eller HTML (med tornado och histogram); med -o till en fil, \
        hel eller inte alls. Slutkod 0 när analysen kunde göras, 65 vid fel i scenariot, 66 om \
        filen inte kan läsas, 64 vid felaktiga flaggor, 73 om utdatafilen inte kan skrivas.
        """,
        positionals: [file],
        options: SimulationOptions.options + [format, output, noColour]
    )

    let file: String
    let simulation: SimulationOptions
    let format: ReportFormat
    let output: String?
    let noColour: Bool

    init(_ arguments: ParsedArguments) throws {
        file = arguments.requiredArgument(Self.file)
        simulation = try SimulationOptions(arguments)
        format = ReportFormat(arguments.value(Self.format))
        output = arguments.value(Self.output)
        noColour = arguments.flag(Self.noColour)
    }

    func run() throws {
        // The simulation will want every core: the worker threads start now, while the
        // file is read and checked.
        WorkerPool.shared.start()
        let destination = ReportDestination(output)
        try destination.checkNotInput(file, command: "risk")
        let (run, model, _) = try ScenarioInput.evaluated(file, colour: !noColour)
        let analysis = RiskAnalysis.run(model, options: simulation.riskOptions)
        Progress.clear()
        Terminal.writeError(DiagnosticRenderer(sources: run.sources, colour: !noColour && Terminal.wantsColour(2))
            .render(analysis.newDiagnostics(since: run)))
        if analysis.hasErrors { throw ExitCode(ExitStatus.scenarioError) }
        let unit = model.displayUnit
        switch format {
        case .json:
            try destination.write(JSONRiskRenderer().render(analysis, unit: unit))
        case .text:
            if model.riskAnalysis.isEmpty {
                try destination.write("Filen har inga känsligheter eller kvantifierade risker.\n")
            } else {
                try destination.write(TextRiskRenderer(unit: unit, colour: destination.wantsColour(noColour: noColour))
                    .render(analysis))
            }
        case .csv:
            try destination.write(CSVRiskRenderer(unit: unit).render(analysis))
        case .html:
            try destination.write(HTMLRiskRenderer(unit: unit).render(
                analysis, owner: ReportOwner.line(municipality: model.municipality, committee: model.committee),
                source: run.sources.files.first?.path))
        }
    }
}
