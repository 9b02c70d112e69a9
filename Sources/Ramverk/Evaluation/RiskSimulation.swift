/// The Monte Carlo simulation of the quantified risks: each risk becomes a driver of the
/// engine (`Simulation/`), each iteration puts the drawn outcomes in place (rounded to
/// whole öre, then exact arithmetic as everywhere else) and evaluates again only what
/// they reach, and the figures of the year are collected.
enum RiskSimulation {
    /// Output order: result, balanskravsresultat, each ram's remainder, each followed
    /// value.
    static func run(_ whatIf: inout WhatIf, options: RiskAnalysis.Options,
                    diagnostics: inout [Diagnostic]) -> SimulationSummary? {
        let model = whatIf.model
        let analysis = model.riskAnalysis
        let settings = analysis.simulation
        var failed = false

        // Iterations and seed: the command line, else the file, else the defaults.
        var iterations = options.iterations ?? RiskAnalysis.defaultIterations
        if options.iterations == nil, let expression = settings.iterations {
            if let count = whole(expression, &whatIf), (1...Int64(RiskAnalysis.maximumIterations)).contains(count) {
                iterations = Int(count)
            } else {
                diagnostics.append(Diagnostic(.iterationsOutOfRange(limit: RiskAnalysis.maximumIterations), at: expression.span))
                failed = true
            }
        }
        var seed = options.seed ?? RiskAnalysis.defaultSeed
        if options.seed == nil, let expression = settings.seed {
            if let value = whole(expression, &whatIf), value >= 0 {
                seed = UInt64(value)
            } else {
                diagnostics.append(Diagnostic(.seedNotInteger, at: expression.span))
                failed = true
            }
        }

        // The drivers, from the distributions evaluated in the base model.
        var drivers: [Distribution] = []
        var risks: [DrawnRisk] = []
        for risk in analysis.quantifiedRisks {
            guard let base = whatIf.baseValue(of: risk.target),
                  let written = whatIf.evaluator.internalValue(base, sign: risk.sign) else {
                failed = true
                continue
            }
            let isMoney: Bool
            if case .money = written { isMoney = true } else { isMoney = false }
            guard let distribution = DistributionParameters.distribution(risk.distribution, money: isMoney, sign: risk.sign,
                                                                         whatIf: &whatIf, diagnostics: &diagnostics) else {
                failed = true
                continue
            }
            drivers.append(distribution)
            risks.append(DrawnRisk(risk: risk, base: written, nodes: whatIf.nodes(of: risk.target)))
        }
        diagnostics += whatIf.evaluator.diagnostics
        whatIf.evaluator.diagnostics = []

        var correlation: CorrelationMatrix?
        if !analysis.correlations.isEmpty, !failed {
            correlation = DistributionParameters.correlation(analysis.correlations, size: drivers.count,
                                                             whatIf: &whatIf, diagnostics: &diagnostics)
            if correlation == nil { failed = true }
        }
        if failed || !options.simulate { return nil }

        let plan = whatIf.plan(analysis.quantifiedRisks.map(\.target))
        let outputCount = 2 + whatIf.yearRams.count + settings.followed.count
        let shortcut = options.fullEvaluation ? nil : AffineShortcut.make(&whatIf, risks: risks, outputs: outputCount)
        let template = SimulationContext(whatIf: whatIf, plan: plan, risks: risks, shortcut: shortcut)
        let result: SimulationResult
        do {
            result = try MonteCarloRunner.run(
                drivers: drivers, correlation: correlation, iterations: iterations, seed: seed,
                threads: options.threads ?? MonteCarloRunner.defaultThreadCount, outputs: outputCount,
                progress: options.progress,
                makeContext: { SimulationWorker(template) },
                evaluate: { worker, draws, outputs in worker.context.iterate(draws, outputs) })
        } catch {
            switch error {
            case .iterationsOutOfRange(let limit):
                diagnostics.append(Diagnostic(.iterationsOutOfRange(limit: limit), at: settings.iterations?.span ?? settings.span))
            case .everyIterationFailed(let count):
                diagnostics.append(Diagnostic(.simulationFailures(failed: count, of: count), at: settings.span ?? analysis.quantifiedRisks.first?.span))
            case .noOutputs, .invalidDriver, .correlationSizeMismatch:
                // Ruled out above: the drivers and the matrix were validated.
                diagnostics.append(Diagnostic(.simulationFailures(failed: iterations, of: iterations), at: settings.span))
            }
            return nil
        }
        if result.failedIterations > 0 {
            diagnostics.append(Diagnostic(.simulationFailures(failed: result.failedIterations, of: iterations),
                                          at: settings.span ?? analysis.quantifiedRisks.first?.span))
        }
        return SimulationSummary(result, model: model, yearRams: whatIf.yearRams, risks: analysis.quantifiedRisks)
    }

    /// A whole number from an expression of the simulering block (iterations, seed).
    private static func whole(_ expression: ResolvedExpression, _ whatIf: inout WhatIf) -> Int64? {
        guard case .number(let ratio, let kind)? = whatIf.evaluator.evaluate(expression, sign: .result, column: nil),
              kind != .percent, ratio.micros % Ratio.scale == 0 else { return nil }
        return ratio.micros / Ratio.scale
    }
}

/// A risk as the simulation applies it: its value as written and the nodes it sets.
struct DrawnRisk: Sendable {
    var risk: QuantifiedRisk
    /// The target's value in the file, in the sign the risk is written in.
    var base: Value
    var nodes: [Int]
}

/// One thread's context, by reference: the engine hands its context on as `inout` through
/// generic code, and a struct this size would be copied in and out every iteration.
final class SimulationWorker: @unchecked Sendable {
    // Only the thread that made it uses it.
    var context: SimulationContext

