/// The Monte Carlo simulation of the quantified risks: each risk becomes a driver of the
/// engine (`Simulation/`), each iteration puts the drawn outcomes in place (rounded to
/// whole öre, then exact arithmetic as everywhere else) and evaluates again only what
/// they reach, and the figures of the year are collected.
enum RiskSimulation {
    /// Output order: result, balanskravsresultat, each ram's remainder, each followed
    /// value.
    static func run(_ whatIf: inout WhatIf, risks quantifiedRisks: [QuantifiedRisk], options: RiskAnalysis.Options,
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
        let seed = options.seed ?? settings.seed ?? RiskAnalysis.defaultSeed

        let drawn = drivers(for: quantifiedRisks, &whatIf, diagnostics: &diagnostics)
        if drawn == nil { failed = true }

        // Checked even when a distribution failed, so every problem is reported at once.
        var correlation: CorrelationMatrix?
        if !analysis.correlations.isEmpty {
            correlation = DistributionParameters.correlation(analysis.correlations, size: quantifiedRisks.count,
                                                             whatIf: &whatIf, diagnostics: &diagnostics)
            if correlation == nil { failed = true }
        }
        guard let (drivers, risks) = drawn, !failed, options.simulate else { return nil }

        StageClock.mark("risk: drivers")
        let plan = whatIf.plan(quantifiedRisks.map(\.target))
        let outputCount = 2 + whatIf.yearRams.count + settings.followed.count
        var shortcut = options.fullEvaluation || !SimulationContext.shortcutApplies(to: risks) ? nil
            : AffineShortcut.make(&whatIf, risks: risks, outputs: outputCount)
        // Under the shortcut, only the figures that differ and move are computed.
        var figures = (0..<outputCount).map(SimulatedFigure.output)
        if let all = shortcut {
            let distinct = all.distinctOutputs()
            figures = distinct.figures
            shortcut = all.keeping(distinct.kept)
        }
        let template = SimulationContext(whatIf: whatIf, plan: plan, risks: risks, shortcut: shortcut)
        StageClock.mark("risk: shortcut")
        let result: SimulationResult
        do {
            result = try MonteCarloRunner.run(
                drivers: drivers, correlation: correlation, iterations: iterations, seed: seed,
                threads: options.threads ?? MonteCarloRunner.defaultThreadCount, outputs: shortcut?.outputs ?? outputCount,
                progress: options.progress,
                makeContext: { SimulationWorker(template) },
                evaluateBlocks: { worker, block in worker.context.iterate(block) })
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
        return SimulationSummary(result, figures: figures, model: model, yearRams: whatIf.yearRams, risks: quantifiedRisks)
    }

    /// The engine's drivers and the risks as the iterations apply them, from the
    /// distributions evaluated in the base model; nil when one could not be made (each
    /// problem reported).
    static func drivers(for quantifiedRisks: [QuantifiedRisk], _ whatIf: inout WhatIf,
                        diagnostics: inout [Diagnostic]) -> (drivers: [Distribution], risks: [DrawnRisk])? {
        var failed = false
        var drivers: [Distribution] = []
        var risks: [DrawnRisk] = []
        for risk in quantifiedRisks {
            guard let base = whatIf.baseValue(of: risk.target),
                  let written = whatIf.evaluator.internalValue(base, sign: risk.sign) else {
                failed = true
                continue
            }
            let isMoney: Bool
            if case .money = written { isMoney = true } else { isMoney = false }
            guard var distribution = DistributionParameters.distribution(risk.distribution, money: isMoney, sign: risk.sign,
                                                                         whatIf: &whatIf, diagnostics: &diagnostics) else {
                failed = true
                continue
            }
            // `blir händelse …`: when the event does not happen the value stays as
            // written, so the risk is a change by (outcome − value) when it does.
            var replaces = risk.replaces
            if replaces, case .event(let probability, let outcome) = distribution {
                let value: Double
                switch written {
                case .money(let money): value = Double(money.ore)
                case .number(let ratio, _): value = Double(ratio.micros)
                }
                guard let shifted = outcome.shifted(by: -value) else {
                    diagnostics.append(Diagnostic(.replacingEventLognormal, at: risk.distribution.span))
                    failed = true
                    continue
                }
                distribution = .event(probability: probability, then: shifted)
                replaces = false
            }
            drivers.append(distribution)
            risks.append(DrawnRisk(risk: risk, replaces: replaces, base: written, nodes: whatIf.nodes(of: risk.target)))
        }
        diagnostics += whatIf.evaluator.diagnostics
        whatIf.evaluator.diagnostics = []
        return failed ? nil : (drivers, risks)
    }

    /// A whole number from an expression of the simulering block (iterations, seed).
    private static func whole(_ expression: ResolvedExpression, _ whatIf: inout WhatIf) -> Int64? {
        guard case .number(let ratio, let kind)? = whatIf.evaluator.evaluate(expression, sign: .result, column: nil),
              kind != .percent, ratio.micros % Ratio.scale == 0 else { return nil }
        return ratio.micros / Ratio.scale
    }
}

