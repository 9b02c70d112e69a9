/// A risk's distribution and the correlations, evaluated in the base model and
/// checked, as the simulation engine takes them: amounts in öre, numbers in millionths,
/// probabilities and coefficients as plain doubles.
enum DistributionParameters {
    /// `sign`: the sign the risk is written in; references are read in it, as in a cell.
    static func distribution(_ resolved: ResolvedDistribution, money: Bool, sign: SignConvention,
                             whatIf: inout WhatIf, diagnostics: inout [Diagnostic]) -> Distribution? {
        func parameter(_ expression: ResolvedExpression) -> Double? {
            guard let value = whatIf.evaluator.evaluate(expression, sign: sign, column: whatIf.column) else { return nil }
            if money {
                guard let amount = Arithmetic.asMoney(value) else {
                    diagnostics.append(Diagnostic(.changeKindMismatch(target: "ett belopp", change: describe(value)),
                                                  at: expression.span))
                    return nil
                }
                return Double(amount.ore)
            }
            guard case .number(let ratio, _) = value else {
                diagnostics.append(Diagnostic(.changeKindMismatch(target: "ett tal", change: "ett belopp"), at: expression.span))
                return nil
            }
            return Double(ratio.micros)
        }
        let distribution: Distribution
        switch resolved {
        case .triangular(let min, let mode, let max, _):
            guard let a = parameter(min), let c = parameter(mode), let b = parameter(max) else { return nil }
            distribution = .triangular(min: a, mode: c, max: b)
        case .uniform(let min, let max, _):
            guard let a = parameter(min), let b = parameter(max) else { return nil }
            distribution = .uniform(low: a, high: b)
        case .normal(let mean, let deviation, _):
            guard let m = parameter(mean), let s = parameter(deviation) else { return nil }
            distribution = .normal(mean: m, sd: s)
        case .lognormal(let mean, let deviation, _):
            guard let m = parameter(mean), let s = parameter(deviation) else { return nil }
            distribution = .lognormal(mean: m, sd: s)
        case .fixed(let amount, _):
            guard let a = parameter(amount) else { return nil }
            distribution = .constant(a)
        case .event(let probability, let then, _):
            guard let p = share(probability, &whatIf, &diagnostics),
                  let outcome = self.distribution(then, money: money, sign: sign, whatIf: &whatIf,
                                                  diagnostics: &diagnostics) else {
                return nil
            }
            distribution = .event(probability: p, then: outcome)
        }
        // The event's own problems are checked here; its outcome's were checked above.
        var problems = distribution.problems
        if case .event = resolved { problems = problems.filter { $0 == .probabilityOutOfRange } }
        for problem in problems {
            diagnostics.append(Diagnostic(self.problem(problem, resolved), at: resolved.span))
        }
        return problems.isEmpty ? distribution : nil
    }

    private static func problem(_ problem: DistributionProblem, _ resolved: ResolvedDistribution) -> Problem {
        switch problem {
        case .minAboveMax: .distributionOutOfOrder("min är större än max")
        case .modeOutsideRange: .distributionOutOfOrder("troligast ligger utanför min–max")
        case .negativeDeviation: .negativeDeviation
        case .probabilityOutOfRange:
            if case .event(let probability, _, _) = resolved { .probabilityOutOfRange(text(probability)) } else { .overflow }
        case .lognormalMeanZero: .lognormalMeanZero
        case .notFinite: .overflow
        }
    }

    /// A probability: a percentage, or a plain number from 0 to 1.
    private static func share(_ expression: ResolvedExpression, _ whatIf: inout WhatIf,
                              _ diagnostics: inout [Diagnostic]) -> Double? {
        guard let value = whatIf.evaluator.evaluate(expression, sign: .result, column: whatIf.column) else { return nil }
        guard case .number(let ratio, _) = value else {
            diagnostics.append(Diagnostic(.probabilityOutOfRange("ett belopp"), at: expression.span))
            return nil
        }
        return Double(ratio.micros) / Double(Ratio.scale)
    }

    static func correlation(_ correlations: [Correlation], size: Int, whatIf: inout WhatIf,
                            diagnostics: inout [Diagnostic]) -> CorrelationMatrix? {
        var pairs: [CorrelationPair] = []
        var valid = true
        for correlation in correlations {
            guard let value = whatIf.evaluator.evaluate(correlation.coefficient, sign: .result, column: nil) else {
                valid = false
                continue
            }
            guard case .number(let ratio, let kind) = value, kind != .percent,
                  (-Ratio.scale...Ratio.scale).contains(ratio.micros) else {
                diagnostics.append(Diagnostic(.correlationOutOfRange(text(correlation.coefficient)),
                                              at: correlation.coefficient.span))
                valid = false
                continue
            }
            pairs.append(CorrelationPair(correlation.first, correlation.second,
                                         Double(ratio.micros) / Double(Ratio.scale)))
        }
        guard valid else { return nil }
        do {
            return try CorrelationMatrix(size: size, pairs: pairs)
        } catch {
            for problem in error.problems {
                if case .notPositiveSemidefinite(let driver, let pivot) = problem {
                    // The last correlation that involves the driver where it went wrong.
                    let span = correlations.last { $0.first == driver || $0.second == driver }?.span
                        ?? correlations.last?.span
                    let shown = Ratio(micros: Int64((pivot * 1_000_000).rounded()))
                    diagnostics.append(Diagnostic(.correlationNotPositiveSemidefinite(pivot: SwedishNumberFormat.number(shown)),
                                                  at: span))
                }
            }
            return nil
        }
    }

    private static func describe(_ value: Value) -> String {
        switch value {
        case .money: "ett belopp"
        case .number(_, .percent): "en procentsats"
        case .number: "ett tal"
        }
    }

    /// An expression as the user wrote it, for messages.
    private static func text(_ expression: ResolvedExpression) -> String {
        switch expression {
        case .percent(let ratio, _): SwedishNumberFormat.percent(ratio, decimals: 1)
        case .bareNumber(let ratio, _, _): SwedishNumberFormat.number(ratio)
        default: "värdet"
        }
    }
}

extension Distribution {
    /// The same distribution moved by `offset`; nil for a lognormal, whose support is
    /// tied to zero.
    func shifted(by offset: Double) -> Distribution? {
        switch self {
        case .constant(let value): .constant(value + offset)
        case .uniform(let low, let high): .uniform(low: low + offset, high: high + offset)
        case .triangular(let min, let mode, let max): .triangular(min: min + offset, mode: mode + offset, max: max + offset)
        case .normal(let mean, let sd): .normal(mean: mean + offset, sd: sd)
        case .lognormal: nil
        case .event(let probability, let then): then.shifted(by: offset).map { .event(probability: probability, then: $0) }
        }
    }
}
