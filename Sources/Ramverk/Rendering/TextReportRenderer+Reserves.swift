/// Decisions during the year: drawing on reserves, and revising rams.
extension TextReportRenderer {
    func renderReserve(_ reserve: ReserveResult, unit: MoneyUnit, into out: inout String) {
        out += paint("Reserv: \(reserve.name)", "1") + " (\(reserve.columnLabel), belopp i \(unit.rawValue))\n"
        var rows: [[String]] = [["Ingående", "", amount(reserve.opening, unit)]]
        for line in reserve.lines {
            let to = "till " + line.destination + (line.external ? " (utanför nämnden)" : "")
            let drawn = line.amount.map { SwedishNumberFormat.format($0.negated() ?? $0, unit: unit) } ?? ""
            rows.append([line.reference + "  " + to + (line.note.map { " – \($0)" } ?? ""), drawn,
                         amount(line.remainingAfter, unit)])
        }
        rows.append(["Förbrukat", "", SwedishNumberFormat.format(reserve.drawn, unit: unit)])
        rows.append(["Kvar", "", amount(reserve.remaining, unit)])
        if reserve.drawnExternally.ore != 0 {
            rows.append(["Nämndens budget minskar med", "", SwedishNumberFormat.format(reserve.drawnExternally, unit: unit)])
        }
        var widths = [0, 0, 0]
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], TextTable.width(cell)) } }
        widths[0] = min(widths[0], TextReportRenderer.maximumNameWidth + 20)
        for row in rows {
            let text = TextTable.pad(TextTable.fit(row[0], to: widths[0]), to: widths[0], .left)
            out += trimTrailing("  \(text)  \(TextTable.pad(row[1], to: widths[1], .right))  \(TextTable.pad(row[2], to: widths[2], .right))")
            if let remaining = reserve.remaining, remaining.ore < 0, row[0] == "Kvar" { out += "  ✗ överdragen" }
            out += "\n"
        }
        out += "\n"
    }

    /// Ursprunglig → justerad: a ram as decided, each revision, and the ram in force.
    func renderRevisions(_ ram: DriftbudgetReport.RamLine, unit: MoneyUnit, into out: inout String) {
        out += paint("Justering av ram \(ram.year)", "1") + " (belopp i \(unit.rawValue), nettokostnad)\n"
        var rows: [(String, String, String)] = [("", "Ursprunglig ram" + (ram.decision.map { " (\($0))" } ?? ""), amount(ram.original, unit))]
        for revision in ram.revisions {
            rows.append(("+", revision.reference + (revision.note.map { "  \($0)" } ?? ""), amount(revision.amount, unit)))
        }
        rows.append(("=", "Justerad ram \(ram.year)", amount(ram.ram, unit)))
        let textWidth = min(rows.map { TextTable.width($0.1) }.max() ?? 0, TextReportRenderer.maximumNameWidth + 20)
        let figureWidth = rows.map { TextTable.width($0.2) }.max() ?? 0
        for (marker, text, figure) in rows {
            let padded = TextTable.pad(TextTable.fit(text, to: textWidth), to: textWidth, .left)
            out += trimTrailing("  \(TextTable.pad(marker, to: 1, .left)) \(padded)  \(TextTable.pad(figure, to: figureWidth, .right))") + "\n"
        }
        out += "\n"
    }

    /// Balanskravsutredning, as RKR lays it out, with the result goal.
    func renderBalance(_ balance: BalanceResult, unit: MoneyUnit, into out: inout String) {
        out += paint("Balanskravsutredning \(balance.year)", "1") + " (belopp i \(unit.rawValue), överskott positivt)\n"
        struct Row { var marker: String; var text: String; var figure: String; var failed = false }
        var rows = [Row(marker: "", text: "Årets resultat", figure: amount(balance.result, unit))]
        rows.append(Row(marker: "−", text: "Samtliga realisationsvinster", figure: amount(balance.capitalGains ?? .zero, unit)))
        rows.append(Row(marker: "=", text: "Resultat exklusive realisationsvinster",
                        figure: amount(balance.resultExcludingCapitalGains, unit)))
        for adjustment in balance.adjustments {
            rows.append(Row(marker: "±", text: adjustment.text, figure: amount(adjustment.amount, unit)))
        }
        if let to = balance.toReserve { rows.append(Row(marker: "−", text: "Medel till resultatreserv", figure: amount(to, unit))) }
        if let from = balance.fromReserve {
            rows.append(Row(marker: "+", text: "Medel från resultatreserv", figure: amount(from, unit)))
        }
        rows.append(Row(marker: "=", text: "Balanskravsresultat", figure: amount(balance.balanceResult, unit),
                        failed: (balance.balanceResult?.ore ?? 0) < 0))
        if let goal = balance.goal, let base = balance.taxRevenue {
            rows.append(Row(marker: "", text: "Skatter, generella statsbidrag och utjämning", figure: amount(base, unit)))
            rows.append(Row(marker: "", text: "Resultatmål \(SwedishNumberFormat.percent(goal)) av dessa",
                            figure: amount(balance.goalAmount, unit),
                            failed: (balance.result ?? .zero) < (balance.goalAmount ?? .zero)))
        }
        let textWidth = rows.map { TextTable.width($0.text) }.max() ?? 0
        let figureWidth = rows.map { TextTable.width($0.figure) }.max() ?? 0
        for row in rows {
            let line = "  \(TextTable.pad(row.marker, to: 1, .left)) \(TextTable.pad(row.text, to: textWidth, .left))  "
                + TextTable.pad(row.figure, to: figureWidth, .right) + (row.failed ? "  ✗" : "")
            out += trimTrailing(line) + "\n"
        }
        out += "\n"
    }
}

