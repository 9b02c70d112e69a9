/// Single sections of the `kör` report, for a shell that shows one at a time (the
/// REPL's `:kontroll`, `:visa`, what-if answers): the same text as in the full report.
extension TextReportRenderer {
    /// The Kontroller section with its closing line.
    public func renderChecks(_ report: DriftbudgetReport) -> String {
        var out = ""
        renderChecks(report, into: &out)
        return out
    }

    /// One check that does not hold: the cross, what was found, and where it is written.
    public func renderFailedCheck(_ check: CheckResult, unit: MoneyUnit) -> String {
        var out = ""
        renderFailedCheck(check, unit: unit, into: &out)
        return out
    }

    /// A reserve with its decisions in date order.
    public func renderReserve(_ reserve: ReserveResult, unit: MoneyUnit) -> String {
        var out = ""
        renderReserve(reserve, unit: unit, into: &out)
        return out
    }

    /// The Ramar section.
    public func renderRams(_ report: DriftbudgetReport) -> String {
        var out = ""
        if !report.rams.isEmpty { renderRams(report, into: &out) }
        for ram in report.rams where !ram.revisions.isEmpty { renderRevisions(ram, unit: report.unit, into: &out) }
        return out
    }

    /// A value as the report shows it: amounts in `unit` (without the unit's name),
    /// percentages with as many decimals as they need, other numbers as written.
    public static func text(of value: Value, unit: MoneyUnit) -> String {
        TextReportRenderer(sources: SourceSet()).format(value, unit)
    }
}
