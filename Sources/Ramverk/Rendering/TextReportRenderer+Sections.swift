/// The sections after the driftbudget table: Ramar, Ramförändring and Kontroller.
extension TextReportRenderer {
    /// Named values declared at file level, per column.
    func renderNamedValues(_ report: DriftbudgetReport, into out: inout String) {
        out += paint("Värden", "1") + "\n"
        let headers = [""] + report.columns.map(\.label)
        var rows: [[String]] = []
        for line in report.namedValues {
            rows.append([line.name] + line.values.map { value in value.map { format($0, report.unit) } ?? "" })
        }
        var widths = headers.map(TextTable.width)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], TextTable.width(cell)) } }
        for row in [headers] + rows {
            var line = " "
            for (i, cell) in row.enumerated() {
                line += " " + TextTable.pad(cell, to: widths[i], i == 0 ? .left : .right) + " "
            }
            out += trimTrailing(line) + "\n"
        }
        out += "\n"
    }

    /// A value as a person reads it: amounts in the report's unit, percentages with %.
    func format(_ value: Value, _ unit: MoneyUnit) -> String {
        switch value {
        case .money(let money):
            return SwedishNumberFormat.format(money, unit: unit)
        case .number(let ratio, .percent):
            return TextReportRenderer.percentText(ratio)
        case .number(let ratio, _):
            return SwedishNumberFormat.number(ratio)
        }
    }

    func renderRams(_ report: DriftbudgetReport, into out: inout String) {
        out += paint("Ramar", "1") + "\n"
        let unit = report.unit
        let headers = ["År", "Ram", "Nettokostnad", "Kvar", "Status", "Beslut"]
        var rows: [[String]] = []
        for line in report.rams {
            let status: String
            if let left = line.remaining { status = left.ore < 0 ? "överskriden" : "inom ramen" } else { status = "–" }
            // An overdraft that rounds to 0 is shown with the decimals that make it visible.
            var decimals = unit.displayDecimals
            if let left = line.remaining, left.ore != 0, left.scaled(in: unit, decimals: decimals) == 0 {
                let figures = [line.ram, line.lines, line.remaining].compactMap { $0 }
                decimals = min(SwedishNumberFormat.exactDecimals(figures, unit: unit), unit.displayDecimals + 2)
                if left.scaled(in: unit, decimals: decimals) == 0 {
                    decimals = SwedishNumberFormat.exactDecimals(figures, unit: unit)
                }
            }
            let show = { (money: Money?) in money.map { SwedishNumberFormat.format($0, unit: unit, decimals: decimals) } ?? "–" }
            rows.append([String(line.year), show(line.ram), show(line.lines), show(line.remaining), status,
                         line.decision ?? ""])
        }
        var widths = headers.map(TextTable.width)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], TextTable.width(cell)) } }
        let alignments: [TextTable.Alignment] = [.left, .right, .right, .right, .left, .left]
        for row in [headers] + rows {
            var line = " "
            for (i, cell) in row.enumerated() { line += " " + TextTable.pad(cell, to: widths[i], alignments[i]) + " " }
            out += trimTrailing(line) + "\n"
        }
        out += "\n"
    }

    func renderBridge(_ bridge: BridgeResult, unit: MoneyUnit, into out: inout String) {
        out += paint("Ramförändring \(bridge.year)", "1") + " (belopp i \(unit.rawValue), nettokostnad)\n"
        struct Line { var marker: String; var text: String; var figure: String; var note = "" }
        var lines: [Line] = [Line(marker: "", text: bridge.baseLabel, figure: amount(bridge.base, unit))]
        for oneOff in bridge.oneOffs {
            lines.append(Line(marker: "−", text: "engångspost: \(oneOff.text)", figure: amount(oneOff.amount, unit)))
        }
        for change in bridge.changes {
            lines.append(Line(marker: "+", text: change.text, figure: amount(change.amount, unit)))
        }
        lines.append(Line(marker: "", text: "Summa förändringar", figure: amount(bridge.sumOfChanges, unit),
                          note: bridge.printedTotal.map { "  (tryckt \(amount($0, unit)))" } ?? ""))
        lines.append(Line(marker: "=", text: "Beräknad ram \(bridge.year)", figure: amount(bridge.computedRam, unit)))
        lines.append(Line(marker: "", text: "Beslutad ram \(bridge.year)", figure: bridge.ram.map { amount($0, unit) } ?? "saknas"))
        if let ram = bridge.ram, let computed = bridge.computedRam, let difference = ram.subtracting(computed) {
            lines.append(Line(marker: "", text: "Differens", figure: amount(difference, unit),
                              note: difference.ore == 0 ? "" : "  ✗"))
        }
        if let actual = bridge.actualChange {
            lines.append(Line(marker: "", text: "Faktisk förändring (ram \(bridge.year) − \(bridge.baseLabel.lowercased()))",
                              figure: amount(actual, unit)))
        }
        let textWidth = min(lines.map { TextTable.width($0.text) }.max() ?? 0, TextReportRenderer.maximumNameWidth)
        let figureWidth = lines.map { TextTable.width($0.figure) }.max() ?? 0
        for line in lines {
            let text = TextTable.pad(TextTable.fit(line.text, to: textWidth), to: textWidth, .left)
            let marker = TextTable.pad(line.marker, to: 1, .left)
            out += trimTrailing("  \(marker) \(text)  \(TextTable.pad(line.figure, to: figureWidth, .right))\(line.note)") + "\n"
        }
        out += "\n"
    }

    func renderChecks(_ report: DriftbudgetReport, into out: inout String) {
        let unit = report.unit
        let toleranceDecimals = SwedishNumberFormat.exactDecimals([report.tolerance], unit: unit)
        let tolerance = SwedishNumberFormat.format(report.tolerance, unit: unit, decimals: toleranceDecimals)
        out += paint("Kontroller", "1") + " (tolerans ±\(tolerance) \(unit.rawValue))\n"
        for check in report.checks where !check.passed { renderFailedCheck(check, unit: unit, into: &out) }
        let passed = report.checks.count - report.failedChecks
        if passed > 0 {
            out += "  " + paint("✓", "32") + " \(passed) " + (passed == 1 ? "kontroll stämmer" : "kontroller stämmer") + "\n"
        }
        if report.checks.isEmpty { out += "  inga kontroller\n" }
        out += "\n"
        let failed = report.failedChecks
        switch (failed, report.checks.count) {
        case (_, 0): out += "Resultat: inga kontroller att göra.\n"
        case (0, 1): out += "Resultat: kontrollen stämmer.\n"
        case (0, let count): out += "Resultat: alla \(count) kontroller stämmer.\n"
        case (let failed, let count):
            out += paint("Resultat: \(failed) av \(count) kontroller stämmer inte.", "1;31") + "\n"
        }
    }

    /// A check that does not hold, as `kör` and `kontrollera` show it: a cross, what was
    /// checked and what was found, and on the next line where the check is written.
    func renderFailedCheck(_ check: CheckResult, unit: MoneyUnit, into out: inout String) {
        out += "  " + paint("✗", "31") + " " + CheckText.line(check, unit: unit) + "\n"
        out += "      " + DiagnosticRenderer(sources: sources).location(check.span) + "\n"
    }

    /// A percentage with as many decimals as it needs (at least one): "1,85 %".
    static func percentText(_ ratio: Ratio, suffix: String = " %") -> String {
        var decimals = 1
        while decimals < Ratio.decimals - 2, ratio.micros % ExactArithmetic.pow10(Ratio.decimals - 2 - decimals) != 0 {
            decimals += 1
        }
        let text = SwedishNumberFormat.percent(ratio, decimals: min(decimals, 2))
        return String(text.dropLast(2)) + suffix
    }
}