    init(_ context: SimulationContext) { self.context = context }
}

/// One worker's state: its own copy of the evaluated model, and the risks flattened
/// into plain arrays (the hot loop copies no reference-counted values).
struct SimulationContext: Sendable {
    var whatIf: WhatIf
    var figures = AnalysisFigures()
    private let shortcut: AffineShortcut?
    /// The drawn values of an iteration (internal sign), for the shortcut.
    private var values: [Int64]
    private let reached: [Int]
    /// Per risk: the written value (öre or millionths), whether the draw replaces it,
    /// whether it is an amount (else a number of `kinds[i]`), and whether the internal
    /// sign is the opposite of the written one.
    private let bases: [Int64]
    private let replaces: [Bool]
    private let kinds: [Value.NumberKind?]
    private let flips: [Bool]
    /// The nodes of risk i: `nodes[nodeStarts[i]..<nodeStarts[i + 1]]`.
    private let nodes: [Int]
    private let nodeStarts: [Int]

    init(whatIf: WhatIf, plan: WhatIf.Plan, risks: [DrawnRisk], shortcut: AffineShortcut?) {
        self.whatIf = whatIf
        self.shortcut = shortcut
        values = [Int64](repeating: 0, count: risks.count)
        reached = plan.reached
        var bases: [Int64] = [], replaces: [Bool] = [], kinds: [Value.NumberKind?] = [], flips: [Bool] = []
        var nodes: [Int] = [], starts = [0]
        for drawn in risks {
            switch drawn.base {
            case .money(let money):
                bases.append(money.ore)
                kinds.append(nil)
            case .number(let ratio, let kind):
                bases.append(ratio.micros)
                kinds.append(kind)
            }
            replaces.append(drawn.risk.replaces)
            flips.append(drawn.risk.sign.factor < 0)
            nodes += drawn.nodes
            starts.append(nodes.count)
        }
        (self.bases, self.replaces, self.kinds, self.flips, self.nodes, self.nodeStarts) =
            (bases, replaces, kinds, flips, nodes, starts)
    }

    /// One iteration: the draws in place, the figures out; false when they cannot be
    /// computed (an outcome too large, a division by zero).
    mutating func iterate(_ draws: UnsafeBufferPointer<Double>, _ outputs: UnsafeMutableBufferPointer<Int64>) -> Bool {
        if let shortcut {
            // Only amounts take the shortcut.
            let ok = bases.withUnsafeBufferPointer { bases in
                replaces.withUnsafeBufferPointer { replaces in
                    flips.withUnsafeBufferPointer { flips in
                        values.withUnsafeMutableBufferPointer { values in
                            for index in 0..<bases.count {
                                guard let value = SimulationContext.outcome(draws[index], base: bases[index],
                                                                            replaces: replaces[index], flips: flips[index]) else {
                                    return false
                                }
                                values[index] = value
                            }
                            return true
                        }
                    }
                }
            }
            return ok && values.withUnsafeBufferPointer { shortcut.evaluate($0, into: outputs) }
        }
        for node in reached { whatIf.evaluator.invalidate(node: node) }
        for index in 0..<bases.count {
            guard let value = outcome(index, draws[index]) else { return false }
            for slot in nodeStarts[index]..<nodeStarts[index + 1] { whatIf.evaluator.set(node: nodes[slot], to: value) }
        }
        whatIf.computeFigures(into: &figures)
        guard let result = figures.result, let balance = figures.balanceResult else {
            return false
        }
        outputs[0] = result.ore
        outputs[1] = balance.ore
        var slot = 2
        for value in figures.ramRemaining {
            guard let value else { return false }
            outputs[slot] = value.ore
            slot += 1
        }
        for value in figures.followed {
            guard let value else { return false }
            outputs[slot] = value.ore
            slot += 1
        }
        return true
    }

    /// The value a draw puts in place, in internal sign: the draw (öre, or millionths for
    /// a number) rounded half away from zero, added to the value as written or replacing
    /// it. Static, on plain values: a method on the context would copy the context.
    @inline(__always)
    private static func outcome(_ draw: Double, base: Int64, replaces: Bool, flips: Bool) -> Int64? {
        // Beyond ±2⁶² the Int64 conversion would trap; such outcomes fail the iteration.
        guard draw.isFinite, draw.magnitude < 4.6e18 else { return nil }
        // Half away from zero, as `ExactArithmetic` rounds: truncate (one instruction),
        // then look at the exact remainder.
        let whole = Int64(draw)
        let remainder = draw - Double(whole)
        // Without branches (the remainder's side is a coin toss for the predictor): the
        // sign bit of remainder − ½ is clear exactly when remainder ≥ ½ (the subtraction is
        // exact there), and of −½ − remainder when remainder ≤ −½.
        let up = 1 &- Int64(bitPattern: (remainder - 0.5).bitPattern >> 63)
        let down = 1 &- Int64(bitPattern: (-0.5 - remainder).bitPattern >> 63)
        let rounded = whole &+ up &- down
        var (value, overflow) = replaces ? (rounded, false) : base.addingReportingOverflow(rounded)
        if flips && !overflow { (value, overflow) = (0 as Int64).subtractingReportingOverflow(value) }
        return overflow ? nil : value
    }

    private func outcome(_ index: Int, _ draw: Double) -> Value? {
        let flips = kinds[index] == nil && self.flips[index]
        guard let value = SimulationContext.outcome(draw, base: bases[index], replaces: replaces[index], flips: flips) else {
            return nil
        }
        return kinds[index].map { .number(Ratio(micros: value), $0) } ?? .money(Money(ore: value))
    }
}
