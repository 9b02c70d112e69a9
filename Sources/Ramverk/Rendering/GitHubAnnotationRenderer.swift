/// Renders a `kontrollera` run as GitHub Actions workflow commands, one line per
/// problem, which GitHub shows as annotations on the lines of the pull request:
///
///     ::error file=a.ramverk,line=3,col=5,endLine=3,endColumn=9,title=R0301::okänt namn 'x'
///
/// Errors and failed checks are `::error`, warnings `::warning`, notes `::notice`; the
/// summary line ends the output. Values are escaped as the GitHub Actions toolkit does:
/// `%`, CR and LF in the message, and also `:` and `,` in properties.
public struct GitHubAnnotationRenderer: Sendable {
    /// As for text: no notes and no summary, so a clean run prints nothing.
    public var quiet: Bool
    /// `--varningar-som-fel`: warnings are `::error`, as they fail the run.
    public var warningsAsErrors: Bool

    public init(quiet: Bool = false, warningsAsErrors: Bool = false) {
        self.quiet = quiet
        self.warningsAsErrors = warningsAsErrors
    }

    public func render(_ result: BatchResult) -> String {
        var out = ""
        for file in result.files { out += render(file) }
        if !quiet { out += BatchTextRenderer.summary(result.tally, warningsAsErrors: warningsAsErrors) + "\n" }
        return out
    }

    public func render(_ file: CheckedFile) -> String {
        if let error = file.readError {
            return command("error", file: nil, title: "ramverk", message: "\(file.path): kan inte läsas: \(error.reason)")
        }
        var out = ""
        for diagnostic in file.diagnostics where !(quiet && diagnostic.severity == .note) {
            let kind = switch diagnostic.severity {
            case .error: "error"
            case .warning: warningsAsErrors ? "error" : "warning"
            case .note: "notice"
            }
            // Hints and notes go into the message, one per line, as the text shows them.
            var message = diagnostic.message
            if let help = diagnostic.help { message += "\nhjälp: \(help)" }
            for note in diagnostic.notes {
                message += "\nnot: \(note.message)"
                if let place = SpanPosition(note.span, in: file.sources) {
                    message += " (\(place.path):\(place.start))"
                }
            }
            let position = SpanPosition(diagnostic.span, in: file.sources)
            out += command(kind, file: position ?? fileOnly(file), title: diagnostic.code, message: message)
        }
        for check in file.failedChecks {
            out += command("error", file: SpanPosition(check.span, in: file.sources) ?? fileOnly(file),
                           title: "Kontroll stämmer inte", message: CheckText.line(check, unit: file.unit))
        }
        return out
    }

    /// A problem without a place in its file is shown on the file as a whole.
    private func fileOnly(_ file: CheckedFile) -> SpanPosition {
        SpanPosition(path: file.path, start: SourceLocation(line: 0, column: 0), end: SourceLocation(line: 0, column: 0))
    }

    /// `::kind file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`. GitHub
    /// takes columns only within one line, so a span over several lines gives lines
    /// and its first column.
    func command(_ kind: String, file position: SpanPosition?, title: String, message: String) -> String {
        var properties: [String] = []
        if let position {
            properties.append("file=\(GitHubAnnotationRenderer.escapeProperty(position.path))")
            if position.start.line > 0 {
                properties.append("line=\(position.start.line)")
                properties.append("col=\(position.start.column)")
                properties.append("endLine=\(position.end.line)")
                if position.end.line == position.start.line { properties.append("endColumn=\(position.end.column)") }
            }
        }
        properties.append("title=\(GitHubAnnotationRenderer.escapeProperty(title))")
        return "::\(kind) \(properties.joined(separator: ","))::\(GitHubAnnotationRenderer.escapeData(message))\n"
    }

    /// The message of a workflow command: `%`, CR and LF as percent escapes.
    public static func escapeData(_ text: String) -> String {
        escape(text, property: false)
    }

    /// A property value: as a message, and also `:` and `,`, which separate properties.
    public static func escapeProperty(_ text: String) -> String {
        escape(text, property: true)
    }

    private static func escape(_ text: String, property: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where property: out += "%3A"
            case "," where property: out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
