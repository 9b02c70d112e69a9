/// Renders the risk- och känslighetsanalys as HTML: the starting point and the
/// assumptions, the känslighetsanalys as a table with a tornado, the simulation's
/// figures with a histogram of the result (P5, P50 and P95 marked), and the largest
/// risk contributors. A page of its own (`ramverk risk --format html`) or a section of
/// the `kör` page. The wording is the text report's.
public struct HTMLRiskRenderer: Sendable {
    public var unit: MoneyUnit
    private let text: TextRiskRenderer

    public init(unit: MoneyUnit) {
        self.unit = unit
        text = TextRiskRenderer(unit: unit)
    }

    /// One display unit in öre: the finest step of a chart axis.
    var granularity: Int64 { unit.ore / ExactArithmetic.pow10(unit.displayDecimals) }

    func amount(_ money: Money?) -> String { text.amount(money) }

    /// A whole page. `owner`: "Haninge kommun · Kommunstyrelsen"; `source`: the file.
    public func render(_ analysis: RiskAnalysisResult, owner: String?, source: String?) -> String {
        let title = analysis.year.map { "Risk- och känslighetsanalys \($0)" } ?? "Risk- och känslighetsanalys"
        var document = HTMLDocument(title: owner.map { "\(title) – \($0)" } ?? title)
        document.header(title, subtitle: owner, lines: ["Belopp i \(unit.rawValue), resultatets tecken (positivt är bättre)"])
        if analysis.year == nil || (analysis.sensitivities.isEmpty && analysis.simulation == nil) {
            document.paragraph("Filen har inga känsligheter eller kvantifierade risker.")
        } else {
            document.keyFigures(keyFigures(analysis))
            append(analysis, to: &document, level: 2)
        }
        document.footer(HTMLRiskRenderer.footer(source: source))
        return document.render()
    }

    static func footer(source: String?) -> String {
        "Skapad av Ramverk" + (source.map { " från \($0)" } ?? "")
            + ". Alla belopp är räknade exakt i öre och visas avrundade till rapportens enhet."
    }

    /// The figures a reader wants first: the result as planned and the risk of a deficit.
    func keyFigures(_ analysis: RiskAnalysisResult) -> [(label: String, value: String, note: String?, className: String?)] {
        guard let year = analysis.year else { return [] }
        var figures: [(label: String, value: String, note: String?, className: String?)] = []
        figures.append(("Resultat \(year)", "\(amount(analysis.base.result)) \(unit.rawValue)",
                        analysis.columnLabel, nil))
        if let simulation = analysis.simulation {
            let result = simulation.result
            figures.append(("Risk för negativt resultat", SwedishNumberFormat.percent(result.shareBelowZero),
                            "P(resultat < 0) i \(SwedishNumberFormat.integer(simulation.iterations)) simuleringar",
                            result.shareBelowZero.micros >= 500_000 ? "fel" : nil))
            figures.append(("Resultat, 90 % av utfallen", "\(amount(result.p5)) till \(amount(result.p95))",
                            "P5–P95, \(unit.rawValue); median \(amount(result.p50))", nil))
        }
        return figures
    }

    /// The analysis as sections whose headings are of `level` (2 on its own page, 3
    /// inside the `kör` page's section).
    public func append(_ analysis: RiskAnalysisResult, to document: inout HTMLDocument, level: Int = 3) {
        guard analysis.year != nil else { return }
        document.paragraph(text.definitionText(analysis), className: "notering")
        var start = "Utgångsläge: resultat \(amount(analysis.base.result))"
        if analysis.hasSeparateBalanceResult {
            start += ", \(text.balanceName(analysis.definition)) \(amount(analysis.base.balanceResult))"
        }
        document.paragraph(start + " \(unit.rawValue).")
        if !analysis.assumptions.isEmpty {
            document.paragraph("Antaganden: " + analysis.assumptions.map { "\($0.name) \(text.value($0.value))" }
                .joined(separator: ", ") + ".")
        }
        if !analysis.sensitivities.isEmpty { appendSensitivities(analysis, to: &document, level: level) }
        if let simulation = analysis.simulation { appendSimulation(simulation, analysis, to: &document, level: level) }
    }

