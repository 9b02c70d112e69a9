/// The risk- och känslighetsanalys as JSON: the `riskAnalysis` object shared by
/// `ramverk.kör/1` and `ramverk.risk/1` (docs/json.md, docs/schema/risk.schema.json).
/// Amounts are integers of öre in result sign; shares and correlations are decimal
/// numbers with six decimals, with the exact counts beside them.
public struct JSONRiskRenderer: Sendable {
    public static let schema = "ramverk.risk/1"

    public init() {}

    /// A whole `ramverk risk --format json` document.
    public func render(_ analysis: RiskAnalysisResult, unit: MoneyUnit) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.string("schema", JSONRiskRenderer.schema)
        json.string("unit", unit.rawValue)
        json.string("amounts", "öre")
        render(analysis, key: "riskAnalysis", into: &json)
        json.endObject()
        return json.output + "\n"
    }

    /// The `riskAnalysis` object (null without an analysed year).
    func render(_ analysis: RiskAnalysisResult?, key: String, into json: inout JSONWriter) {
        guard let analysis, let year = analysis.year else {
            json.raw(key, "null")
            return
        }
        json.beginObject(key)
        json.integer("year", Int64(year))
        json.string("column", analysis.columnLabel)
        json.string("resultDefinition", analysis.definition.rawValue)
        json.beginObject("base")
        json.integer("result", analysis.base.result?.ore)
        json.integer("balanceResult", analysis.base.balanceResult?.ore)
        json.integer("netCost", analysis.base.netCost?.ore)
        json.beginArray("ramRemaining")
        for (ramYear, amount) in zip(analysis.ramYears, analysis.base.ramRemaining) {
            json.beginObject()
            json.integer("year", Int64(ramYear))
            json.integer("amount", amount?.ore)
            json.endObject()
        }
        json.endArray()
        json.beginArray("followed")
        for (label, amount) in zip(analysis.followedLabels, analysis.base.followed) {
            json.beginObject()
            json.string("label", label)
            json.integer("amount", amount?.ore)
            json.endObject()
        }
        json.endArray()
        json.endObject()

        json.beginArray("assumptions")
        for assumption in analysis.assumptions {
            json.beginObject()
            json.string("name", assumption.name)
            JSONReportRenderer(sources: SourceSet()).renderValue("value", assumption.value, into: &json)
            json.endObject()
        }
        json.endArray()

        json.beginArray("sensitivities")
        let ranked = TextRiskRenderer.ranked(analysis.sensitivities)
        for row in analysis.sensitivities {
            json.beginObject()
            json.string("label", row.label)
            json.integer("rank", ranked.firstIndex { $0.span == row.span }.map { Int64($0 + 1) })
            json.integer("resultEffect", row.resultEffect?.ore)
            json.integer("balanceEffect", row.balanceEffect?.ore)
            json.beginArray("followedEffects")
            for (label, effect) in zip(analysis.followedLabels, row.followedEffects) {
                json.beginObject()
                json.string("label", label)
                json.integer("effect", effect?.ore)
                json.endObject()
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()

        if let simulation = analysis.simulation {
            renderSimulation(simulation, into: &json)
        } else {
            json.raw("simulation", "null")
        }
        json.endObject()
    }

    private func renderSimulation(_ simulation: SimulationSummary, into json: inout JSONWriter) {
        json.beginObject("simulation")
        json.integer("iterations", Int64(simulation.iterations))
        json.string("seed", String(simulation.seed))
        json.integer("failedIterations", Int64(simulation.failedIterations))
        json.string("percentileRule", "lower")
        json.beginArray("figures")
        for figure in simulation.figures {
            json.beginObject()
            switch figure.kind {
            case .result: json.string("kind", "result")
            case .balanceResult: json.string("kind", "balanceResult")
            case .ramRemaining(let year):
                json.string("kind", "ramRemaining")
                json.integer("year", Int64(year))
            case .followed(let label):
                json.string("kind", "followed")
                json.string("label", label)
            }
            json.integer("mean", figure.mean.ore)
            json.integer("p5", figure.p5.ore)
            json.integer("p50", figure.p50.ore)
            json.integer("p95", figure.p95.ore)
            json.integer("min", figure.minimum.ore)
            json.integer("max", figure.maximum.ore)
            json.integer("belowZero", Int64(figure.belowZero))
            json.raw("shareBelowZero", SwedishNumberFormat.machine(figure.shareBelowZero))
            json.endObject()
        }
        json.endArray()
        json.beginArray("contributions")
        for contribution in simulation.contributions {
            json.beginObject()
            json.string("risk", contribution.name)
            json.raw("correlation", SwedishNumberFormat.machine(contribution.correlation))
            json.raw("varianceShare", SwedishNumberFormat.machine(contribution.varianceShare))
            json.endObject()
        }
        json.endArray()
        json.beginObject("histogram")
        json.integer("min", simulation.result.minimum.ore)
        json.integer("max", simulation.result.maximum.ore)
        json.beginArray("counts")
        for count in simulation.histogram() { json.integer(nil, Int64(count)) }
        json.endArray()
        json.endObject()
        json.endObject()
    }
}
