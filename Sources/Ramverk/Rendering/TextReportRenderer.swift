/// Renders a driftbudget report as aligned Swedish text for the terminal: the
/// driftbudget table with changes between years, rams, ramförändringar and the checks.
/// Deterministic: the same report gives the same bytes.
public struct TextReportRenderer: Sendable {
    public var colour: Bool
    /// Where check locations point to (file:line:col).
    public var sources: SourceSet

    public init(sources: SourceSet, colour: Bool = false) {
        self.sources = sources
        self.colour = colour
    }

    static let maximumNameWidth = 56

    func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func amount(_ money: Money?, _ unit: MoneyUnit) -> String {
        money.map { SwedishNumberFormat.format($0, unit: unit) } ?? ""
    }

    public func render(_ report: DriftbudgetReport) -> String {
        var out = "Driftbudget\n"
        let owner = [report.municipality.map { "\($0) kommun" }, report.committee].compactMap { $0 }
        if !owner.isEmpty { out += owner.joined(separator: " · ") + "\n" }
        out += "Belopp i \(report.unit.rawValue) (\(report.sign.phrase))\n\n"
        renderTable(report, into: &out)
        if !report.rams.isEmpty { renderRams(report, into: &out) }
        for bridge in report.bridges { renderBridge(bridge, unit: report.unit, into: &out) }
        renderChecks(report, into: &out)
        return out
    }

    // MARK: - The driftbudget table

    private func renderTable(_ report: DriftbudgetReport, into out: inout String) {
        let unit = report.unit
        let columnCount = report.columns.count
        var nameWidth = 0
        for row in report.rows {
            nameWidth = max(nameWidth, row.depth * 2 + TextTable.width(row.name))
        }
        nameWidth = min(max(nameWidth, 10), TextReportRenderer.maximumNameWidth)

        // Every cell's text first, so each column can be as wide as its widest figure.
        var headers = report.columns.map(\.label)
        for change in report.changes {
            _ = change
            headers.append("Förändring")
            headers.append("%")
        }
        var widths = headers.map(TextTable.width)
        var cells: [[String]] = []
        cells.reserveCapacity(report.rows.count)
        for (rowIndex, row) in report.rows.enumerated() {
            var line: [String] = []
            line.reserveCapacity(headers.count)
            for column in 0..<columnCount {
                line.append(amount(report.value(row: rowIndex, column: column), unit))
            }
            for change in report.changes {
                let from = report.value(row: rowIndex, column: change.from)
                let to = report.value(row: rowIndex, column: change.to)
                if row.kind != .area, let from, let to, let delta = to.subtracting(from) {
                    line.append(SwedishNumberFormat.format(delta, unit: unit))
                    line.append(TextReportRenderer.percentChange(delta, from: from))
                } else {
                    line.append("")
                    line.append("")
                }
            }
            for (index, text) in line.enumerated() { widths[index] = max(widths[index], TextTable.width(text)) }
            cells.append(line)
        }

        out += TextTable.pad("", to: nameWidth, .left)
        for (index, header) in headers.enumerated() { out += "  " + TextTable.pad(header, to: widths[index], .right) }
        out += "\n"
        for (rowIndex, row) in report.rows.enumerated() {
            let indent = String(repeating: "  ", count: row.depth)
            let name = TextTable.fit(indent + row.name, to: nameWidth)
            let paddedName = TextTable.pad(name, to: nameWidth, .left)
            var line = row.kind == .post ? paddedName : paint(paddedName, "1")
            for (index, text) in cells[rowIndex].enumerated() {
                line += "  " + TextTable.pad(text, to: widths[index], .right)
            }
            out += trimTrailing(line) + "\n"
            // A printed total that does not match: the printed figure under the computed.
            let mismatched = (0..<columnCount).filter { report.printedMismatches[rowIndex * columnCount + $0] != nil }
            if !mismatched.isEmpty {
                var printedLine = TextTable.pad(indent + "  tryckt", to: nameWidth, .left)
                for column in 0..<columnCount {
                    let text = report.printedMismatches[rowIndex * columnCount + column].map { amount($0, unit) } ?? ""
                    printedLine += "  " + TextTable.pad(text, to: widths[column], .right)
                }
                out += paint(trimTrailing(printedLine) + "  ✗ avviker", "31") + "\n"
            }
            // A blank line after each top-level area, and after the table.
            if (row.kind == .total && row.depth == 0) || rowIndex == report.rows.count - 1 {
                if !out.hasSuffix("\n\n") { out += "\n" }
            }
        }
    }

    /// The change as a percentage of the earlier figure's size; "–" from zero.
    static func percentChange(_ delta: Money, from: Money) -> String {
        guard from.ore != 0, from.ore != .min, let ratio = delta.ratio(to: Money(ore: abs(from.ore))) else { return "–" }
        return SwedishNumberFormat.percent(ratio)
    }

    func trimTrailing(_ line: String) -> String {
        var line = line
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }
}
