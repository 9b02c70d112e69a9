/// The sections after the driftbudget table: Ramar, Ramförändring and Kontroller.
extension TextReportRenderer {
    func renderRams(_ report: DriftbudgetReport, into out: inout String) {
        out += paint("Ramar", "1") + "\n"
        let unit = report.unit
        let headers = ["År", "Ram", "Nettokostnad", "Kvar", "Status", "Beslut"]
        var rows: [[String]] = []
        for line in report.rams {
            let status: String
            if let left = line.remaining { status = left.ore < 0 ? "överskriden" : "inom ramen" } else { status = "–" }
            rows.append([String(line.year), amount(line.ram, unit),
                         line.lines.map { SwedishNumberFormat.format($0, unit: unit) } ?? "–",
                         line.remaining.map { SwedishNumberFormat.format($0, unit: unit) } ?? "–",
                         status, line.decision ?? ""])
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
        let tolerance = SwedishNumberFormat.formatWithUnit(report.tolerance, unit: unit == .kr ? .kr : .tkr)
        out += paint("Kontroller", "1") + " (tolerans ±\(tolerance))\n"
        let renderer = DiagnosticRenderer(sources: sources)
        for check in report.checks where !check.passed {
            out += "  " + paint("✗", "31") + " " + check.subject + ": " + describe(check, unit) + "\n"
            out += "      " + renderer.location(check.span) + "\n"
        }
        let passed = report.checks.count - report.failedChecks
        if passed > 0 {
            out += "  " + paint("✓", "32") + " \(passed) " + (passed == 1 ? "kontroll stämmer" : "kontroller stämmer") + "\n"
        }
        if report.checks.isEmpty { out += "  inga kontroller\n" }
        out += "\n"
        let failed = report.failedChecks
        if failed == 0 {
            out += "Resultat: alla \(report.checks.count) kontroller stämmer.\n"
        } else {
            out += paint("Resultat: \(failed) av \(report.checks.count) kontroller stämmer inte.", "1;31") + "\n"
        }
    }

    /// What a failed check found, in words and figures.
    func describe(_ check: CheckResult, _ unit: MoneyUnit) -> String {
        let stated = SwedishNumberFormat.format(check.stated, unit: unit)
        let computed = SwedishNumberFormat.format(check.computed, unit: unit)
        let difference = SwedishNumberFormat.format(check.difference, unit: unit)
        switch check.kind {
        case .printedTotal:
            return "tryckt \(stated), beräknat \(computed), differens \(difference)"
        case .ram:
            let exceeded = SwedishNumberFormat.format(check.difference.negated() ?? check.difference, unit: unit)
            return "ram \(stated), nettokostnad \(computed), överskriden med \(exceeded)"
        case .bridge:
            return "beslutad ram \(stated), beräknad \(computed), differens \(difference)"
        case .bridgeTotal:
            return "tryckt \(stated), summa av förändringarna \(computed), differens \(difference)"
        }
    }
}
