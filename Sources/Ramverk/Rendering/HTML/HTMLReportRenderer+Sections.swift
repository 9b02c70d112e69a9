/// The sections after the driftbudget tables, as the text report has them: values,
/// rams and their revisions, ramförändringar, reserves, överföringar,
/// realisationsvinster, balanskrav, risks in words, and the checks.
extension HTMLReportRenderer {
    /// A line of a worked sum: a marker (+ − =), a text, a figure, maybe a remark.
    typealias SumLine = (marker: String, text: String, figure: String, remark: String?)

    /// A worked sum as a table of marker, text and figure; `=` lines are totals.
    func sumTable(_ lines: [SumLine]) -> HTMLTable {
        var table = HTMLTable(header: [], className: "smal")
        for line in lines {
            let failed = line.remark?.contains("✗") ?? false
            table.add([.init(line.marker, className: "markor"), .init(line.text), .number(line.figure, className: failed ? "fel" : nil),
                       .init(line.remark ?? "", className: failed ? "fel" : nil)],
                      className: line.marker == "=" ? "summa" : nil)
        }
        return table
    }

    func appendNamedValues(_ report: DriftbudgetReport, to document: inout HTMLDocument) {
        document.beginSection("Värden")
        var table = HTMLTable(header: [.init("")] + report.columns.map { .init($0.label, .right) })
        let text = TextReportRenderer(sources: sources)
        for line in report.namedValues {
            table.add([.init(line.name)] + line.values.map { .number($0.map { text.format($0, report.unit) } ?? "") })
        }
        document.table(table)
        document.endSection()
    }

    func appendRams(_ report: DriftbudgetReport, to document: inout HTMLDocument) {
        document.beginSection("Ramar", note: "belopp i \(report.unit.rawValue), nettokostnad")
        var table = HTMLTable(header: [.init("År"), .init("Ram", .right), .init("Nettokostnad", .right),
                                       .init("Kvar", .right), .init("Status"), .init("Beslut")])
        for line in report.rams {
            let status: String
            var className: String?
            if let left = line.remaining {
                status = left.ore < 0 ? "✗ överskriden" : "✓ inom ramen"
                className = left.ore < 0 ? "fel" : "ok"
            } else {
                status = "–"
            }
            // An overdraft that rounds to 0 is shown with the decimals that make it visible.
            var decimals = report.unit.displayDecimals
            if let left = line.remaining, left.ore != 0, left.scaled(in: report.unit, decimals: decimals) == 0 {
                decimals = SwedishNumberFormat.exactDecimals([line.ram, line.lines, line.remaining].compactMap { $0 },
                                                             unit: report.unit)
            }
            let show = { (money: Money?) in
                money.map { SwedishNumberFormat.format($0, unit: report.unit, decimals: decimals) } ?? "–"
            }
            table.add([.init(String(line.year)), .number(show(line.ram)), .number(show(line.lines)),
                       .number(show(line.remaining), className: className), .init(status, className: className),
                       .init(line.decision ?? "")])
        }
        document.table(table)
        document.endSection()
    }

    func appendRevisions(_ ram: DriftbudgetReport.RamLine, unit: MoneyUnit, to document: inout HTMLDocument) {
        document.beginSection("Justering av ram \(ram.year)", note: "belopp i \(unit.rawValue), nettokostnad")
        var lines: [SumLine] = [("", "Ursprunglig ram" + (ram.decision.map { " (\($0))" } ?? ""), amount(ram.original, unit), nil)]
        for revision in ram.revisions {
            lines.append(("+", revision.reference + (revision.note.map { " – \($0)" } ?? ""), amount(revision.amount, unit), nil))
        }
        lines.append(("=", "Justerad ram \(ram.year)", amount(ram.ram, unit), nil))
        document.table(sumTable(lines))
        document.endSection()
    }

