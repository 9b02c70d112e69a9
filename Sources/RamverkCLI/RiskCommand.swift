import ArgumentParser
import Ramverk

/// `ramverk risk FIL`: the risk- och känslighetsanalys.
struct RiskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk",
        abstract: "Räkna ut risk- och känslighetsanalysen.",
        discussion: """
        Skriver känslighetsanalysen (varje faktors påverkan på resultatet, rangordnad, med \
        tornado) och en Monte Carlo-simulering av de kvantifierade riskerna: medel, P5, P50, \
        P95, sannolikheten för negativt resultat och för att ramen överskrids, och de största \
        riskbidragen. Samma fil och frö ger samma utskrift, oavsett antal trådar. \
        Slutkod 0 när analysen kunde göras, 65 vid fel i scenariot, 66 om filen inte kan läsas, \
        64 vid felaktiga flaggor.
        """
    )

    @Argument(help: ArgumentHelp("Scenariofilen (.ramverk), eller - för standard in.", valueName: "FIL"))
    var file: String

    @Option(name: .customLong("iterationer"), help: ArgumentHelp("Antal iterationer (ersätter filens).", valueName: "N"))
    var iterations: Int?

    @Option(name: .customLong("frö"), help: ArgumentHelp("Frö för slumptalen (ersätter filens).", valueName: "N"))
    var seed: UInt64?

    @Option(name: .customLong("trådar"), help: ArgumentHelp("Antal trådar (standard: alla kärnor). Påverkar inte resultatet.", valueName: "N"))
    var threads: Int?

    @Option(help: ArgumentHelp("Utdataformat: text eller json.", valueName: "FORMAT"))
    var format: RunCommand.Format = .text

    @Flag(name: .customLong("ingen-färg"), help: "Ingen färg, även i en terminal.")
    var noColour = false

    func validate() throws {
        if let iterations, !(1...RiskAnalysis.maximumIterations).contains(iterations) {
            throw ValidationError("--iterationer ska vara från 1 till \(SwedishNumberFormat.integer(RiskAnalysis.maximumIterations))")
        }
        if let threads, !(1...256).contains(threads) {
            throw ValidationError("--trådar ska vara från 1 till 256")
        }
    }

    func run() throws {
        let (run, model, _) = try ScenarioInput.evaluated(file, colour: !noColour)
        let analysis = RiskAnalysis.run(model, options: .init(iterations: iterations, seed: seed, threads: threads,
                                                              progress: Progress.onTerminal()))
        Progress.clear()
        Terminal.writeError(DiagnosticRenderer(sources: run.sources, colour: !noColour && Terminal.wantsColour(2))
            .render(analysis.newDiagnostics(since: run)))
        if analysis.hasErrors { throw ExitCode(ExitStatus.scenarioError) }
        switch format {
        case .json:
            Terminal.write(JSONRiskRenderer().render(analysis, unit: model.displayUnit))
        case .text:
            if model.riskAnalysis.isEmpty {
                Terminal.write("Filen har inga känsligheter eller kvantifierade risker.\n")
            } else {
                Terminal.write(TextRiskRenderer(unit: model.displayUnit, colour: !noColour && Terminal.wantsColour(1)).render(analysis))
            }
        }
    }
}
