/// Renders the risk- och känslighetsanalys as one CSV table (`ramverk risk --format
/// csv`). Its three parts share the file, told apart by the first column, `Tabell`:
/// `Känslighetsanalys` (one row per factor, ranked, with its effects), `Simulering`
/// (one row per simulated figure: mean, percentiles, share below zero) and
/// `Riskbidrag` (one row per risk). Each part fills its own columns; the others are
/// empty. Amounts are in the report unit and result sign (positive is better).
public struct CSVRiskRenderer: Sendable {
    public var unit: MoneyUnit

    public init(unit: MoneyUnit) {
        self.unit = unit
    }

    public func render(_ analysis: RiskAnalysisResult) -> String {
        var csv = CSVWriter()
        let text = TextRiskRenderer(unit: unit)
        let balance = analysis.hasSeparateBalanceResult
        let u = unit.rawValue
        var header = ["Tabell", "Namn", "Påverkan på resultatet (\(u))"]
        if balance {
            let name = analysis.definition == .balance ? "balanskravsresultatet" : "resultatet exkl. realisationsvinster"
            header.append("Påverkan på \(name) (\(u))")
        }
        header += analysis.followedLabels.map { "Påverkan på \($0) (\(u))" }
        header += ["Medel (\(u))", "P5 (\(u))", "P50 (\(u))", "P95 (\(u))", "Andel under 0 (%)",
                   "Andel av resultatets varians (%)", "Korrelation med resultatet"]
        csv.row(header)
        let effectColumns = 1 + (balance ? 1 : 0) + analysis.followedLabels.count
        let blank = { (count: Int) in [CSVWriter.Field](repeating: .empty, count: count) }
        guard analysis.year != nil else { return csv.output }

        for row in TextRiskRenderer.ranked(analysis.sensitivities) {
            var fields: [CSVWriter.Field] = [.text("Känslighetsanalys"), .text(row.label),
                                             .amount(row.resultEffect, unit: unit)]
            if balance { fields.append(.amount(row.balanceEffect, unit: unit)) }
            fields += analysis.followedLabels.indices.map { index in
                .amount(index < row.followedEffects.count ? row.followedEffects[index] : nil, unit: unit)
            }
            csv.row(fields + blank(7))
        }
        if let simulation = analysis.simulation {
            for figure in simulation.figures where figure.kind != .balanceResult || balance {
                csv.row([.text("Simulering"), .text(text.name(of: figure.kind, analysis.definition))]
                        + blank(effectColumns)
                        + [.amount(figure.mean, unit: unit), .amount(figure.p5, unit: unit),
                           .amount(figure.p50, unit: unit), .amount(figure.p95, unit: unit),
                           .percent(figure.shareBelowZero)]
                        + blank(2))
            }
            for contribution in simulation.contributions {
                csv.row([.text("Riskbidrag"), .text(contribution.name)] + blank(effectColumns + 5)
                        + [.percent(contribution.varianceShare), .ratio(contribution.correlation)])
            }
        }
        return csv.output
    }
}