    func appendBridge(_ bridge: BridgeResult, unit: MoneyUnit, to document: inout HTMLDocument) {
        document.beginSection("Ramförändring \(bridge.year)", note: "belopp i \(unit.rawValue), nettokostnad")
        var lines: [SumLine] = [("", bridge.baseLabel, amount(bridge.base, unit), nil)]
        for oneOff in bridge.oneOffs { lines.append(("−", "engångspost: \(oneOff.text)", amount(oneOff.amount, unit), nil)) }
        for change in bridge.changes { lines.append(("+", change.text, amount(change.amount, unit), nil)) }
        lines.append(("", "Summa förändringar", amount(bridge.sumOfChanges, unit),
                      bridge.printedTotal.map { "tryckt \(amount($0, unit))" }))
        lines.append(("=", "Beräknad ram \(bridge.year)", amount(bridge.computedRam, unit), nil))
        lines.append(("", "Beslutad ram \(bridge.year)", bridge.ram.map { amount($0, unit) } ?? "saknas", nil))
        if let ram = bridge.ram, let computed = bridge.computedRam, let difference = ram.subtracting(computed) {
            lines.append(("", "Differens", amount(difference, unit), difference.ore == 0 ? "✓" : "✗ stämmer inte"))
        }
        if let actual = bridge.actualChange {
            lines.append(("", "Faktisk förändring (ram \(bridge.year) − \(bridge.baseLabel.lowercased()))", amount(actual, unit), nil))
        }
        document.table(sumTable(lines))
        document.endSection()
    }

    func appendReserve(_ reserve: ReserveResult, unit: MoneyUnit, to document: inout HTMLDocument) {
        document.beginSection("Reserv: \(reserve.name)", note: "\(reserve.columnLabel), belopp i \(unit.rawValue)")
        var table = HTMLTable(header: [.init("Beslut"), .init("Till"), .init("Belopp", .right), .init("Kvar", .right)],
                              className: "smal")
        table.add([.init("Ingående"), .init(""), .number(""), .number(amount(reserve.opening, unit))])
        for line in reserve.lines {
            let drawn = line.amount.map { SwedishNumberFormat.format($0.negated() ?? $0, unit: unit) } ?? ""
            let to = line.destination + (line.external ? " (utanför nämnden)" : "") + (line.note.map { " – \($0)" } ?? "")
            table.add([.init(line.reference), .init(to), .number(drawn), .number(amount(line.remainingAfter, unit))])
        }
        table.add([.init("Förbrukat"), .init(""), .number(""), .number(SwedishNumberFormat.format(reserve.drawn, unit: unit))],
                  className: "summa")
        let overdrawn = (reserve.remaining?.ore ?? 0) < 0
        table.add([.init(overdrawn ? "Kvar ✗ överdragen" : "Kvar"), .init(""), .number(""),
                   .number(amount(reserve.remaining, unit), className: overdrawn ? "fel" : nil)], className: "summa")
        if reserve.drawnExternally.ore != 0 {
            table.add([.init("Nämndens budget minskar med"), .init(""), .number(""),
                       .number(SwedishNumberFormat.format(reserve.drawnExternally, unit: unit))])
        }
        document.table(table)
        document.endSection()
    }

    func appendCarryOver(_ carryOver: CarryOverResult, unit: MoneyUnit, to document: inout HTMLDocument) {
        document.beginSection("Överföring \(carryOver.year) → \(carryOver.year + 1)", note: "belopp i \(unit.rawValue)")
        var table = HTMLTable(header: [.init("Projekt"), .init(carryOver.budgetLabel, .right), .init(carryOver.actualLabel, .right),
                                       .init("Förbrukat", .right), .init("Överförs", .right), .init("Beslut")])
        for line in carryOver.lines {
            table.add([.init(line.project), .number(amount(line.budget, unit)), .number(amount(line.actual, unit)),
                       .number(line.usedShare.map { TextReportRenderer.percentText($0) } ?? "–"),
                       .number(amount(line.carried, unit)), .init(line.decision ?? "")])
        }
        let share = carryOver.totalBudget.ore == 0 ? nil : carryOver.totalActual.ratio(to: carryOver.totalBudget)
        table.add([.init("Summa"), .number(amount(carryOver.totalBudget, unit)), .number(amount(carryOver.totalActual, unit)),
                   .number(share.map { TextReportRenderer.percentText($0) } ?? "–"),
                   .number(amount(carryOver.totalCarried, unit)), .init("")], className: "summa")
        document.table(table)
        document.endSection()
    }

    func appendCapitalGains(_ gains: [CapitalGainsResult], unit: MoneyUnit, to document: inout HTMLDocument) {
        document.beginSection("Realisationsvinster", note: "belopp i \(unit.rawValue), utanför verksamhetens resultat")
        var table = HTMLTable(header: [.init("År"), .init("Budget", .right), .init("Prognos", .right),
                                       .init("Utfall", .right), .init("Avvikelse", .right)], className: "smal")
        for year in gains {
            table.add([.init(String(year.year)), .number(amount(year.budget, unit)), .number(amount(year.forecast, unit)),
                       .number(amount(year.actual, unit)), .number(amount(year.deviation, unit))])
        }
        document.table(table)
        document.endSection()
    }

