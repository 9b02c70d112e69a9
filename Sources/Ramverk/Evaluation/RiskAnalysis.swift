/// The risk- och känslighetsanalys of a checked model: each känslighet's effect on the
/// result, and a Monte Carlo simulation of the quantified risks. Both work on a `WhatIf`:
/// the model evaluated once, changed and evaluated again only where a change reaches.
public enum RiskAnalysis {
    /// Settings from the command line; they win over the file's `simulering` block.
    public struct Options: Sendable {
        public var iterations: Int?
        public var seed: UInt64?
        /// Threads for the simulation; nil = every core. The result does not depend on it.
        public var threads: Int?
        /// Called now and then with the share done (0…1), from any thread.
        public var progress: (@Sendable (Double) -> Void)?
        /// Evaluates every iteration in full even where `AffineShortcut` applies (tests
        /// compare the two).
        public var fullEvaluation = false
        /// False: compute the känslighetsanalys and check the risks' parameters, but do not
        /// simulate (what every run of a scenario does, to report bad parameters).
        public var simulate = true

        public init(iterations: Int? = nil, seed: UInt64? = nil, threads: Int? = nil, simulate: Bool = true,
                    progress: (@Sendable (Double) -> Void)? = nil) {
            self.simulate = simulate
            self.iterations = iterations
            self.seed = seed
            self.threads = threads
            self.progress = progress
        }
    }

    /// The default number of iterations when neither the file nor the command line says.
    public static let defaultIterations = 10_000
    /// The most iterations a run may ask for (memory: 8 bytes per iteration and followed
    /// value, see `MonteCarloRunner`).
    public static let maximumIterations = 50_000_000
    public static let defaultSeed: UInt64 = 1

    /// The year analysed: the `simulering` block's, else the last year with a ram, else
    /// the last year with a column.
    public static func year(of model: Model) -> Int? {
        if let year = model.riskAnalysis.simulation.year { return year }
        let ramYears = model.rams.map(\.year).filter { model.column(forYear: $0) != nil }
        if let year = ramYears.max() { return year }
        return model.columns.compactMap(\.year).max()
    }

    public static func run(_ model: Model, options: Options = Options()) -> RiskAnalysisResult {
        var result = RiskAnalysisResult()
        guard let year = year(of: model), let column = model.column(forYear: year) else {
            let span = model.riskAnalysis.simulation.span ?? model.riskAnalysis.sensitivities.first?.span
                ?? model.riskAnalysis.quantifiedRisks.first?.span
            result.diagnostics.append(Diagnostic(.noYearToAnalyse, at: span))
            return result
        }
        var whatIf = WhatIf(model: model, year: year, column: column)
        return run(&whatIf, risks: model.riskAnalysis.quantifiedRisks, options: options)
    }

    /// The quantified risks of a scenario (its chain, outermost last): the base's, each
    /// replaced by the last scenario in the chain that quantifies it otherwise.
    static func activeRisks(_ model: Model, chain: [Int]) -> [QuantifiedRisk] {
        model.riskAnalysis.quantifiedRisks.map { risk in
            var active = risk
            for index in chain {
                if let replacement = model.alternatives[index].risks.last(where: { $0.risk == risk.risk }) {
                    active = replacement
                }
            }
            return active
        }
    }

    /// The analysis from the state `whatIf` is in, with the base's risks: its current
    /// figures are the base (an exploration session runs it with its what-if changes in
    /// place).
    static func run(_ whatIf: inout WhatIf, options: Options) -> RiskAnalysisResult {
        run(&whatIf, risks: whatIf.model.riskAnalysis.quantifiedRisks, options: options)
    }

    /// The analysis of the state `whatIf` is in (the base, or a scenario applied), with
    /// `risks` (in the order of the base's, so its correlations apply).
    static func run(_ whatIf: inout WhatIf, risks: [QuantifiedRisk], options: Options) -> RiskAnalysisResult {
        var result = RiskAnalysisResult()
        let model = whatIf.model
        let year = whatIf.year
        let column = whatIf.column
        // Problems of the evaluation itself were reported by the run.
        whatIf.evaluator.diagnostics = []
        result.year = year
        result.columnLabel = model.columns[column].label
        result.definition = ResultDefinition.of(model, year: year)
        result.base = whatIf.base
        result.ramYears = model.rams.filter { $0.year == year }.map(\.year)
        result.followedLabels = model.riskAnalysis.simulation.followed.map(\.label)
        result.hasSeparateBalanceResult = whatIf.yearBalance != nil || whatIf.yearGains != nil
        for (index, named) in model.namedValues.enumerated() where named.isAssumption {
            let value = whatIf.evaluator.named(index, column, from: named.span)
                .flatMap { whatIf.evaluator.internalValue($0, sign: named.sign) }
            result.assumptions.append((named.name, value))
        }
        StageClock.mark("risk: base")
        result.sensitivities = model.riskAnalysis.sensitivities.map { whatIf.effect(of: $0) }
        StageClock.mark("risk: sensitivities")
        result.diagnostics += whatIf.evaluator.diagnostics
        whatIf.evaluator.diagnostics = []
        if !options.simulate {
            // Kept for a simulation of the same model to go on from (`run(_:options:)`
            // with the scenario's run): the state the simulation step starts from.
            result.beforeSimulation = whatIf
            result.diagnosticsBeforeSimulation = result.diagnostics.count
        }
        if !risks.isEmpty {
            result.simulation = RiskSimulation.run(&whatIf, risks: risks, options: options, diagnostics: &result.diagnostics)
        }
        return result
    }

