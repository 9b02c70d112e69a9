/// How many problems a run reports. Real files have a handful; a file with thousands is
/// almost always no scenario at all (a binary file, a CSV, a line of pasted garbage),
/// and every problem costs time, memory and output: a run shows the first
/// `maximumShown` errors and the first `maximumShown` warnings and notes, then R0608.
public enum DiagnosticLimit {
    public static let maximumShown = 100

    /// The diagnostics a run shows: the first `maximumShown` of each kind, in order,
    /// and R0608 at the first one left out. Errors are never all left out, so a run
    /// with errors still has them. Shown again with more added (a stage run later), the
    /// R0608 already there stays the one, at the end.
    public static func shown(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var errors = 0
        var others = 0
        var kept: [Diagnostic] = []
        var firstLeftOut: Diagnostic?
        for diagnostic in diagnostics {
            if case .tooManyProblems = diagnostic.problem {
                firstLeftOut = firstLeftOut ?? diagnostic
                continue
            }
            let count: Int
            if diagnostic.severity == .error {
                errors += 1
                count = errors
            } else {
                others += 1
                count = others
            }
            if count <= maximumShown {
                kept.append(diagnostic)
            } else if firstLeftOut == nil {
                firstLeftOut = diagnostic
            }
        }
        if let firstLeftOut {
            if case .tooManyProblems = firstLeftOut.problem {
                kept.append(firstLeftOut)
            } else {
                kept.append(Diagnostic(.tooManyProblems(limit: maximumShown), at: firstLeftOut.span))
            }
        }
        return kept
    }
}

/// What one stage (lexer, parser, checker, evaluator) keeps of its problems: one more
/// of each kind than a run shows, so the run knows there were more. A stage stops
/// keeping, and stops spending time on, problems nobody will see — which is what keeps
/// a file of a million errors from costing a million diagnostics.
struct DiagnosticQuota: Sendable {
    private var errors = 0
    private var others = 0

    /// Whether one more diagnostic of `severity` is to be kept; counts it.
    mutating func admits(_ severity: Severity) -> Bool {
        if severity == .error {
            errors += 1
            return errors <= DiagnosticLimit.maximumShown + 1
        }
        others += 1
        return others <= DiagnosticLimit.maximumShown + 1
    }

    /// Whether an error would still be kept: work that only improves a message (a
    /// "menade du" suggestion) is skipped once it would not be.
    var keepsErrors: Bool { errors <= DiagnosticLimit.maximumShown }
}