    func appendBalance(_ balance: BalanceResult, unit: MoneyUnit, to document: inout HTMLDocument) {
        document.beginSection("Balanskravsutredning \(balance.year)", note: "belopp i \(unit.rawValue), överskott positivt")
        var lines: [SumLine] = [("", "Årets resultat", amount(balance.result, unit), nil)]
        lines.append(("−", "Samtliga realisationsvinster", amount(balance.capitalGains ?? .zero, unit), nil))
        lines.append(("=", "Resultat exklusive realisationsvinster", amount(balance.resultExcludingCapitalGains, unit), nil))
        for adjustment in balance.adjustments { lines.append(("±", adjustment.text, amount(adjustment.amount, unit), nil)) }
        if let to = balance.toReserve { lines.append(("−", "Medel till resultatreserv", amount(to, unit), nil)) }
        if let from = balance.fromReserve { lines.append(("+", "Medel från resultatreserv", amount(from, unit), nil)) }
        lines.append(("=", "Balanskravsresultat", amount(balance.balanceResult, unit),
                      (balance.balanceResult?.ore ?? 0) < 0 ? "✗ underskott" : nil))
        if let goal = balance.goal, let base = balance.taxRevenue {
            lines.append(("", "Skatter, generella statsbidrag och utjämning", amount(base, unit), nil))
            let missed = (balance.result ?? .zero) < (balance.goalAmount ?? .zero)
            lines.append(("", "Resultatmål \(SwedishNumberFormat.percent(goal)) av dessa", amount(balance.goalAmount, unit),
                          missed ? "✗ nås inte" : nil))
        }
        document.table(sumTable(lines))
        document.endSection()
    }

    func appendRisks(_ risks: [RiskStatement], to document: inout HTMLDocument) {
        document.beginSection("Risker")
        var table = HTMLTable(header: [.init("Risk"), .init("Riktning"), .init("Beskrivning")])
        for risk in risks {
            var description = risk.description ?? ""
            if let covered = risk.coveredBy { description += (description.isEmpty ? "" : " ") + "Täcks av: \(covered)." }
            table.add([.init(risk.name.text), .init(risk.direction?.rawValue ?? ""), .init(description)])
        }
        document.table(table)
        document.endSection()
    }

    func appendChecks(_ report: DriftbudgetReport, to document: inout HTMLDocument) {
        let unit = report.unit
        let tolerance = SwedishNumberFormat.format(report.tolerance, unit: unit,
                                                   decimals: SwedishNumberFormat.exactDecimals([report.tolerance], unit: unit))
        document.beginSection("Kontroller", note: "tolerans ±\(tolerance) \(unit.rawValue)")
        let locations = DiagnosticRenderer(sources: sources)
        let failed = report.checks.filter { !$0.passed }
        if !failed.isEmpty {
            var table = HTMLTable(header: [.init(""), .init("Kontroll som inte stämmer"), .init("Plats i filen")])
            for check in failed {
                table.add([.init("✗", className: "fel"), .init(CheckText.line(check, unit: unit)),
                           .init(locations.location(check.span), className: "plats")])
            }
            document.table(table)
        }
        let passed = report.checks.filter(\.passed)
        if !passed.isEmpty {
            document.beginDetails("✓ \(passed.count) " + (passed.count == 1 ? "kontroll stämmer" : "kontroller stämmer"))
            document.list(passed.map { ("✓ " + $0.subject, "ok") }, className: "kontroller")
            document.endDetails()
        }
        let summary: String
        switch (report.failedChecks, report.checks.count) {
        case (_, 0): summary = "Resultat: inga kontroller att göra."
        case (0, 1): summary = "Resultat: kontrollen stämmer."
        case (0, let count): summary = "Resultat: alla \(count) kontroller stämmer."
        case (let failed, let count): summary = "Resultat: \(failed) av \(count) kontroller stämmer inte."
        }
        document.paragraph(summary, className: report.failedChecks > 0 ? "fel" : "ok")
        document.endSection()
    }
}
