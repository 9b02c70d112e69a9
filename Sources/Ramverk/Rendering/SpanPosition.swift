/// Where a span lies as tools count it: 1-based lines and character columns, both ends
/// inclusive (`end` is the span's last character, so a one-character span starts and
/// ends on the same column). For the JSON diagnostics and GitHub annotations.
struct SpanPosition: Equatable {
    var path: String
    var start: SourceLocation
    var end: SourceLocation

    init(path: String, start: SourceLocation, end: SourceLocation) {
        self.path = path
        self.start = start
        self.end = end
    }

    init?(_ span: SourceSpan?, in sources: SourceSet) {
        guard let span, Int(span.file) < sources.files.count else { return nil }
        let file = sources[span.file]
        let startOffset = min(Int(span.start), file.bytes.count)
        let endOffset = min(max(Int(span.end), startOffset), file.bytes.count)
        path = file.path
        start = file.location(of: startOffset)
        if endOffset == startOffset {
            end = start
        } else {
            // The column after the span, less one, is its last character's: counting
            // back one byte would land inside a character of several bytes (ä).
            let after = file.location(of: endOffset)
            end = after.column > 1
                ? SourceLocation(line: after.line, column: after.column - 1)
                : file.location(of: endOffset - 1)  // the span ends with its line's end
        }
    }
}
