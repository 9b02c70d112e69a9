/// Renders a driftbudget report as one self-contained HTML page (`ramverk kör --format
/// html`), for a reader who is not at a terminal: key figures first (the checks, the
/// rams, the risk of a deficit), then the driftbudget tables, each with a chart of the
/// change per område between its two latest years, the sections of the text report,
/// the risk- och känslighetsanalys with its charts, and the checks. Deterministic: the
/// same report gives the same bytes.
public struct HTMLReportRenderer: Sendable {
    /// Where check locations point to (file:line:col), and the file named at the foot.
    public var sources: SourceSet

    public init(sources: SourceSet) {
        self.sources = sources
    }

    /// The most bars in a Δ chart; a table with more lines shows its largest changes.
    static let maximumBars = 30

    func amount(_ money: Money?, _ unit: MoneyUnit) -> String {
        money.map { SwedishNumberFormat.format($0, unit: unit) } ?? ""
    }

    public func render(_ report: DriftbudgetReport, riskAnalysis: RiskAnalysisResult? = nil) -> String {
        var document = HTMLDocument(title: "Driftbudget")
        let owner = ReportOwner.line(municipality: report.municipality, committee: report.committee)
        if let owner { document.title = "Driftbudget – " + owner }
        document.header("Driftbudget", subtitle: owner,
                        lines: ["Belopp i \(report.unit.rawValue) (\(report.sign.phrase))"])
        document.keyFigures(keyFigures(report, riskAnalysis))

        for table in report.tables where !table.rows.isEmpty {
            appendTable(report, table, to: &document)
        }
        if !report.namedValues.isEmpty { appendNamedValues(report, to: &document) }
        if !report.rams.isEmpty { appendRams(report, to: &document) }
        for ram in report.rams where !ram.revisions.isEmpty { appendRevisions(ram, unit: report.unit, to: &document) }
        for bridge in report.bridges { appendBridge(bridge, unit: report.unit, to: &document) }
        for reserve in report.reserves { appendReserve(reserve, unit: report.unit, to: &document) }
        for carryOver in report.carryOvers { appendCarryOver(carryOver, unit: report.unit, to: &document) }
        if !report.capitalGains.isEmpty { appendCapitalGains(report.capitalGains, unit: report.unit, to: &document) }
        for balance in report.balances { appendBalance(balance, unit: report.unit, to: &document) }
        if !report.risks.isEmpty { appendRisks(report.risks, to: &document) }
        if let riskAnalysis, let year = riskAnalysis.year {
            document.beginSection("Risk- och känslighetsanalys \(year)",
                                  note: "belopp i \(report.unit.rawValue), resultatets tecken (positivt är bättre)")
            HTMLRiskRenderer(unit: report.unit).append(riskAnalysis, to: &document, level: 3)
            document.endSection()
        }
        appendChecks(report, to: &document)
        document.footer(HTMLRiskRenderer.footer(source: sources.files.first?.path))
        return document.render()
    }

    // MARK: - Key figures

    private func keyFigures(_ report: DriftbudgetReport, _ risk: RiskAnalysisResult?)
        -> [(label: String, value: String, note: String?, className: String?)] {
        var figures: [(label: String, value: String, note: String?, className: String?)] = []
        let failed = report.failedChecks
        let count = report.checks.count
        switch (failed, count) {
        case (_, 0): figures.append(("Kontroller", "inga", "inget att kontrollera", nil))
        case (0, _): figures.append(("Kontroller", "✓ alla stämmer", "\(count) kontroller", "ok"))
        default: figures.append(("Kontroller", "✗ \(failed) av \(count)", "stämmer inte; se Kontroller nedan", "fel"))
        }
        for ram in report.rams {
            let unit = report.unit.rawValue
            guard let frame = ram.ram else { continue }
            let note: String
            var className: String? = nil
            if let left = ram.remaining {
                note = left.ore < 0 ? "överskriden med \(amount(left.negated(), report.unit)) \(unit)"
                    : "kvar \(amount(left, report.unit)) \(unit), inom ramen"
                className = left.ore < 0 ? "fel" : "ok"
            } else {
                note = "ingen kolumn för året"
            }
            figures.append(("Ram \(ram.year)", "\(amount(frame, report.unit)) \(unit)", note, className))
        }
        if let risk, let year = risk.year, let simulation = risk.simulation {
            let share = simulation.result.shareBelowZero
            figures.append(("Risk för negativt resultat \(year)", SwedishNumberFormat.percent(share),
                            "P(resultat < 0), Monte Carlo", share.micros >= 500_000 ? "fel" : nil))
        }
        return figures
    }

    // MARK: - The driftbudget tables