extension TextReportRenderer {
    /// Risks named in words: name, direction, description and what covers them.
    func renderRisks(_ risks: [RiskStatement], into out: inout String) {
        out += paint("Risker", "1") + "\n"
        let nameWidth = risks.map { TextTable.width($0.name.text) }.max() ?? 0
        for risk in risks {
            let direction = risk.direction.map { "(\($0.rawValue))" } ?? ""
            out += trimTrailing("  \(TextTable.pad(risk.name.text, to: nameWidth, .left))  \(direction)") + "\n"
            if let description = risk.description { out += "      \(description)\n" }
            if let covered = risk.coveredBy { out += "      Täcks av: \(covered)\n" }
        }
        out += "\n"
    }
}

extension TextReportRenderer {
    /// Realisationsvinster per year: budget, prognos, utfall and the deviation.
    func renderCapitalGains(_ gains: [CapitalGainsResult], unit: MoneyUnit, into out: inout String) {
        out += paint("Realisationsvinster", "1") + " (belopp i \(unit.rawValue), utanför verksamhetens resultat)\n"
        let headers = ["År", "Budget", "Prognos", "Utfall", "Avvikelse"]
        var rows: [[String]] = [headers]
        for year in gains {
            rows.append([String(year.year), amount(year.budget, unit), amount(year.forecast, unit),
                         amount(year.actual, unit), amount(year.deviation, unit)])
        }
        var widths = headers.map(TextTable.width)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], TextTable.width(cell)) } }
        for row in rows {
            var line = " "
            for (i, cell) in row.enumerated() { line += " " + TextTable.pad(cell, to: widths[i], i == 0 ? .left : .right) + " " }
            out += trimTrailing(line) + "\n"
        }
        out += "\n"
    }
}

extension TextReportRenderer {
    /// Överföring: per project budget, utfall, share used and what is carried over.
    func renderCarryOver(_ carryOver: CarryOverResult, unit: MoneyUnit, into out: inout String) {
        out += paint("Överföring \(carryOver.year) → \(carryOver.year + 1)", "1") + " (belopp i \(unit.rawValue))\n"
        let headers = ["Projekt", carryOver.budgetLabel, carryOver.actualLabel, "Förbrukat", "Överförs", "Beslut"]
        var rows = [headers]
        for line in carryOver.lines {
            rows.append([line.project, amount(line.budget, unit), amount(line.actual, unit),
                         line.usedShare.map { TextReportRenderer.percentText($0) } ?? "–",
                         amount(line.carried, unit), line.decision ?? ""])
        }
        let share = carryOver.totalBudget.ore == 0 ? nil : carryOver.totalActual.ratio(to: carryOver.totalBudget)
        rows.append(["Summa", amount(carryOver.totalBudget, unit), amount(carryOver.totalActual, unit),
                     share.map { TextReportRenderer.percentText($0) } ?? "–", amount(carryOver.totalCarried, unit), ""])
        var widths = Array(repeating: 0, count: headers.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], TextTable.width(cell)) } }
        widths[0] = min(widths[0], TextReportRenderer.maximumNameWidth)
        for row in rows {
            var line = " "
            for (i, cell) in row.enumerated() {
                let alignment: TextTable.Alignment = i == 0 || i == 5 ? .left : .right
                line += " " + TextTable.pad(i == 0 ? TextTable.fit(cell, to: widths[0]) : cell, to: widths[i], alignment) + " "
            }
            out += trimTrailing(line) + "\n"
        }
        out += "\n"
    }
}
