/// Renders the driftbudget of a report as one CSV table (`ramverk kör --format csv`):
/// one header row, then a row per post, area total and table total, in the report's
/// order. Areas are not rows of their own: each row names its areas in `Område`.
/// Every table's columns are columns of the file; a row leaves the others empty.
public struct CSVReportRenderer: Sendable {
    public init() {}

    public func render(_ report: DriftbudgetReport) -> String {
        var csv = CSVWriter()
        let unit = report.unit.rawValue
        // The columns some table shows, in the report's order, and every change once.
        let shown = report.columns.indices.filter { column in report.tables.contains { $0.columns.contains(column) } }
        var changes: [DriftbudgetReport.Change] = []
        for table in report.tables {
            for change in table.changes where !changes.contains(where: { $0.from == change.from && $0.to == change.to }) {
                changes.append(change)
            }
        }
        var header = ["Tabell", "Typ", "Nivå", "Område", "Namn"]
        // Two columns with the same label (a driftbudget's and an investeringsbudget's
        // "Budget 2021") are told apart by their keys.
        let labels = shown.map { report.columns[$0].label }
        header += shown.map { column in
            let label = report.columns[column].label
            let key = labels.count { $0 == label } > 1 ? "[\(report.columns[column].key)] " : ""
            return "\(label) \(key)(\(unit))"
        }
        for change in changes {
            let span = "\(report.columns[change.from].label)–\(report.columns[change.to].label)"
            header += ["Förändring \(span) (\(unit))", "Förändring \(span) (%)"]
        }
        csv.row(header)

        for (number, table) in report.tables.enumerated() {
            var areas: [String] = []
            for index in table.rows {
                let row = report.rows[index]
                let kind: String
                var path = areas.prefix(row.depth)
                switch row.kind {
                case .area:
                    areas = Array(areas.prefix(row.depth)) + [row.name]
                    continue
                case .post: kind = "post"
                case .total:
                    kind = "summa"
                    path = areas.prefix(row.depth + 1)
                case .grandTotal: kind = "totalt"
                }
                var fields: [CSVWriter.Field] = [.integer(number + 1), .text(kind), .integer(row.depth),
                                                 .text(path.joined(separator: " / ")), .text(row.name)]
                for column in shown {
                    fields.append(table.columns.contains(column)
                                  ? .amount(report.value(row: index, column: column), unit: report.unit) : .empty)
                }
                for change in changes {
                    let inTable = table.changes.contains { $0.from == change.from && $0.to == change.to }
                    guard inTable, let from = report.value(row: index, column: change.from),
                          let to = report.value(row: index, column: change.to), let delta = to.subtracting(from) else {
                        fields += [.empty, .empty]
                        continue
                    }
                    fields.append(.amount(delta, unit: report.unit))
                    // The percentage of the text report: one decimal, empty from zero.
                    fields.append(SwedishNumberFormat.percentChange(delta, from: from)
                        .map { .number(scaled: $0, decimals: 1) } ?? .empty)
                }
                csv.row(fields)
            }
        }
        return csv.output
    }
}
