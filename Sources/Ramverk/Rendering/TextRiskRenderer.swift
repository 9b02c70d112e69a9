/// Renders the risk- och känslighetsanalys as aligned Swedish text: the känslighets-
/// analys ranked with a tornado of bars, then the simulation's figures and the largest
/// risk contributors. Deterministic: the same result gives the same bytes.
public struct TextRiskRenderer: Sendable {
    public var colour: Bool
    public var unit: MoneyUnit

    public init(unit: MoneyUnit, colour: Bool = false) {
        self.unit = unit
        self.colour = colour
    }

    /// The widest bar of the tornado, in characters.
    static let barWidth = 24

    func amount(_ money: Money?) -> String {
        money.map { SwedishNumberFormat.format($0, unit: unit) } ?? "–"
    }

    /// An assumption as written: "45,0 %", "15 000", "1,02".
    func value(_ value: Value?) -> String {
        switch value {
        case .money(let money)?: SwedishNumberFormat.format(money, unit: unit)
        case .number(let ratio, .percent)?: SwedishNumberFormat.percent(ratio)
        case .number(let ratio, _)?: SwedishNumberFormat.number(ratio)
        case nil: "–"
        }
    }

    func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    public func render(_ analysis: RiskAnalysisResult) -> String {
        guard let year = analysis.year else { return "" }
        var out = "Risk- och känslighetsanalys \(year)\n"
        out += "Belopp i \(unit.rawValue), resultatets tecken (positivt är bättre). \(definitionText(analysis))\n"
        out += "Utgångsläge: resultat \(amount(analysis.base.result))"
        if analysis.hasSeparateBalanceResult {
            out += ", \(balanceName(analysis.definition)) \(amount(analysis.base.balanceResult))"
        }
        out += "\n"
        if !analysis.assumptions.isEmpty {
            out += "Antaganden: " + analysis.assumptions.map { "\($0.name) \(value($0.value))" }.joined(separator: ", ") + "\n"
        }
        if !analysis.sensitivities.isEmpty { renderSensitivities(analysis, into: &out) }
        if let simulation = analysis.simulation { renderSimulation(simulation, analysis, into: &out) }
        return out
    }

    func definitionText(_ analysis: RiskAnalysisResult) -> String {
        let gains = analysis.hasSeparateBalanceResult ? " + realisationsvinster" : ""
        switch analysis.definition {
        case .balance: return "Resultat och balanskravsresultat enligt balanskravsutredningen."
        case .declared: return "Resultat = simuleringens 'resultat'\(gains)."
        case .ram: return "Resultat = ram − nettokostnad\(gains)."
        case .lines: return "Resultat = summan av alla rader\(gains)."
        }
    }

    func balanceName(_ definition: ResultDefinition) -> String {
        definition == .balance ? "balanskravsresultat" : "resultat exkl. realisationsvinster"
    }

    // MARK: - Känslighetsanalys and tornado

