/// `ramverk jämför --format csv`: one table for Excel. A row per område, post and
/// figure; per outcome its value, and per scenario also Δ against the base in the unit
/// and in per cent; last, per outcome, the number of checks that fail. Amounts are in
/// the report unit (driftbudget rows in the report's sign, figures in result sign);
/// shares are per cent.
public struct CSVComparisonRenderer: Sendable {
    public init() {}

    public func render(_ report: ComparisonReport) -> String {
        var csv = CSVWriter()
        let unit = report.unit
        var header = ["Typ", "Nivå", "Namn", "Bas (\(unit.rawValue))"]
        for name in report.outcomes.dropFirst() {
            header += ["\(name) (\(unit.rawValue))", "Δ \(name) (\(unit.rawValue))", "Δ \(name) (%)"]
        }
        csv.row(header)
        for row in report.rows + report.figures where row.kind != .area {
            var fields: [CSVWriter.Field] = [.text(kind(row.kind)), CSVWriter.Field.integer(row.depth), .text(row.name)]
            guard let base = row.values.first else { continue }
            fields.append(field(base, unit))
            for value in row.values.dropFirst() {
                fields.append(field(value, unit))
                switch (base, value) {
                case (.money(let from?), .money(let to?)):
                    let delta = to.subtracting(from)
                    fields.append(CSVWriter.Field.amount(delta, unit: unit))
                    if let delta, let tenths = SwedishNumberFormat.percentChange(delta, from: from) {
                        fields.append(.number(scaled: tenths, decimals: 1))
                    } else {
                        fields.append(.empty)
                    }
                case (.share(let from?), .share(let to?)):
                    fields.append(CSVWriter.Field.percent(Ratio(micros: to.micros - from.micros)))
                    fields.append(.empty)
                default:
                    fields += [.empty, .empty]
                }
            }
            csv.row(fields)
        }
        var checks: [CSVWriter.Field] = [.text("Kontroller"), CSVWriter.Field.integer(0), .text("Kontroller som inte stämmer")]
        for (index, outcome) in report.checks.enumerated() {
            checks.append(CSVWriter.Field.integer(outcome.failed.count))
            if index > 0 {
                checks += [CSVWriter.Field.integer(outcome.failed.count - (report.checks.first?.failed.count ?? 0)), .empty]
            }
        }
        csv.row(checks)
        return csv.output
    }

    private func kind(_ kind: ComparisonReport.Row.Kind) -> String {
        switch kind {
        case .post: "Post"
        case .total: "Summa"
        case .figure: "Nyckeltal"
        case .area: "Område"
        }
    }

    private func field(_ value: ComparisonReport.Value, _ unit: MoneyUnit) -> CSVWriter.Field {
        switch value {
        case .money(let money): CSVWriter.Field.amount(money, unit: unit)
        case .share(let share): share.map(CSVWriter.Field.percent) ?? .empty
        }
    }
}
