/// The data of `ramverk jämför`: the base and each scenario side by side, for the year
/// analysed — every område and post, the rams, the result, the reserves left, and with
/// a risk analysis P50 and P(resultat < 0) — plus which checks fail in each.
public struct ComparisonReport: Sendable {
    public enum Value: Sendable, Equatable {
        /// An amount (nil: the outcome does not have the line, or it has no value).
        case money(Money?)
        /// A share, such as a probability.
        case share(Ratio?)
    }

    public struct Row: Sendable {
        public enum Kind: Sendable { case area, post, total, figure }
        public var kind: Kind
        public var name: String
        public var depth: Int
        /// One per outcome, the base first.
        public var values: [Value]
        /// Some outcome differs from the base.
        public var changed: Bool
    }

    public struct Checks: Sendable {
        public var total: Int
        public var failed: [String]
    }

    /// "Bas" and the scenarios' names.
    public var outcomes: [String]
    public var year: Int?
    public var columnLabel: String
    public var unit: MoneyUnit
    /// The driftbudget rows (sign as the report shows it: cost positive for net cost).
    public var rows: [Row]
    /// Ram kvar, resultat, reserves, risk figures (result sign: positive is better).
    public var figures: [Row]
    public var checks: [Checks]
    /// Per outcome, its risk analysis when the file has one (for charts).
    public var riskAnalyses: [RiskAnalysisResult?] = []
    /// "Haninge kommun · Kommunstyrelsen", when the file says.
    public var owner: String?
}

public enum ComparisonReportBuilder {
    /// `onlyChanged`: leave out rows where every scenario equals the base (areas stay
    /// when a line in them changed).
    public static func build(model: Model, outcomes: [Alternatives.Outcome], onlyChanged: Bool = false) -> ComparisonReport {
        let year = RiskAnalysis.year(of: model)
        let column = year.flatMap { model.column(forYear: $0) } ?? 0
        var rows: [ComparisonReport.Row] = []
        func money(_ values: [Money?]) -> [ComparisonReport.Value] { values.map { .money($0) } }
        func changed(_ values: [ComparisonReport.Value]) -> Bool { values.dropFirst().contains { $0 != values.first } }
        // In the sign the report shows: the model's display sign.
        let flip = model.displaySign.factor < 0
        func shown(_ money: Money?) -> Money? { money.flatMap { $0.negatedIf(flip) } }

        // Plain arrays, taken once: a row per post reads them a million times, and going
        // through each outcome (a struct of many arrays) would copy it every time.
        let columns = max(model.columns.count, 1)
        let cellValues = outcomes.map(\.evaluation.cellValues)
        let cellPresent = outcomes.map(\.evaluation.cellPresent)
        let areaValues = outcomes.map(\.evaluation.areaValues)
        let hidden = outcomes.map(\.hiddenPosts)
        var scratch = [Money?](repeating: nil, count: outcomes.count)

        func add(_ members: [Member], depth: Int) {
            for member in members {
                switch member {
                case .post(let post):
                    let index = post * columns + column
                    var present = false
                    var differs = false
                    for outcome in scratch.indices {
                        let here = !hidden[outcome].contains(post) && cellPresent[outcome][index]
                        if !hidden[outcome].contains(post) { present = true }
                        scratch[outcome] = here ? shown(cellValues[outcome][index]) : nil
                        if scratch[outcome] != scratch[0] { differs = true }
                    }
                    guard present, differs || !onlyChanged else { continue }
                    rows.append(.init(kind: .post, name: model.posts[post].name, depth: depth, values: money(scratch),
                                      changed: differs))
                case .area(let area):
                    let start = rows.count
                    rows.append(.init(kind: .area, name: model.areas[area].name, depth: depth, values: [], changed: false))
                    add(model.areas[area].members, depth: depth + 1)
                    let values = money(areaValues.map { shown($0[area * columns + column]) })
                    rows.append(.init(kind: .total, name: "Summa \(model.areas[area].name)", depth: depth, values: values,
                                      changed: changed(values)))
                    rows[start].changed = rows[start...].contains { $0.changed }
                    // An area without any value in the column, or (asked for) without a
                    // change, is not part of the comparison.
                    if values.allSatisfy({ $0 == .money(nil) }) || (onlyChanged && !rows[start].changed) {
                        rows.removeSubrange(start...)
                    }
                case .named:
                    continue
                }
            }
        }
        add(model.topLevel, depth: 0)

        var figures: [ComparisonReport.Row] = []
        func figure(_ name: String, _ values: [ComparisonReport.Value]) {
            figures.append(.init(kind: .figure, name: name, depth: 0, values: values, changed: changed(values)))
        }
        let yearRams = model.rams.filter { $0.year == year }
        for (index, ram) in yearRams.enumerated() {
            figure("Ram \(ram.year)", money(outcomes.map { outcome in
                model.rams.firstIndex { $0.year == ram.year }.flatMap { outcome.evaluation.rams[$0] }
            }))
            figure("Kvar av ram \(ram.year)", money(outcomes.map { $0.figures.ramRemaining[safe: index] ?? nil }))
        }
        figure("Resultat", money(outcomes.map(\.figures.result)))
        let analysis = outcomes.first?.riskAnalysis
        let separate = model.balances.contains { $0.year == year } || model.capitalGains.contains { $0.year == year }
        if separate {
            let name = model.balances.contains { $0.year == year } ? "Balanskravsresultat" : "Resultat exkl. realisationsvinster"
            figure(name, money(outcomes.map(\.figures.balanceResult)))
        }
        for (index, reserve) in (outcomes.first?.evaluation.reserves ?? []).enumerated() {
            figure("Reserv \(reserve.name) kvar", money(outcomes.map { $0.evaluation.reserves[safe: index]?.remaining }))
        }
        if analysis?.simulation != nil {
            figure("Resultat P50", money(outcomes.map { $0.riskAnalysis?.simulation?.result.p50 }))
            figure("P(resultat < 0)", outcomes.map { .share($0.riskAnalysis?.simulation?.result.shareBelowZero) })
        }
        let checks = outcomes.map { outcome in
            ComparisonReport.Checks(total: outcome.evaluation.checks.count,
                                    failed: outcome.evaluation.checks.filter { !$0.passed }.map(\.subject))
        }
        if onlyChanged {
            rows = rows.filter { $0.changed }
            figures = figures.filter { $0.changed }
        }
        return ComparisonReport(outcomes: outcomes.map(\.name), year: year,
                                columnLabel: model.columns.isEmpty ? "" : model.columns[column].label,
                                unit: model.displayUnit, rows: rows, figures: figures, checks: checks,
                                riskAnalyses: outcomes.map(\.riskAnalysis),
                                owner: ReportOwner.line(municipality: model.municipality, committee: model.committee))
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
