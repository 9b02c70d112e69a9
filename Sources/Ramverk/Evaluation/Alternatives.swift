/// Evaluates the scenarios of a file against their base: the base is evaluated once with
/// its dependencies recorded (`WhatIf`), and each scenario starts from it, puts its
/// changes in and evaluates again only what they reach, before its checks run. A
/// scenario that builds on another applies that one's changes first.
public enum Alternatives {
    /// One evaluated scenario (or the base).
    public struct Outcome: Sendable {
        /// nil for the base.
        public var alternative: Int?
        public var name: String
        public var evaluation: Evaluation
        /// Posts this outcome does not have (for `DriftbudgetReportBuilder`).
        public var hiddenPosts: Set<Int>
        /// The figures of the year analysed (resultat, ram kvar …).
        public var figures: AnalysisFigures
        /// The risk analysis of this outcome (same seed for all), when the file has one.
        public var riskAnalysis: RiskAnalysisResult?
    }

    /// The base and then `selected` scenarios (all when nil), in file order of
    /// selection. Problems found (a change that does not apply) are in `diagnostics`.
    public static func run(_ model: Model, tolerance: ResolvedExpression?, selected: [Int]? = nil,
                           options: RiskAnalysis.Options = .init()) -> (outcomes: [Outcome], diagnostics: [Diagnostic]) {
        let year = RiskAnalysis.year(of: model) ?? model.columns.compactMap(\.year).max() ?? 0
        let column = model.column(forYear: year) ?? 0
        var diagnostics: [Diagnostic] = []
        guard !model.columns.isEmpty else { return ([], [Diagnostic(.noYearToAnalyse, at: model.alternatives.first?.span)]) }
        let base = WhatIf(model: model, year: year, column: column, tolerance: tolerance)
        var outcomes: [Outcome] = []
        let hasAnalysis = !model.riskAnalysis.isEmpty
        for alternative in [nil] + (selected ?? Array(model.alternatives.indices)).map(Optional.some) {
            var whatIf = base
            var hidden = Set(model.alternativePosts)
            var chain: [Int] = []
            var current = alternative
            while let next = current, !chain.contains(next) {
                chain.insert(next, at: 0)
                current = model.alternatives[next].base
            }
            for index in chain { whatIf.applyAlternative(model.alternatives[index], index, hidden: &hidden) }
            var evaluation = alternative == nil ? base.baseEvaluation! : whatIf.evaluator.evaluateAll(tolerance)
            // The printed totals are the base document's; a scenario has none of its own, so
            // the outcomes are compared on the checks they all have (`kör` checks the print).
            evaluation.checks.removeAll { $0.kind == .printedTotal || $0.kind == .formula }
            diagnostics += whatIf.evaluator.diagnostics
            whatIf.evaluator.diagnostics = []
            whatIf.rebase()
            var outcome = Outcome(alternative: alternative, name: alternative.map { model.alternatives[$0].name } ?? "Bas",
                                  evaluation: evaluation, hiddenPosts: hidden, figures: whatIf.base)
            if hasAnalysis {
                let risks = RiskAnalysis.activeRisks(model, chain: chain)
                outcome.riskAnalysis = RiskAnalysis.run(&whatIf, risks: risks, options: options)
            }
            outcomes.append(outcome)
        }
        return (outcomes, diagnostics)
    }
}

extension WhatIf {
    /// Puts one scenario's changes in: posts it adds come back, posts it removes go (in
    /// the year analysed), its
    /// rams and changes take their new values; only what they reach is evaluated again.
    /// Changes are evaluated against the state before the scenario (all at once, as in
    /// a känslighet).
    mutating func applyAlternative(_ alternative: Alternative, _ index: Int, hidden: inout Set<Int>) {
        let model = evaluator.model
        let added = model.alternativePosts.filter { model.posts[$0].alternative == index }
        let columns = model.columns.indices
        var values: [(node: Int, value: Value?)] = []
        for change in alternative.changes {
            guard let value = newValue(for: change) else { continue }
            for node in nodes(of: change.target) { values.append((node, value)) }
        }
        for (ram, amount, _) in alternative.rams {
            let column = model.column(forYear: model.rams[ram].year)
            guard let money = evaluator.evaluateAmount(amount, sign: .netCost, column: column, keepSign: true) else { continue }
            values.append((evaluator.node(.ram(ram)), .money(money)))
        }
        var targets = values.map(\.node)
        let comeBack = added.flatMap { post in columns.map { evaluator.node(.cell(post, $0)) } }
        // A post is removed for the year analysed; earlier years are history.
        let gone = alternative.removedPosts.map { evaluator.node(.cell($0.post, column)) }
        targets += comeBack + gone
        for node in reach(of: targets) { evaluator.invalidate(node: node) }
        for node in comeBack { evaluator.invalidate(node: node) }
        for node in gone { evaluator.clear(node: node) }
        for (node, value) in values {
            if let value { evaluator.set(node: node, to: value) }
        }
        hidden.subtract(added)
        // Decisions on reserves are not memoized values: the model itself takes them.
        for reserve in alternative.reserves {
            if let existing = evaluator.model.reserves.firstIndex(where: { $0.post == reserve.post && $0.column == reserve.column }) {
                let merged = evaluator.model.reserves[existing].decisions + reserve.decisions
                evaluator.model.reserves[existing].decisions = merged.enumerated().sorted { a, b in
                    (a.element.date, a.offset) < (b.element.date, b.offset)
                }.map(\.element)
            } else {
                evaluator.model.reserves.append(reserve)
            }
        }
    }
}
