/// `ramverk jämför --format html`: one self-contained page a staff member mails to a
/// politician. The comparison table (each scenario beside the base, with Δ), per
/// scenario a bar chart of Δ per område against the base, the checks per scenario, and
/// where the file has risks the risk analysis of the base (tornado, histogram) and each
/// scenario's histogram.
public struct HTMLComparisonRenderer: Sendable {
    public init() {}

    public func render(_ report: ComparisonReport, source: String?) -> String {
        let unit = report.unit
        let title = "Jämförelse av scenarier" + (report.year.map { " \($0)" } ?? "")
        var document = HTMLDocument(title: report.owner.map { "\(title) – \($0)" } ?? title)
        let labels = TextComparisonRenderer.shortNames(report.outcomes)
        var lines = ["Belopp i \(unit.rawValue), \(report.columnLabel); Δ mot basen"]
        for (label, name) in zip(labels, report.outcomes).dropFirst() { lines.append(label == name ? name : "\(label): \(name)") }
        document.header(title, subtitle: report.owner, lines: lines)

        document.beginSection("Sida vid sida", note: "belopp i \(unit.rawValue)")
        var header: [HTMLTable.Cell] = [.init(""), .init("Bas", .right)]
        for label in labels.dropFirst() { header += [.init(label, .right), .init("Δ", .right), .init("Δ %", .right)] }
        var table = HTMLTable(header: header)
        for row in report.rows + report.figures {
            let className: String? = row.kind == .area ? "omrade" : row.kind == .total ? "summa" : row.kind == .figure ? "figur" : nil
            var cells: [HTMLTable.Cell] = [.init(row.name, indent: row.depth)]
            if row.values.isEmpty {
                cells[0].span = header.count
            } else {
                cells += cellsOf(row, unit)
            }
            table.add(cells, className: className)
        }
        document.table(table)
        document.endSection()

        document.beginSection("Förändring per område mot basen", note: unit.rawValue)
        let granularity = unit.ore / ExactArithmetic.pow10(unit.displayDecimals)
        for (index, label) in labels.enumerated().dropFirst() {
            let bars = report.rows.filter { $0.kind == .total && $0.depth <= 1 }.compactMap { row -> BarChart.Bar? in
                guard case .money(let from?) = row.values[0], case .money(let to?) = row.values[index],
                      let delta = to.subtracting(from), delta.ore != 0 else { return nil }
                let text = SwedishNumberFormat.format(delta, unit: unit)
                return BarChart.Bar(label: String(row.name.dropFirst("Summa ".count)), value: delta.ore,
                                    valueText: delta.ore > 0 ? "+" + text : text, tone: delta.ore > 0 ? .primary : .secondary)
            }
            if bars.isEmpty {
                document.paragraph("\(label): inga områden ändras.", className: "notering")
                continue
            }
            let chart = BarChart(title: "Δ per område, \(label) mot basen", bars: bars, granularity: granularity)
            document.figure(svg: chart.render { SwedishNumberFormat.format(Money(ore: $0), unit: unit) },
                            caption: "\(report.outcomes[index]): förändring per område mot basen, \(unit.rawValue).")
        }
        document.endSection()

        document.beginSection("Kontroller", note: "utom tryckta summor, som ramverk kör kontrollerar")
        var checks = HTMLTable(header: [.init(""), .init("Stämmer", .right), .init("Stämmer inte", .right), .init("Det som inte stämmer")])
        for (label, outcome) in zip(labels, report.checks) {
            checks.add([.init(label), .number(SwedishNumberFormat.integer(outcome.total - outcome.failed.count)),
                        .number(SwedishNumberFormat.integer(outcome.failed.count), className: outcome.failed.isEmpty ? "ok" : "fel"),
                        .init(outcome.failed.joined(separator: "; "))])
        }
        document.table(checks)
        document.endSection()

        if let base = report.riskAnalyses.first ?? nil, base.year != nil {
            document.beginSection("Risk- och känslighetsanalys", note: "basen")
            HTMLRiskRenderer(unit: unit).append(base, to: &document, level: 3)
            document.endSection()
            for (index, analysis) in report.riskAnalyses.enumerated().dropFirst() {
                guard let analysis, analysis.year != nil else { continue }
                document.beginDetails("Risk- och känslighetsanalys: \(report.outcomes[index])")
                HTMLRiskRenderer(unit: unit).append(analysis, to: &document, level: 3)
                document.endDetails()
            }
        }
        document.footer(HTMLRiskRenderer.footer(source: source))
        return document.render()
    }

    private func cellsOf(_ row: ComparisonReport.Row, _ unit: MoneyUnit) -> [HTMLTable.Cell] {
        func text(_ value: ComparisonReport.Value) -> String {
            switch value {
            case .money(let money): money.map { SwedishNumberFormat.format($0, unit: unit) } ?? ""
            case .share(let share): share.map { SwedishNumberFormat.percent($0) } ?? ""
            }
        }
        let base = row.values[0]
        var cells: [HTMLTable.Cell] = [.number(text(base))]
        for value in row.values.dropFirst() {
            cells.append(.number(text(value), className: value != base ? "andrad" : nil))
            switch (base, value) {
            case (.money(let from?), .money(let to?)):
                let delta = to.subtracting(from)
                let deltaText = delta.map { ($0.ore > 0 ? "+" : "") + SwedishNumberFormat.format($0, unit: unit) } ?? ""
                let percent = delta.flatMap { SwedishNumberFormat.percentChange($0, from: from) }
                    .map { ($0 > 0 ? "+" : "") + SwedishNumberFormat.format(scaled: $0, decimals: 1) + " %" } ?? "–"
                cells += [.number(deltaText), .number(percent)]
            case (.share(let from?), .share(let to?)):
                let points = to.micros - from.micros
                cells += [.number((points > 0 ? "+" : "") + SwedishNumberFormat.format(scaled: (points + (points >= 0 ? 500 : -500)) / 1_000, decimals: 1) + " pe"), .number("")]
            case (.money(nil), .money(_?)): cells += [.number("ny"), .number("")]
            case (.money(_?), .money(nil)): cells += [.number("borttagen"), .number("")]
            default: cells += [.number(""), .number("")]
            }
        }
        return cells
    }
}