    private func appendTable(_ report: DriftbudgetReport, _ table: DriftbudgetReport.Table,
                             to document: inout HTMLDocument) {
        let unit = report.unit
        // A table is named by its first area, as the documents head their tables.
        let first = report.rows[table.rows.lowerBound]
        document.beginSection(first.kind == .area ? first.name : "Driftbudget", note: "belopp i \(unit.rawValue)")
        var header: [HTMLTable.Cell] = [.init("")]
        header += table.columns.map { .init(report.columns[$0].label, .right) }
        for change in table.changes {
            let span = "\(report.columns[change.from].label) → \(report.columns[change.to].label)"
            header += [.init("Förändring", .right, title: span), .init("%", .right, title: span)]
        }
        var html = HTMLTable(header: header)
        let columnCount = report.columns.count
        for index in table.rows {
            let row = report.rows[index]
            var cells: [HTMLTable.Cell] = [.init(row.name, indent: row.depth)]
            if row.kind == .area {
                cells[0].span = 1 + table.columns.count + 2 * table.changes.count
                html.add(cells, className: "omrade")
                continue
            }
            for column in table.columns { cells.append(.number(amount(report.value(row: index, column: column), unit))) }
            for change in table.changes {
                if let from = report.value(row: index, column: change.from),
                   let to = report.value(row: index, column: change.to), let delta = to.subtracting(from) {
                    let percent = SwedishNumberFormat.percentChange(delta, from: from)
                        .map { SwedishNumberFormat.format(scaled: $0, decimals: 1) + " %" } ?? "–"
                    cells += [.number(amount(delta, unit)), .number(percent)]
                } else {
                    cells += [.number(""), .number("")]
                }
            }
            let className: String? = switch row.kind {
            case .post: nil
            case .total: "summa"
            case .grandTotal, .area: "totalt"
            }
            html.add(cells, className: className)
            // A printed total that differs: the printed figures on a row of their own.
            let printed = table.columns.map { report.printedMismatches[index * columnCount + $0] }
            if printed.contains(where: { $0 != nil }) {
                var line: [HTMLTable.Cell] = [.init("tryckt ✗ avviker", indent: row.depth + 1)]
                line += printed.map { .number(amount($0, unit)) }
                line += Array(repeating: .number(""), count: 2 * table.changes.count)
                html.add(line, className: "tryckt")
            }
        }
        document.table(html)
        if let chart = deltaChart(report, table) {
            document.heading("Förändring per område", level: 3, note: chart.span)
            document.figure(svg: chart.svg, caption: chart.caption)
        }
        document.endSection()
    }

    /// The change per område between the table's two latest years: the lines of the
    /// shallowest level with at least two (areas by their totals, posts as they are).
    func deltaChart(_ report: DriftbudgetReport, _ table: DriftbudgetReport.Table)
        -> (svg: String, caption: String, span: String)? {
        guard let change = table.changes.last else { return nil }
        var lines: [(depth: Int, label: String, delta: Money)] = []
        var areas: [String] = []
        for index in table.rows {
            let row = report.rows[index]
            let label: String
            switch row.kind {
            case .area:
                areas = Array(areas.prefix(row.depth)) + [row.name]
                continue
            case .grandTotal: continue
            case .post: label = row.name
            case .total: label = row.depth < areas.count ? areas[row.depth] : row.name
            }
            guard let from = report.value(row: index, column: change.from),
                  let to = report.value(row: index, column: change.to), let delta = to.subtracting(from) else { continue }
            lines.append((row.depth, label, delta))
        }
        let depths = Set(lines.map(\.depth)).sorted()
        guard let depth = depths.first(where: { level in lines.count { $0.depth == level } >= 2 }) else { return nil }
        var chosen = lines.filter { $0.depth == depth }
        guard chosen.contains(where: { $0.delta.ore != 0 }) else { return nil }
        let all = chosen.count
        if all > HTMLReportRenderer.maximumBars {
            chosen = Array(chosen.enumerated().sorted { a, b in
                a.element.delta.ore.magnitude != b.element.delta.ore.magnitude
                    ? a.element.delta.ore.magnitude > b.element.delta.ore.magnitude : a.offset < b.offset
            }.prefix(HTMLReportRenderer.maximumBars).sorted { $0.offset < $1.offset }.map(\.element))
        }
        let unit = report.unit
        let bars = chosen.map { line in
            BarChart.Bar(label: line.label, value: line.delta.ore,
                         valueText: (line.delta.ore > 0 ? "+" : "") + amount(line.delta, unit),
                         tone: line.delta.ore < 0 ? .secondary : .primary)
        }
        let from = report.columns[change.from].label
        let to = report.columns[change.to].label
        let chart = BarChart(title: "Förändring per område, \(from) → \(to)", bars: bars,
                             granularity: unit.ore / ExactArithmetic.pow10(unit.displayDecimals))
        var caption = "Förändring per område från \(from) till \(to), \(unit.rawValue) (\(report.sign.phrase)). "
            + "Blått: ökning, orange: minskning."
        if all > chosen.count { caption += " De \(chosen.count) största förändringarna av \(all)." }
        return (chart.render(tickText: { SwedishNumberFormat.format(Money(ore: $0), unit: unit) }), caption,
                "\(from) → \(to), \(unit.rawValue)")
    }
}
