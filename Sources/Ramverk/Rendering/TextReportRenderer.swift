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

    public func render(_ report: DriftbudgetReport, riskAnalysis: RiskAnalysisResult? = nil) -> String {
        var output = TextOutput()
        render(report, riskAnalysis: riskAnalysis, to: &output)
        return output.string
    }

    /// Writes the report into `output` (which may stream it to a file or terminal);
    /// the risk- och känslighetsanalys, if given, goes before the checks.
    public func render(_ report: DriftbudgetReport, riskAnalysis: RiskAnalysisResult? = nil, to output: inout TextOutput) {
        renderHead(report, to: &output)
        output.append(renderRiskAnalysis(riskAnalysis, unit: report.unit) + renderChecks(report))
    }

    /// The part of the report before the risk- och känslighetsanalys: the driftbudget,
    /// named values, rams and their bridges, reserves, carry-overs, capital gains,
    /// balances and the risks as described. Written apart so that `kör` can render it
    /// while its simulation runs; `renderRiskAnalysis` and `renderChecks` follow it.
    public func renderHead(_ report: DriftbudgetReport, to output: inout TextOutput) {
        output.append("Driftbudget\n")
        if let owner = ReportOwner.line(municipality: report.municipality, committee: report.committee) {
            output.append(owner + "\n")
        }
        output.append("Belopp i \(report.unit.rawValue) (\(report.sign.phrase))\n\n")
        for table in report.tables where !table.rows.isEmpty { renderTable(report, table, to: &output) }
        var out = ""
        if !report.namedValues.isEmpty { renderNamedValues(report, into: &out) }
        if !report.rams.isEmpty { renderRams(report, into: &out) }
        for ram in report.rams where !ram.revisions.isEmpty { renderRevisions(ram, unit: report.unit, into: &out) }
        for bridge in report.bridges { renderBridge(bridge, unit: report.unit, into: &out) }
        for reserve in report.reserves { renderReserve(reserve, unit: report.unit, into: &out) }
        for carryOver in report.carryOvers { renderCarryOver(carryOver, unit: report.unit, into: &out) }
        if !report.capitalGains.isEmpty { renderCapitalGains(report.capitalGains, unit: report.unit, into: &out) }
        for balance in report.balances { renderBalance(balance, unit: report.unit, into: &out) }
        if !report.risks.isEmpty { renderRisks(report.risks, into: &out) }
        output.append(out)
    }

    /// The risk- och känslighetsanalys section, empty without one (or without a year).
    public func renderRiskAnalysis(_ riskAnalysis: RiskAnalysisResult?, unit: MoneyUnit) -> String {
        guard let riskAnalysis, riskAnalysis.year != nil else { return "" }
        return TextRiskRenderer(unit: unit, colour: colour).render(riskAnalysis) + "\n"
    }

    /// Shown as "–" in a percentage column: a change from zero has no percentage.
    static let noPercentage = Int64.min

    func trimTrailing(_ line: String) -> String {
        var line = line
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }
}
