/// `ramverk jämför --format json`, schema `ramverk.jämför/1` (docs/json.md,
/// docs/schema/jamfor.schema.json): per row one value per outcome, the base first;
/// amounts are integers of öre, shares decimal numbers with six decimals.
public struct JSONComparisonRenderer: Sendable {
    public static let schema = "ramverk.jämför/1"

    public init() {}

    public func render(_ report: ComparisonReport) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.string("schema", JSONComparisonRenderer.schema)
        json.integer("year", report.year.map(Int64.init))
        json.string("column", report.columnLabel)
        json.string("unit", report.unit.rawValue)
        json.string("amounts", "öre")
        json.beginArray("outcomes")
        for name in report.outcomes { json.string(nil, name) }
        json.endArray()
        rows("rows", report.rows, into: &json)
        rows("figures", report.figures, into: &json)
        json.beginArray("checks")
        for (name, checks) in zip(report.outcomes, report.checks) {
            json.beginObject()
            json.string("outcome", name)
            json.integer("total", Int64(checks.total))
            json.beginArray("failed")
            for subject in checks.failed { json.string(nil, subject) }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.output + "\n"
    }

    private func rows(_ key: String, _ rows: [ComparisonReport.Row], into json: inout JSONWriter) {
        json.beginArray(key)
        for row in rows where row.kind != .area {
            json.beginObject()
            json.string("kind", "\(row.kind)")
            json.string("name", row.name)
            json.integer("depth", Int64(row.depth))
            json.bool("changed", row.changed)
            json.beginArray("values")
            for value in row.values {
                switch value {
                case .money(let money): json.integer(nil, money?.ore)
                case .share(let share): json.raw(nil, share.map(SwedishNumberFormat.machine) ?? "null")
                }
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
    }
}
