/// Renders a `kontrollera` run as text for people: per file a line saying what it came
/// to, then its diagnostics (drawn by `DiagnosticRenderer`) and its failed checks (as
/// `kör` shows them), and last one line summing up the run:
///
///     haninge-2021.ramverk: 8 av 105 kontroller stämmer inte, 2 noter
///     …
///     2 filer, 2 noter, 11 kontroller stämmer inte
public struct BatchTextRenderer: Sendable {
    /// ANSI colour; the shell turns it on only for a terminal.
    public var colour: Bool
    /// Only problems: no line for a file without any, no notes and no summary, so a
    /// clean run prints nothing.
    public var quiet: Bool
    /// `--varningar-som-fel`: the summary says that the warnings fail the run.
    public var warningsAsErrors: Bool

    public init(colour: Bool = false, quiet: Bool = false, warningsAsErrors: Bool = false) {
        self.colour = colour
        self.quiet = quiet
        self.warningsAsErrors = warningsAsErrors
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    public func render(_ result: BatchResult) -> String {
        var out = ""
        for file in result.files { out += render(file) }
        if !quiet {
            // One blank line between the files and the summary.
            if !out.isEmpty && !out.hasSuffix("\n\n") { out += "\n" }
            out += paint(BatchTextRenderer.summary(result.tally, warningsAsErrors: warningsAsErrors), "1") + "\n"
        }
        return out
    }

    /// One file: its line, and when it has any, its diagnostics and failed checks
    /// followed by a blank line. Empty for a file without problems when quiet.
    public func render(_ file: CheckedFile) -> String {
        let diagnostics = quiet ? file.diagnostics.filter { $0.severity != .note } : file.diagnostics
        let hasDetails = !diagnostics.isEmpty || !file.failedChecks.isEmpty
        if quiet && !hasDetails && file.readError == nil { return "" }
        let colour = file.status == .ok ? "32" : "31"
        var out = paint(file.path, "1") + ": " + paint(status(file), colour) + "\n"
        guard hasDetails else { return out }
        out += DiagnosticRenderer(sources: file.sources, colour: self.colour).render(diagnostics)
        let checks = TextReportRenderer(sources: file.sources, colour: self.colour)
        for check in file.failedChecks { checks.renderFailedCheck(check, unit: file.unit, into: &out) }
        return out + "\n"
    }

    /// What a file came to, after its path: "8 av 105 kontroller stämmer inte, 2 noter".
    func status(_ file: CheckedFile) -> String {
        if let error = file.readError { return "kan inte läsas: \(error.reason)" }
        let errors = file.count(.error)
        var parts: [String] = []
        if errors > 0 {
            parts.append("\(errors) fel")
        } else {
            let failed = file.failedChecks.count
            switch (failed, file.checkCount) {
            case (_, 0): parts.append("inga kontroller")
            case (0, 1): parts.append("kontrollen stämmer")
            case (0, let count): parts.append("alla \(count) kontroller stämmer")
            case (_, 1): parts.append("kontrollen stämmer inte")
            case (let failed, let count): parts.append("\(failed) av \(count) kontroller stämmer inte")
            }
        }
        parts += BatchTextRenderer.counts(warnings: file.count(.warning), notes: quiet ? 0 : file.count(.note))
        let text = parts.joined(separator: ", ")
        return errors > 0 ? text + "; inget räknades ut" : text
    }

    /// The run in one line: "12 filer, 3 fel, 1 varning, 2 kontroller stämmer inte".
    /// With `warningsAsErrors`, warnings say that they count as errors ("1 varning
    /// (räknas som fel)"), since they decide the exit code.
    public static func summary(_ tally: BatchTally, warningsAsErrors: Bool = false) -> String {
        var parts = [count(tally.files, "fil", "filer")]
        if tally.unreadable > 0 {
            parts.append(count(tally.unreadable, "sökväg kan inte läsas", "sökvägar kan inte läsas"))
        }
        if tally.errors > 0 { parts.append("\(tally.errors) fel") }
        var counted = counts(warnings: tally.warnings, notes: tally.notes)
        if warningsAsErrors && tally.warnings > 0 { counted[0] += " (räknas som fel)" }
        parts += counted
        if tally.failedChecks > 0 {
            parts.append(count(tally.failedChecks, "kontroll stämmer inte", "kontroller stämmer inte"))
        } else if tally.checks == 1 {
            parts.append("1 kontroll stämmer")
        } else if tally.checks > 1 {
            parts.append("alla \(tally.checks) kontroller stämmer")
        }
        return parts.joined(separator: ", ")
    }

    private static func counts(warnings: Int, notes: Int) -> [String] {
        var parts: [String] = []
        if warnings > 0 { parts.append(count(warnings, "varning", "varningar")) }
        if notes > 0 { parts.append(count(notes, "not", "noter")) }
        return parts
    }

    /// "1 fil", "2 filer": Swedish has a singular and a plural.
    private static func count(_ number: Int, _ singular: String, _ plural: String) -> String {
        "\(number) \(number == 1 ? singular : plural)"
    }
}
