/// The figures a risk analysis follows for the year analysed, in result sign (positive
/// is good): what a känslighet shifts and what a simulation draws the distribution of.
public struct AnalysisFigures: Sendable, Equatable {
    /// How the result is defined for this model (see `ResultDefinition`).
    public var result: Money?
    /// The balanskravsresultat, or for a nämnd without a balanskrav block the result
    /// excluding realisationsvinster.
    public var balanceResult: Money?
    /// The net cost of every line of the year (positive = cost).
    public var netCost: Money?
    /// Per ram of the year (model order): ram − net cost; negative = exceeded.
    public var ramRemaining: [Money?] = []
    /// The values named by `följ`, in the sign they are written in.
    public var followed: [Money?] = []
}

/// What "resultat" means for a model, so the report can say it.
public enum ResultDefinition: String, Sendable {
    /// The year's `balanskrav` block: årets resultat and the balanskravsresultat.
    case balance
    /// `simulering { resultat … }`: the expression the file gives (+ realisationsvinster);
    /// the balanskravsresultat analogue is the same without realisationsvinster.
    case declared
    /// A nämnd: Σ (ram − nettokostnad) + realisationsvinster; the balanskravsresultat
    /// analogue is the same without realisationsvinster.
    case ram
    /// No ram and no balanskrav: the sum of every line in result sign (+ gains).
    case lines

    static func of(_ model: Model, year: Int) -> ResultDefinition {
        if model.balances.contains(where: { $0.year == year }) { return .balance }
        if model.riskAnalysis.simulation.result != nil { return .declared }
        if model.rams.contains(where: { $0.year == year }) { return .ram }
        return .lines
    }
}

extension WhatIf {
    /// The figures of the current state (base, or with changes applied).
    mutating func figures() -> AnalysisFigures {
        var figures = AnalysisFigures()
        computeFigures(into: &figures)
        return figures
    }

    /// Like `figures()`, into a value kept between calls (a simulation asks once an
    /// iteration, and its arrays keep their storage).
    mutating func computeFigures(into figures: inout AnalysisFigures) {
        figures.ramRemaining.removeAll(keepingCapacity: true)
        figures.followed.removeAll(keepingCapacity: true)
        let lines = evaluator.sum(evaluator.model.topLevel, column, span: Self.noSpan).map { $0 ?? .zero }
        figures.netCost = lines.flatMap { $0.negated() }
        var rams: Money? = .zero
        for index in yearRams {
            let remaining = evaluator.ram(index, from: evaluator.model.rams[index].span).flatMap { frame in
                figures.netCost.flatMap(frame.subtracting)
            }
            figures.ramRemaining.append(remaining)
            rams = rams.flatMap { total in remaining.flatMap(total.adding) }
        }
        let gains = yearGains.map { evaluator.workThrough(evaluator.model.capitalGains[$0]) }
        if let balance = yearBalance {
            let worked = evaluator.figures(of: evaluator.model.balances[balance], gains: gains)
            figures.result = worked.result
            figures.balanceResult = worked.balanceResult
        } else {
            var operating = yearRams.isEmpty ? lines : rams
            if let declared = evaluator.model.riskAnalysis.simulation.result {
                operating = evaluator.evaluateAmount(declared.expression, sign: declared.sign, column: column, keepSign: true)
                    .flatMap { $0.negatedIf(declared.sign.factor < 0) }
            }
            let sold = gains.map { $0.best } ?? .zero
            figures.balanceResult = operating
            figures.result = operating.flatMap { total in sold.flatMap(total.adding) }
        }
        for followed in evaluator.model.riskAnalysis.simulation.followed {
            figures.followed.append(evaluator.evaluateAmount(followed.expression, sign: followed.sign, column: column,
                                                             keepSign: true))
        }
    }

    static let noSpan = SourceSpan(file: 0, start: 0, end: 0)
}
