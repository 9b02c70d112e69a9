/// Renders a `kontrollera` run as JSON, schema `ramverk.kontrollera/1`
/// (docs/json.md, docs/schema/kontrollera.schema.json): per file its status, its
/// diagnostics with start and end, and its failed checks (as `kör` writes checks, with
/// their message); then the counts of the run. Identifiers are English, texts Swedish.
public struct JSONDiagnosticsRenderer: Sendable {
    public static let schema = "ramverk.kontrollera/1"

    public init() {}

    /// `exitCode` and `warningsAsErrors` are the shell's: they go into the summary so a
    /// reader of the document alone knows how the run ended.
    public func render(_ result: BatchResult, exitCode: Int32, warningsAsErrors: Bool) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.string("schema", JSONDiagnosticsRenderer.schema)
        json.beginArray("files")
        for file in result.files { render(file, into: &json) }
        json.endArray()
        let tally = result.tally
        json.beginObject("summary")
        json.integer("files", Int64(tally.files))
        json.integer("unreadable", Int64(tally.unreadable))
        json.integer("errors", Int64(tally.errors))
        json.integer("warnings", Int64(tally.warnings))
        json.integer("notes", Int64(tally.notes))
        json.integer("checks", Int64(tally.checks))
        json.integer("failedChecks", Int64(tally.failedChecks))
        json.bool("warningsAsErrors", warningsAsErrors)
        json.integer("exitCode", Int64(exitCode))
        json.string("text", BatchTextRenderer.summary(tally, warningsAsErrors: warningsAsErrors))
        json.endObject()
        json.endObject()
        return json.output
    }

    private func render(_ file: CheckedFile, into json: inout JSONWriter) {
        json.beginObject()
        json.string("path", file.path)
        json.string("status", file.status.rawValue)
        json.string("readError", file.readError?.reason)
        json.beginArray("diagnostics")
        for diagnostic in file.diagnostics { render(diagnostic, of: file, into: &json) }
        json.endArray()
        json.integer("checks", Int64(file.checkCount))
        json.beginArray("failedChecks")
        let checks = JSONReportRenderer(sources: file.sources)
        for check in file.failedChecks {
            checks.renderCheck(check, into: &json, message: CheckText.line(check, unit: file.unit))
        }
        json.endArray()
        json.endObject()
    }

    private func render(_ diagnostic: Diagnostic, of file: CheckedFile, into json: inout JSONWriter) {
        json.beginObject()
        let position = SpanPosition(diagnostic.span, in: file.sources)
        // A problem of an included file names that file; one without a place, the file
        // the run was for.
        json.string("file", position?.path ?? file.path)
        json.integer("line", position.map { Int64($0.start.line) })
        json.integer("column", position.map { Int64($0.start.column) })
        json.integer("endLine", position.map { Int64($0.end.line) })
        json.integer("endColumn", position.map { Int64($0.end.column) })
        json.string("severity", JSONDiagnosticsRenderer.severity(diagnostic.severity))
        json.string("code", diagnostic.code)
        json.string("message", diagnostic.message)
        json.string("help", diagnostic.help)
        json.beginArray("notes")
        for note in diagnostic.notes {
            let place = SpanPosition(note.span, in: file.sources)
            json.beginObject()
            json.string("message", note.message)
            json.string("file", place?.path)
            json.integer("line", place.map { Int64($0.start.line) })
            json.integer("column", place.map { Int64($0.start.column) })
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }

    /// Stable English identifiers; the Swedish words are the text format's.
    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }
}
