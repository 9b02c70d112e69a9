/// The Reserver section: each reserve, its decisions in date order and what is left.
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
}
