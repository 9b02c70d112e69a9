import Ramverk

/// The REPL's answers as Swedish text: values with their unit ("247 000 tkr", "3,7 %"),
/// what a what-if changed, the difference against the loaded file, an explanation and a
/// shown post or area. Checks and diagnostics go through the library's renderers, as in
/// `ramverk kör`.
struct SessionText {
    var unit: MoneyUnit
    var colour: Bool
    var sources: SourceSet

    init(session: ExplorationSession, colour: Bool) {
        unit = session.model.displayUnit
        self.colour = colour
        sources = session.sources
    }

    func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// A value with its unit: amounts exact to the öre they need (at most two decimals
    /// more than the unit usually shows), percentages and numbers as the report shows them.
    func value(_ value: Value?) -> String {
        guard let value else { return "–" }
        guard case .money(let money) = value else { return TextReportRenderer.text(of: value, unit: unit) }
        return amount(money) + " " + unit.rawValue
    }

    func amount(_ money: Money?) -> String {
        guard let money else { return "–" }
        let decimals = min(SwedishNumberFormat.exactDecimals([money], unit: unit), unit.displayDecimals + 2)
        return SwedishNumberFormat.format(money, unit: unit, decimals: decimals)
    }

    /// A change with its sign written out: "+300", "−1 434", "0".
    func signed(_ money: Money?) -> String {
        guard let money else { return "–" }
        return money.ore > 0 ? "+" + amount(money) : amount(money)
    }

    func location(_ span: SourceSpan?) -> String {
        guard let span else { return "" }
        return DiagnosticRenderer(sources: sources).location(span)
    }

    // MARK: - What-ifs

    func whatIf(_ result: WhatIfResult, session: ExplorationSession) -> String {
        let change = result.change
        var out = "\(change.targetText): \(value(change.before)) → \(value(change.after))\n"
        out += figures(before: result.before, after: result.after, session: session)
        out += totals(result.totals)
        out += flips(failing: result.nowFailing, passing: result.nowPassing)
        return out
    }

    func difference(_ difference: SessionDifference, session: ExplorationSession) -> String {
        guard !difference.changes.isEmpty else { return "Inga ändringar; modellen är som filen.\n" }
        var out = "Ändringar mot filen:\n"
        for (index, entry) in difference.changes.enumerated() {
            out += "  \(index + 1). :om \(entry.change.text)    (\(entry.change.targetText): "
            out += "\(value(entry.loaded)) → \(value(entry.now)))\n"
        }
        out += figures(before: difference.before, after: difference.after, session: session)
        out += totals(difference.totals)
        out += flips(failing: difference.nowFailing, passing: difference.nowPassing)
        return out
    }

    /// Resultat, balanskravsresultat, net cost and what is left of each ram: before,
    /// after and the difference, as a small table.
    func figures(before: AnalysisFigures, after: AnalysisFigures, session: ExplorationSession) -> String {
        var rows: [(String, Money?, Money?)] = [("Resultat", before.result, after.result)]
        if session.definition == .balance {
            rows.append(("Balanskravsresultat", before.balanceResult, after.balanceResult))
        }
        rows.append(("Nettokostnad", before.netCost, after.netCost))
        for (index, year) in session.ramYears.enumerated()
            where index < before.ramRemaining.count && index < after.ramRemaining.count {
            rows.append(("Kvar av ram \(year)", before.ramRemaining[index], after.ramRemaining[index]))
        }
        let year = session.year.map { " \($0)" } ?? ""
        var table = [["", "före", "efter", "förändring"]]
        for (label, old, new) in rows {
            let delta = old.flatMap { old in new.flatMap { $0.subtracting(old) } }
            table.append([label, amount(old), amount(new), signed(delta)])
        }
        return "Belopp i \(unit.rawValue)\(year.isEmpty ? "" : ", år" + year):\n" + aligned(table, indent: 2)
    }

    func totals(_ totals: [TotalChange]) -> String {
        guard !totals.isEmpty else { return "" }
        let shown = 12
        var table: [[String]] = []
        for total in totals.prefix(shown) {
            table.append(["Summa \(total.name), \(total.columnLabel)", amount(total.before), "→", amount(total.after)])
        }
        var out = "Summor som ändras:\n" + aligned(table, indent: 2)
        if totals.count > shown { out += "  … och \(totals.count - shown) summor till\n" }
        return out
    }

    func flips(failing: [CheckResult], passing: [CheckResult]) -> String {
        var out = ""
        let renderer = TextReportRenderer(sources: sources, colour: colour)
        if !failing.isEmpty {
            out += paint("Kontroller som inte stämmer längre:", "1;31") + "\n"
            for check in failing { out += renderer.renderFailedCheck(check, unit: unit) }
        }
        if !passing.isEmpty {
            out += paint("Kontroller som stämmer nu:", "1;32") + "\n"
            for check in passing {
                out += "  " + paint("✓", "32") + " " + check.subject + "\n      " + location(check.span) + "\n"
            }
        }
        return out
    }

    // MARK: - Explanations and shown things

    func explanation(_ node: Explanation, depth: Int = 0) -> String {
        let indent = String(repeating: "  ", count: depth)
        var line = indent + (depth == 0 ? "" : "← ") + node.label
        if let figure = node.value { line += " = " + value(figure) }
        if !node.how.isEmpty { line += "   " + node.how }
        if node.location != nil { line += "   " + paint("(" + location(node.location) + ")", "2") }
        var out = line + "\n"
        for step in node.steps { out += explanation(step, depth: depth + 1) }
        return out
    }

    func inspection(_ shown: Inspection) -> String {
        let kind = switch shown.kind {
        case .post: "post"
        case .area: "område"
        case .named: "värde"
        }
        var out = paint("\(kind) \(shown.name)", "1") + "   " + paint("(" + location(shown.location) + ")", "2") + "\n"
        var table: [[String]] = []
        // Columns where the thing has no value, now or in the file, are left out.
        let figures = shown.figures.filter { $0.now != nil || $0.loaded != nil }
        for figure in figures.isEmpty ? shown.figures : figures {
            var row = [figure.column.isEmpty ? "värde" : figure.column, value(figure.now)]
            if figure.now != figure.loaded { row.append("(i filen " + value(figure.loaded) + ")") }
            table.append(row)
        }
        out += aligned(table, indent: 2)
        if shown.kind == .area, let column = shown.linesColumn {
            out += "Rader, \(column):\n"
            out += aligned(shown.lines.map { [($0.isArea ? "område " : "") + $0.name, value($0.now)] }, indent: 2)
            if shown.lineCount > shown.lines.count { out += "  … och \(shown.lineCount - shown.lines.count) rader till\n" }
        }
        let renderer = TextReportRenderer(sources: sources, colour: colour)
        for reserve in shown.reserves { out += renderer.renderReserve(reserve, unit: unit) }
        return out
    }

    /// Rows of cells in columns: the first left-aligned, the others right-aligned.
    func aligned(_ rows: [[String]], indent: Int) -> String {
        let count = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: count)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        var out = ""
        for row in rows {
            var line = String(repeating: " ", count: indent)
            for (index, cell) in row.enumerated() {
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                line += index == 0 ? cell + padding : "  " + padding + cell
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