    /// The analysis of a scenario's model with a simulation: the same result as
    /// `run(model, options:)`, but going on from the analysis without simulation that
    /// the pipeline made (`ScenarioRun.riskAnalysis`) — its base and känslighetsanalys
    /// as they are, and the simulation from the state it stopped in — instead of
    /// evaluating the model for the analysis a second time.
    public static func run(_ scenario: ScenarioRun, options: Options) -> RiskAnalysisResult {
        guard let model = scenario.model else { return RiskAnalysisResult() }
        guard options.simulate, let prepared = scenario.riskAnalysis, var whatIf = prepared.beforeSimulation else {
            return run(model, options: options)
        }
        var result = prepared
        result.beforeSimulation = nil
        // The simulation step's own problems come again, as from a run of its own.
        result.diagnostics.removeSubrange(prepared.diagnosticsBeforeSimulation...)
        let risks = model.riskAnalysis.quantifiedRisks
        if !risks.isEmpty {
            result.simulation = RiskSimulation.run(&whatIf, risks: risks, options: options, diagnostics: &result.diagnostics)
        }
        return result
    }
}

/// What the analysis found, as data for the reports.
public struct RiskAnalysisResult: Sendable {
    public var year: Int?
    public var columnLabel = ""
    public var definition = ResultDefinition.lines
    /// The figures of the model as written.
    public var base = AnalysisFigures()
    /// The years of the rams in `base.ramRemaining` (one each).
    public var ramYears: [Int] = []
    /// False when the balanskravsresultat is the result itself (no balanskrav block and
    /// no realisationsvinster for the year): reports then leave it out.
    public var hasSeparateBalanceResult = false
    /// The assumptions (`antagande`) with their values in the year's column, as written.
    public var assumptions: [(name: String, value: Value?)] = []
    /// The labels of the followed values (`följ`), in `base.followed` order.
    public var followedLabels: [String] = []
    public var sensitivities: [SensitivityResult] = []
    public var simulation: SimulationSummary?
    public var diagnostics: [Diagnostic] = []
    /// A run without simulation: where it stood before its simulation step, and how
    /// many of `diagnostics` were found by then (see `RiskAnalysis.run(_:options:)`).
    var beforeSimulation: WhatIf?
    var diagnosticsBeforeSimulation = 0

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The problems a run of the scenario has not already reported (every run checks
    /// the risks' parameters; a simulation can add its own).
    public func newDiagnostics(since run: ScenarioRun) -> [Diagnostic] {
        diagnostics.filter { found in !run.diagnostics.contains { $0.code == found.code && $0.span == found.span } }
    }
}

/// One row of the känslighetsanalys.
public struct SensitivityResult: Sendable {
    public var label: String
    public var span: SourceSpan
    /// Changed figure − base figure (result sign: negative = worse); nil when a change
    /// could not be made.
    public var resultEffect: Money?
    public var balanceEffect: Money?
    /// Per followed value (`följ`): changed − base, in the sign it is written in.
    public var followedEffects: [Money?] = []
    public var figures: AnalysisFigures?
}

extension WhatIf {
    /// Applies a känslighet's changes, reads the figures, and puts the model back.
    mutating func effect(of sensitivity: Sensitivity) -> SensitivityResult {
        var row = SensitivityResult(label: sensitivity.label, span: sensitivity.span)
        var values: [Value] = []
        for change in sensitivity.changes {
            guard let value = newValue(for: change) else { return row }
            values.append(value)
        }
        let plan = plan(sensitivity.changes.map(\.target))
        let saved = snapshot(plan)
        apply(plan, values: values)
        let changed = figures()
        restore(plan, saved)
        row.figures = changed
        row.resultEffect = changed.result.flatMap { new in base.result.flatMap(new.subtracting) }
        row.balanceEffect = changed.balanceResult.flatMap { new in base.balanceResult.flatMap(new.subtracting) }
        row.followedEffects = zip(changed.followed, base.followed).map { new, old in
            new.flatMap { new in old.flatMap(new.subtracting) }
        }
        return row
    }
}
