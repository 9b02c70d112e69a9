/// Renders a driftbudget report as JSON, schema `ramverk.kör/1` (docs/json.md).
/// Amounts are integers of öre in the sign of the table they belong to, so no
/// precision is lost; texts are the Swedish ones of the text report.
public struct JSONReportRenderer: Sendable {
    public static let schema = "ramverk.kör/1"
    public var sources: SourceSet

    public init(sources: SourceSet) {
        self.sources = sources
    }

    /// `riskAnalysis`: the scenario's risk- och känslighetsanalys, if it has one.
    public func render(_ report: DriftbudgetReport, riskAnalysis: RiskAnalysisResult? = nil) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.string("schema", JSONReportRenderer.schema)
        json.string("municipality", report.municipality)
        json.string("committee", report.committee)
        json.string("unit", report.unit.rawValue)
        json.string("sign", report.sign.rawValue)
        json.string("amounts", "öre")
        json.integer("tolerance", report.tolerance.ore)

        json.beginArray("columns")
        for column in report.columns {
            json.beginObject()
            json.string("key", column.key)
            json.string("label", column.label)
            json.integer("year", column.year.map(Int64.init))
            json.endObject()
        }
        json.endArray()

        json.beginArray("tables")
        for table in report.tables {
            json.beginObject()
            json.beginArray("columns")
            for column in table.columns { json.string(nil, report.columns[column].key) }
            json.endArray()
            json.integer("firstRow", Int64(table.rows.lowerBound))
            json.integer("rowCount", Int64(table.rows.count))
            json.endObject()
        }
        json.endArray()

        json.beginArray("rows")
        for table in report.tables {
            for index in table.rows { renderRow(index, of: table, in: report, into: &json) }
        }
        json.endArray()

        json.beginArray("namedValues")
        for line in report.namedValues {
            json.beginObject()
            json.string("name", line.name)
            json.beginObject("values")
            for (column, info) in report.columns.enumerated() {
                renderValue(info.key, line.values[column], into: &json)
            }
            json.endObject()
            json.endObject()
        }
        json.endArray()

        json.beginArray("rams")
        for ram in report.rams { renderRam(ram, into: &json) }
        json.endArray()

        json.beginArray("bridges")
        for bridge in report.bridges { renderBridge(bridge, into: &json) }
        json.endArray()

        json.beginArray("reserves")
        for reserve in report.reserves { renderReserve(reserve, into: &json) }
        json.endArray()

        json.beginArray("balances")
        for balance in report.balances { renderBalance(balance, into: &json) }
        json.endArray()

        json.beginArray("carryOvers")
        for carryOver in report.carryOvers {
            json.beginObject()
            json.integer("year", Int64(carryOver.year))
            json.string("budgetColumn", carryOver.budgetLabel)
            json.string("actualColumn", carryOver.actualLabel)
            json.beginArray("projects")
            for line in carryOver.lines {
                json.beginObject()
                json.string("name", line.project)
                json.integer("budget", line.budget.ore)
                json.integer("actual", line.actual?.ore)
                json.string("usedShare", line.usedShare.map(SwedishNumberFormat.machine))
                json.integer("carried", line.carried?.ore)
                json.string("decision", line.decision)
                json.endObject()
            }
            json.endArray()
            json.integer("totalBudget", carryOver.totalBudget.ore)
            json.integer("totalActual", carryOver.totalActual.ore)
            json.integer("totalCarried", carryOver.totalCarried.ore)
            json.endObject()
        }
        json.endArray()

        json.beginArray("capitalGains")
        for year in report.capitalGains {
            json.beginObject()
            json.integer("year", Int64(year.year))
            json.integer("budget", year.budget?.ore)
            json.integer("forecast", year.forecast?.ore)
            json.integer("actual", year.actual?.ore)
            json.integer("deviation", year.deviation?.ore)
            json.endObject()
        }
        json.endArray()

        json.beginArray("risks")
        for risk in report.risks {
            json.beginObject()
            json.string("name", risk.name.text)
            json.string("description", risk.description)
            json.string("direction", risk.direction?.rawValue)
            json.string("coveredBy", risk.coveredBy)
            json.endObject()
        }
        json.endArray()
        JSONRiskRenderer().render(riskAnalysis, key: "riskAnalysis", into: &json)

        json.beginArray("checks")
        for check in report.checks { renderCheck(check, into: &json) }
        json.endArray()

        json.beginObject("summary")
        json.integer("checks", Int64(report.checks.count))
        json.integer("failed", Int64(report.failedChecks))
        json.endObject()
        json.endObject()
        return json.output
    }

    /// A row with its figures in the columns of its table.
    private func renderRow(_ index: Int, of table: DriftbudgetReport.Table, in report: DriftbudgetReport,
                           into json: inout JSONWriter) {
        let row = report.rows[index]
        json.beginObject()
        json.string("kind", row.kind.rawValue)
        json.integer("depth", Int64(row.depth))
        json.string("name", row.name)
        if row.kind != .area {
            json.beginObject("values")
            for column in table.columns {
                json.integer(report.columns[column].key, report.value(row: index, column: column)?.ore)
            }
            json.endObject()
        }
        let printed = table.columns.compactMap { column in
            report.printedMismatches[index * report.columns.count + column].map { (report.columns[column].key, $0) }
        }
        if !printed.isEmpty {
            json.beginObject("printed")
            for (key, money) in printed { json.integer(key, money.ore) }
            json.endObject()
        }
        json.endObject()
    }

    /// Amounts as integers of öre; numbers as exact decimal strings ("0.037").
    func renderValue(_ key: String?, _ value: Value?, into json: inout JSONWriter) {
        guard let value else { return json.raw(key, "null") }
        json.beginObject(key)
        switch value {
        case .money(let money):
            json.string("type", "money")
            json.integer("ore", money.ore)
        case .number(let ratio, .bare(let unit)):
            // Written without unit: an amount in the table's unit where one is needed.
            json.string("type", "number")
            json.string("value", SwedishNumberFormat.machine(ratio))
            json.string("unit", unit.rawValue)
        case .number(let ratio, let kind):
            json.string("type", kind == .percent ? "percent" : "number")
            json.string("value", SwedishNumberFormat.machine(ratio))
        }
        json.endObject()
    }
}