    private func appendSensitivities(_ analysis: RiskAnalysisResult, to document: inout HTMLDocument, level: Int) {
        document.heading("Känslighetsanalys", level: level, note: "påverkan på resultatet, \(unit.rawValue)")
        let rows = TextRiskRenderer.ranked(analysis.sensitivities)
        let balance = analysis.hasSeparateBalanceResult
        let balanceHeader = analysis.definition == .balance ? "Balanskravsresultat" : "Exkl. reavinster"
        var table = HTMLTable(header: [.init("Faktor"), .init("Resultat", .right)]
                              + (balance ? [.init(balanceHeader, .right)] : [])
                              + analysis.followedLabels.map { .init($0, .right) })
        for row in rows {
            var cells: [HTMLTable.Cell] = [.init(row.label), effectCell(row.resultEffect)]
            if balance { cells.append(effectCell(row.balanceEffect)) }
            cells += row.followedEffects.map(effectCell)
            table.add(cells)
        }
        document.table(table)
        let tornado = TornadoChart(
            title: "Tornado: påverkan på resultatet per faktor",
            rows: rows.map { TornadoChart.Row(label: $0.label, effect: $0.resultEffect?.ore, effectText: text.signed($0.resultEffect)) },
            granularity: granularity)
        document.figure(svg: tornado.render(tickText: axisText),
                        caption: "Påverkan på resultatet \(analysis.year.map(String.init) ?? "") per faktor, \(unit.rawValue). "
                            + "Störst påverkan överst; grönt förbättrar resultatet, rött försämrar det.")
    }

    private func effectCell(_ money: Money?) -> HTMLTable.Cell {
        let className = money.map { $0.ore < 0 ? "fel" : $0.ore > 0 ? "ok" : nil } ?? nil
        return .number(text.signed(money), className: className)
    }

    func axisText(_ ore: Int64) -> String {
        SwedishNumberFormat.format(Money(ore: ore), unit: unit)
    }

    private func appendSimulation(_ simulation: SimulationSummary, _ analysis: RiskAnalysisResult,
                                  to document: inout HTMLDocument, level: Int) {
        document.heading("Simulering (Monte Carlo)", level: level,
                         note: "\(SwedishNumberFormat.integer(simulation.iterations)) iterationer, frö \(simulation.seed)")
        if simulation.failedIterations > 0 {
            document.paragraph("\(SwedishNumberFormat.integer(simulation.failedIterations)) iterationer kunde inte räknas ut och ingår inte.",
                               className: "fel")
        }
        var table = HTMLTable(header: [.init(""), .init("Medel", .right), .init("P5", .right), .init("P50", .right),
                                       .init("P95", .right), .init("Under 0", .right)])
        for figure in simulation.figures where figure.kind != .balanceResult || analysis.hasSeparateBalanceResult {
            table.add([.init(text.name(of: figure.kind, analysis.definition)), .number(amount(figure.mean)),
                       .number(amount(figure.p5)), .number(amount(figure.p50)), .number(amount(figure.p95)),
                       .number(SwedishNumberFormat.percent(figure.shareBelowZero))])
        }
        document.table(table)
        document.paragraph("Percentiler: \(SimulationSummary.percentileRule). Under 0: andelen iterationer där "
                           + "värdet blev negativt (för Kvar av ram: att ramen överskrids).", className: "notering")

        let result = simulation.result
        let counts = simulation.histogram()
        let histogram = HistogramChart(
            title: "Fördelning av resultatet i simuleringen",
            counts: counts, minimum: result.minimum.ore, maximum: result.maximum.ore,
            markers: [.init(label: "P5", value: result.p5.ore, valueText: amount(result.p5)),
                      .init(label: "P50", value: result.p50.ore, valueText: amount(result.p50), emphasised: true),
                      .init(label: "P95", value: result.p95.ore, valueText: amount(result.p95))],
            threshold: 0, granularity: granularity)
        document.figure(svg: histogram.render(tickText: axisText),
                        caption: "Resultatet i \(SwedishNumberFormat.integer(simulation.iterations)) iterationer, "
                            + "\(unit.rawValue), i \(counts.count) lika breda intervall från lägsta "
                            + "(\(amount(result.minimum))) till högsta (\(amount(result.maximum))) utfall. "
                            + "Röda staplar: negativt resultat. P5, P50 och P95 är markerade.")

        var probabilities = HTMLTable(header: [.init("Sannolikhet"), .init("", .right)])
        probabilities.add([.init("P(resultat < 0)"), .number(SwedishNumberFormat.percent(result.shareBelowZero))])
        if analysis.hasSeparateBalanceResult {
            probabilities.add([.init("P(\(text.balanceName(analysis.definition)) < 0)"),
                               .number(SwedishNumberFormat.percent(simulation.balanceResult.shareBelowZero))])
        }
        for figure in simulation.figures {
            if case .ramRemaining(let year) = figure.kind {
                probabilities.add([.init("P(ram \(year) överskrids)"), .number(SwedishNumberFormat.percent(figure.shareBelowZero))])
            }
        }
        probabilities.className = "smal"
        document.table(probabilities)

        guard !simulation.contributions.isEmpty else { return }
        document.heading("Största riskbidrag", level: level,
                         note: "andel av resultatets varians; korrelation med resultatet")
        var contributions = HTMLTable(header: [.init("Risk"), .init("Andel av variansen", .right),
                                               .init("Korrelation", .right)])
        for contribution in simulation.contributions {
            contributions.add([.init(contribution.name), .number(SwedishNumberFormat.percent(contribution.varianceShare)),
                               .number(text.correlation(contribution.correlation))])
        }
        contributions.className = "smal"
        document.table(contributions)
    }
}