    /// Rows ranked by the size of their effect on the result, largest first; ties keep
    /// the file's order.
    static func ranked(_ rows: [SensitivityResult]) -> [SensitivityResult] {
        rows.enumerated().sorted { a, b in
            let x = a.element.resultEffect?.ore.magnitude ?? 0
            let y = b.element.resultEffect?.ore.magnitude ?? 0
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
    }

    func renderSensitivities(_ analysis: RiskAnalysisResult, into out: inout String) {
        let rows = TextRiskRenderer.ranked(analysis.sensitivities)
        let balanceHeader = analysis.definition == .balance ? "Balanskravsresultat" : "Exkl. reavinster"
        let balance = analysis.hasSeparateBalanceResult
        let headers = ["Resultat"] + (balance ? [balanceHeader] : []) + analysis.followedLabels
        let cells = rows.map { row in
            [signed(row.resultEffect)] + (balance ? [signed(row.balanceEffect)] : []) + row.followedEffects.map(signed)
        }
        let nameWidth = min(max(rows.map { TextTable.width($0.label) }.max() ?? 0, 6), 40)
        let widths = headers.indices.map { column in
            max(cells.map { TextTable.width($0[column]) }.max() ?? 0, TextTable.width(headers[column]))
        }
        let largest = rows.compactMap { $0.resultEffect?.ore.magnitude }.max() ?? 0
        out += "\nKänslighetsanalys: påverkan på resultatet\n"
        out += "  " + TextTable.pad("Faktor", to: nameWidth, .left)
        for (header, width) in zip(headers, widths) { out += "  " + TextTable.pad(header, to: width, .right) }
        out += "  Tornado (resultat)\n"
        for (row, line) in zip(rows, cells) {
            out += "  " + TextTable.pad(TextTable.fit(row.label, to: nameWidth), to: nameWidth, .left)
            for (cell, width) in zip(line, widths) { out += "  " + TextTable.pad(cell, to: width, .right) }
            out += "  " + bar(row.resultEffect, largest: largest) + "\n"
        }
    }

    /// An effect with its sign written out: "+1 000", "−6 420", "0".
    func signed(_ money: Money?) -> String {
        guard let money else { return "–" }
        let text = SwedishNumberFormat.format(money, unit: unit)
        return money.ore > 0 ? "+" + text : text
    }

    /// A tornado bar around a centre line: worse to the left, better to the right,
    /// scaled to the largest effect.
    func bar(_ effect: Money?, largest: UInt64) -> String {
        let half = TextRiskRenderer.barWidth / 2
        guard let effect, largest > 0 else { return String(repeating: " ", count: half) + "│" }
        let length = Int((effect.ore.magnitude * UInt64(half) + largest / 2) / largest)
        let blocks = String(repeating: "█", count: max(length, effect.ore == 0 ? 0 : 1))
        if effect.ore < 0 {
            return String(repeating: " ", count: half - blocks.count) + paint(blocks, "31") + "│"
        }
        return String(repeating: " ", count: half) + "│" + paint(blocks, "32")
    }

    // MARK: - Monte Carlo

    func renderSimulation(_ simulation: SimulationSummary, _ analysis: RiskAnalysisResult, into out: inout String) {
        out += "\nSimulering (Monte Carlo): \(SwedishNumberFormat.integer(simulation.iterations)) iterationer, frö \(simulation.seed)\n"
        out += "Percentiler: \(SimulationSummary.percentileRule)\n"
        if simulation.failedIterations > 0 {
            out += paint("\(SwedishNumberFormat.integer(simulation.failedIterations)) iterationer kunde inte räknas ut och ingår inte\n", "33")
        }
        let figures = simulation.figures.filter { $0.kind != .balanceResult || analysis.hasSeparateBalanceResult }
        let names = figures.map { name(of: $0.kind, analysis.definition) }
        let nameWidth = max(names.map(TextTable.width).max() ?? 0, 6)
        let columns = figures.map { figure in
            [amount(figure.mean), amount(figure.p5), amount(figure.p50), amount(figure.p95),
             SwedishNumberFormat.percent(figure.shareBelowZero)]
        }
        let headers = ["Medel", "P5", "P50", "P95", "Under 0"]
        let widths = headers.indices.map { index in
            max(columns.map { TextTable.width($0[index]) }.max() ?? 0, TextTable.width(headers[index]))
        }
        out += "\n  " + TextTable.pad("", to: nameWidth, .left)
        for (header, width) in zip(headers, widths) { out += "  " + TextTable.pad(header, to: width, .right) }
        out += "\n"
        for (name, row) in zip(names, columns) {
            out += "  " + TextTable.pad(name, to: nameWidth, .left)
            for (cell, width) in zip(row, widths) { out += "  " + TextTable.pad(cell, to: width, .right) }
            out += "\n"
        }
        out += "\n"
        var probabilities: [(String, Ratio)] = [("P(resultat < 0)", simulation.result.shareBelowZero)]
        if analysis.hasSeparateBalanceResult {
            probabilities.append(("P(\(balanceName(analysis.definition)) < 0)", simulation.balanceResult.shareBelowZero))
        }
        for figure in simulation.figures {
            if case .ramRemaining(let year) = figure.kind {
                probabilities.append(("P(ram \(year) överskrids)", figure.shareBelowZero))
            }
        }
        let labelWidth = probabilities.map { TextTable.width($0.0) }.max() ?? 0
        for (label, share) in probabilities {
            out += "  " + TextTable.pad(label, to: labelWidth, .left) + "  " + SwedishNumberFormat.percent(share) + "\n"
        }
        if !simulation.contributions.isEmpty {
            out += "\nStörsta riskbidrag (andel av resultatets varians; korrelation med resultatet)\n"
            let width = min(simulation.contributions.map { TextTable.width($0.name) }.max() ?? 0, 48)
            for contribution in simulation.contributions {
                out += "  " + TextTable.pad(TextTable.fit(contribution.name, to: width), to: width, .left) + "  "
                    + TextTable.pad(SwedishNumberFormat.percent(contribution.varianceShare), to: 7, .right) + "  "
                    + TextTable.pad(correlation(contribution.correlation), to: 5, .right) + "\n"
            }
        }
    }

    func name(of kind: SimulationSummary.Figure.Kind, _ definition: ResultDefinition) -> String {
        switch kind {
        case .result: "Resultat"
        case .balanceResult: definition == .balance ? "Balanskravsresultat" : "Resultat exkl. realisationsvinster"
        case .ramRemaining(let year): "Kvar av ram \(year)"
        case .followed(let label): label
        }
    }

    /// A correlation with two decimals: "−0,67".
    func correlation(_ ratio: Ratio) -> String {
        let hundredths = (ratio.micros + (ratio.micros >= 0 ? 5_000 : -5_000)) / 10_000
        return SwedishNumberFormat.format(scaled: hundredths, decimals: 2)
    }
}
