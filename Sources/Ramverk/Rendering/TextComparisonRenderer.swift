/// `ramverk jämför` as aligned Swedish text: per row the base, then each scenario with
/// its difference from the base in the unit and in per cent; then the checks that fail
/// in each. Deterministic: the same report gives the same bytes.
public struct TextComparisonRenderer: Sendable {
    public var colour: Bool

    public init(colour: Bool = false) {
        self.colour = colour
    }

    public func render(_ report: ComparisonReport) -> String {
        var out = "Jämförelse av scenarier"
        if let year = report.year { out += " \(year) (\(report.columnLabel))" }
        out += "\nBelopp i \(report.unit.rawValue); Δ mot basen.\n"
        let labels = TextComparisonRenderer.shortNames(report.outcomes)
        for (label, name) in zip(labels, report.outcomes).dropFirst() where label != name {
            out += "  \(label): \(name)\n"
        }
        out += "\n"
        let header = ["Bas"] + labels.dropFirst().flatMap { [$0, "Δ", "Δ %"] }
        let separator = report.rows.isEmpty || report.figures.isEmpty ? []
            : [ComparisonReport.Row(kind: .area, name: "", depth: 0, values: [], changed: false)]
        let lines = report.rows + separator
            + report.figures
        let cells = lines.map { cellsOf($0, report) }
        let nameWidth = min(max(lines.map { TextTable.width(indent($0) + $0.name) }.max() ?? 0, 6), 48)
        let widths = header.indices.map { column in
            max(cells.map { $0.indices.contains(column) ? TextTable.width($0[column]) : 0 }.max() ?? 0,
                TextTable.width(header[column]))
        }
        out += TextTable.pad("", to: nameWidth, .left)
        for (title, width) in zip(header, widths) { out += "  " + TextTable.pad(title, to: width, .right) }
        out += "\n"
        for (line, row) in zip(lines, cells) {
            if line.kind == .area && line.values.isEmpty && line.name.isEmpty {
                out += "\n"
                continue
            }
            let name = TextTable.pad(TextTable.fit(indent(line) + line.name, to: nameWidth), to: nameWidth, .left)
            var text = name
            for (cell, width) in zip(row, widths) { text += "  " + TextTable.pad(cell, to: width, .right) }
            out += (line.changed && colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text) + "\n"
        }
        out += "\nKontroller (utom tryckta summor, som ramverk kör kontrollerar)\n"
        let nameWidths = labels.map(TextTable.width).max() ?? 0
        for (name, checks) in zip(labels, report.checks) {
            let status = checks.failed.isEmpty
                ? "✓ alla \(checks.total) stämmer"
                : "✗ \(checks.failed.count) av \(checks.total) stämmer inte"
            out += "  " + TextTable.pad(name, to: nameWidths, .left) + "  " + status + "\n"
        }
        // What fails in a scenario but not in the base: what the alternative breaks.
        let baseFailed = Set(report.checks.first?.failed ?? [])
        for (name, checks) in zip(labels, report.checks).dropFirst() {
            let new = checks.failed.filter { !baseFailed.contains($0) }
            let fixed = baseFailed.subtracting(checks.failed).sorted()
            for subject in new { out += "  \(name): ✗ \(subject)\n" }
            for subject in fixed { out += "  \(name): ✓ \(subject) (stämmer inte i basen)\n" }
        }
        return out
    }

    /// Column titles: "Alt A" for "Alt A – satsning på trygghet" (the part before a dash),
    /// else the name cut to 16 characters; the full names are listed above the table.
    public static func shortNames(_ names: [String]) -> [String] {
        names.map { name in
            for dash in [" – ", " - ", ": "] {
                if let range = name.firstRange(of: dash) { return String(name[..<range.lowerBound]) }
            }
            return TextTable.fit(name, to: 16)
        }
    }

    private func indent(_ row: ComparisonReport.Row) -> String {
        String(repeating: "  ", count: row.depth)
    }

    /// The base's value, then per scenario its value, Δ and Δ %.
    private func cellsOf(_ row: ComparisonReport.Row, _ report: ComparisonReport) -> [String] {
        guard let base = row.values.first else { return [] }
        var cells = [text(base, report.unit)]
        for value in row.values.dropFirst() {
            cells.append(text(value, report.unit))
            switch (base, value) {
            case (.money(let from?), .money(let to?)):
                let delta = to.subtracting(from)
                cells.append(delta.map { signed(SwedishNumberFormat.format($0, unit: report.unit), $0.ore) } ?? "")
                cells.append(delta.flatMap { SwedishNumberFormat.percentChange($0, from: from) }
                    .map { signed(SwedishNumberFormat.format(scaled: $0, decimals: 1) + " %", $0) } ?? "–")
            case (.share(let from?), .share(let to?)):
                let points = to.micros - from.micros
                cells.append(signed(SwedishNumberFormat.format(scaled: (points + (points >= 0 ? 500 : -500)) / 1_000, decimals: 1), points) + " pe")
                cells.append("")
            case (.money(nil), .money(_?)):
                cells += ["ny", ""]
            case (.money(_?), .money(nil)):
                cells += ["borttagen", ""]
            default:
                cells += ["", ""]
            }
        }
        return cells
    }

    private func text(_ value: ComparisonReport.Value, _ unit: MoneyUnit) -> String {
        switch value {
        case .money(let money): money.map { SwedishNumberFormat.format($0, unit: unit) } ?? ""
        case .share(let share): share.map { SwedishNumberFormat.percent($0) } ?? ""
        }
    }

    private func signed(_ text: String, _ sign: Int64) -> String {
        sign > 0 ? "+" + text : text
    }
}
