import Ramverk

/// The simulation's settings on the command line (`risk`, `jämför`): they replace the
/// file's `simulering` values.
struct SimulationOptions {
    static let iterations = OptionSpec.option("iterationer", .integer, valueName: "N",
                                              help: "Antal iterationer (ersätter filens).")
    static let seed = OptionSpec.option("frö", .unsignedInteger, valueName: "N", help: "Frö för slumptalen (ersätter filens).")
    static let threads = OptionSpec.option("trådar", .integer, valueName: "N",
                                           help: "Antal trådar (standard: alla kärnor). Påverkar inte resultatet.")
    /// In the order the help lists them.
    static let options = [iterations, seed, threads]

    let iterations: Int?
    let seed: UInt64?
    let threads: Int?

    /// The settings given; a count out of range is a usage error.
    init(_ arguments: ParsedArguments) throws {
        iterations = arguments.integer(Self.iterations)
        seed = arguments.unsignedInteger(Self.seed)
        threads = arguments.integer(Self.threads)
        if let iterations, !(1...RiskAnalysis.maximumIterations).contains(iterations) {
            throw UsageError.invalid("--iterationer ska vara från 1 till \(SwedishNumberFormat.integer(RiskAnalysis.maximumIterations))")
        }
        if let threads, !(1...256).contains(threads) {
            throw UsageError.invalid("--trådar ska vara från 1 till 256")
        }
    }

    /// The library's options, with a progress line on a terminal.
    var riskOptions: RiskAnalysis.Options {
        .init(iterations: iterations, seed: seed, threads: threads, progress: Progress.onTerminal())
    }
}
