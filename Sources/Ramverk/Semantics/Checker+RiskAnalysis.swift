/// Resolves the risk analysis: the targets of risks and känsligheter, the parameters of
/// distributions, correlations and the simulation settings. Expressions are resolved
/// with the column left open: they are evaluated in the column of the year analysed.
extension Checker {
    mutating func resolveRiskAnalysisItem(_ item: Pending) {
        switch item {
        case .riskEffect(let risk, let effect, let scope):
            if let quantified = quantifiedRisk(risk, effect, scope) { model.riskAnalysis.quantifiedRisks.append(quantified) }
        case .sensitivity(let statement, let scope):
            let changes = statement.changes.compactMap { resolveChange($0, scope) }
            model.riskAnalysis.sensitivities.append(Sensitivity(label: statement.label, changes: changes,
                                                                span: statement.span))
        case .correlation(let statement, let scope):
            resolveCorrelation(statement, scope)
        case .simulation(let statement, let scope):
            resolveSimulation(statement, scope)
        default:
            break
        }
    }

    /// A risk's effect resolved (nil when its target is no value to change).
    mutating func quantifiedRisk(_ risk: Int, _ effect: RiskEffectSyntax, _ scope: Scope) -> QuantifiedRisk? {
        guard let target = changeTarget(effect.target, scope) else { return nil }
        return QuantifiedRisk(risk: risk, target: target, targetText: effect.target.text, replaces: effect.replaces,
                              distribution: resolveDistribution(effect.distribution, scope), sign: scope.sign,
                              span: effect.span)
    }

    /// A change of a känslighet or a scenario; its right-hand side is evaluated where it
    /// is applied (in the column of the year).
    mutating func resolveChange(_ change: ChangeSyntax, _ scope: Scope) -> Change? {
        guard let target = changeTarget(change.target, scope) else { return nil }
        let kind: Change.Kind
        switch change.kind {
        case .set(let expression): kind = .set(resolve(expression, scope, .dynamic))
        case .increase(let expression, let points): kind = .increase(resolve(expression, scope, .dynamic), points: points)
        case .decrease(let expression, let points): kind = .decrease(resolve(expression, scope, .dynamic), points: points)
        case .vanishes: kind = .vanishes
        }
        return Change(target: target, targetText: change.target.text, kind: kind, sign: scope.sign, span: change.span)
    }

    /// A reference as something a risk or känslighet may change.
    mutating func changeTarget(_ reference: Reference, _ scope: Scope) -> ChangeTarget? {
        switch resolveReference(reference, scope, .dynamic) {
        case .post(let post, let column, _): return .cell(post: post, column: column)
        case .areaTotal(let area, let column, _): return .area(area, column: column)
        case .named(let named, _, _): return .named(named)
        // A reference resolves to one of the above, or failed with its own message.
        default: return nil
        }
    }

    private mutating func resolveDistribution(_ distribution: DistributionSyntax, _ scope: Scope) -> ResolvedDistribution {
        func r(_ expression: Expression) -> ResolvedExpression { resolve(expression, scope, .dynamic) }
        switch distribution {
        case .triangular(let min, let mode, let max, let span):
            return .triangular(min: r(min), mode: r(mode), max: r(max), span: span)
        case .uniform(let min, let max, let span):
            return .uniform(min: r(min), max: r(max), span: span)
        case .normal(let mean, let deviation, let span):
            return .normal(mean: r(mean), deviation: r(deviation), span: span)
        case .lognormal(let mean, let deviation, let span):
            return .lognormal(mean: r(mean), deviation: r(deviation), span: span)
        case .event(let probability, let then, let span):
            return .event(probability: r(probability), then: resolveDistribution(then, scope), span: span)
        case .fixed(let amount, let span):
            return .fixed(r(amount), span: span)
        }
    }

    private mutating func resolveCorrelation(_ statement: CorrelationStatement, _ scope: Scope) {
        func quantified(_ name: Name) -> Int? {
            guard let risk = model.risks.firstIndex(where: { $0.name.text == name.text }) else {
                report(.unknownName(name.text, suggestion: suggestion(for: name.text, among: model.risks.map(\.name.text))),
                       name.span)
                return nil
            }
            guard let index = model.riskAnalysis.quantifiedRisks.firstIndex(where: { $0.risk == risk }) else {
                report(.riskNotQuantified(name.text), name.span)
                return nil
            }
            return index
        }
        guard let first = quantified(statement.first), let second = quantified(statement.second) else { return }
        if first == second {
            report(.correlationWithItself(statement.first.text), statement.span)
            return
        }
        let pair = Set([first, second])
        if let earlier = model.riskAnalysis.correlations.first(where: { Set([$0.first, $0.second]) == pair }) {
            report(.duplicateCorrelation(statement.first.text, statement.second.text), statement.span,
                   notes: [Diagnostic.Note(message: "först angiven här", span: earlier.span)])
            return
        }
        model.riskAnalysis.correlations.append(Correlation(first: first, second: second,
                                                           coefficient: resolve(statement.coefficient, scope, .none),
                                                           span: statement.span))
    }

    private mutating func resolveSimulation(_ statement: SimulationStatement, _ scope: Scope) {
        var settings = model.riskAnalysis.simulation
        for item in statement.items {
            switch item {
            case .year(let year, let span):
                settings.year = year
                settings.yearSpan = span
                if model.column(forYear: year) == nil { report(.unknownRamYear(year), span) }
            case .iterations(let expression):
                settings.iterations = resolve(expression, scope, .none)
            case .seed(let seed, _):
                settings.seed = seed
            case .result(let expression):
                settings.result = FollowedValue(label: "Resultat", expression: resolve(expression, scope, .dynamic),
                                                sign: scope.sign, span: expression.span)
            case .follow(let label, let expression, let span):
                let text = program.sources[expression.span.file].text(expression.span.range)
                settings.followed.append(FollowedValue(label: label ?? text, expression: resolve(expression, scope, .dynamic),
                                                       sign: scope.sign, span: span))
            }
        }
        model.riskAnalysis.simulation = settings
    }
}
