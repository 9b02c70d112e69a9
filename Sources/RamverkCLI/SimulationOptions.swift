import ArgumentParser
import Ramverk

/// The simulation's settings on the command line (`risk`, `jämför`): they replace the
/// file's `simulering` values.
struct SimulationOptions: ParsableArguments {
    @Option(name: .customLong("iterationer"), help: ArgumentHelp("Antal iterationer (ersätter filens).", valueName: "N"))
    var iterations: Int?

    @Option(name: .customLong("frö"), help: ArgumentHelp("Frö för slumptalen (ersätter filens).", valueName: "N"))
    var seed: UInt64?

    @Option(name: .customLong("trådar"), help: ArgumentHelp("Antal trådar (standard: alla kärnor). Påverkar inte resultatet.", valueName: "N"))
    var threads: Int?

    func validate() throws {
        if let iterations, !(1...RiskAnalysis.maximumIterations).contains(iterations) {
            throw ValidationError("--iterationer ska vara från 1 till \(SwedishNumberFormat.integer(RiskAnalysis.maximumIterations))")
        }
        if let threads, !(1...256).contains(threads) {
            throw ValidationError("--trådar ska vara från 1 till 256")
        }
    }

    /// The library's options, with a progress line on a terminal.
    var riskOptions: RiskAnalysis.Options {
        .init(iterations: iterations, seed: seed, threads: threads, progress: Progress.onTerminal())
    }
}
