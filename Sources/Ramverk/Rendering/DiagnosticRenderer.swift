/// Draws diagnostics for people: `fil:rad:kol: fel[kod]: meddelande`, the source line
/// with a gutter, carets under the culprit (columns count characters, so the caret sits
/// under `ä`), and hints and notes. The one place diagnostics become text.
public struct DiagnosticRenderer: Sendable {
    public var sources: SourceSet
    /// ANSI colour; the shells turn it on only for a terminal.
    public var colour: Bool

    public init(sources: SourceSet, colour: Bool = false) {
        self.sources = sources
        self.colour = colour
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        let severityColour = switch diagnostic.severity {
        case .error: "1;31"
        case .warning: "1;33"
        case .note: "1;36"
        }
        let label = paint("\(diagnostic.severity.rawValue)[\(diagnostic.code)]", severityColour)
        var out = ""
        guard let span = diagnostic.span, Int(span.file) < sources.files.count else {
            out += "\(label): \(paint(DiagnosticRenderer.visible(diagnostic.message), "1"))\n"
            appendFooter(diagnostic, to: &out, gutter: "")
            return out
        }
        let file = sources[span.file]
        let start = min(Int(span.start), file.bytes.count)
        let location = file.location(of: start)
        out += "\(DiagnosticRenderer.visible(file.path)):\(location): \(label): \(paint(DiagnosticRenderer.visible(diagnostic.message), "1"))\n"

        let lineNumber = String(location.line)
        let gutter = String(repeating: " ", count: lineNumber.count)
        let excerpt = DiagnosticRenderer.excerpt(of: file, line: location.line, start: start, end: Int(span.end))
        let lineString = DiagnosticRenderer.visible(excerpt.text)
        out += "\(gutter) \(paint("|", "34"))\n"
        out += "\(paint(lineNumber, "34")) \(paint("|", "34")) \(lineString)\n"
        let padding = String(repeating: " ", count: excerpt.padding)
        out += "\(gutter) \(paint("|", "34")) \(padding)\(paint(String(repeating: "^", count: excerpt.width), severityColour))\n"
        appendFooter(diagnostic, to: &out, gutter: gutter)
        return out
    }

    /// Tabs as one space and other control characters as their visible symbols (NUL →
    /// ␀, ESC → ␛, C1 → �), one column each, so the caret still lines up and no control
    /// character from a file — in its lines, names or paths — reaches the terminal.
    public static func visible(_ text: String) -> String {
        // Bidi controls too: a terminal would reorder the line shown above the caret.
        func isBidi(_ value: UInt32) -> Bool {
            value == 0x200E || value == 0x200F || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
        }
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || isBidi($0.value) })
        else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09: out.append(" ")
            case 0x00..<0x20: out.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: out.append("\u{2421}")
            case 0x80...0x9F: out.append("\u{FFFD}")
            case let value where isBidi(value): out.append("\u{FFFD}")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Lines longer than this (in bytes) are shown in part, around the problem.
    static let longLine = 240
    /// Characters shown before and after the problem on a long line.
    static let context = 60

    /// The line of a problem as shown: the whole line, or on a long one the part around
    /// the problem with "…" where it is cut (a line of a megabyte, shown for each of its
    /// problems, was a gigabyte of output). `padding` is the caret's column less one,
    /// `width` the number of carets (at least one).
    static func excerpt(of file: SourceFile, line: Int, start: Int, end: Int) -> (text: String, padding: Int, width: Int) {
        var lineStart = file.lineBytes(line).startIndex
        let lineEnd = file.lineBytes(line).endIndex
        // A byte-order mark is not text (the lexer skips it): not shown, and no column.
        if lineStart == 0, file.bytes.starts(with: SourceFile.byteOrderMark) { lineStart = min(3, lineEnd) }
        let lineBytes = file.bytes[lineStart..<lineEnd]
        // At a line end (its LF, or the CR of a CR LF) the caret stands after the text.
        let start = min(max(start, lineStart), lineEnd)
        let spanEnd = max(start, min(end, lineEnd))
        func characters(_ range: Range<Int>) -> Int {
            String(decoding: file.bytes[range], as: UTF8.self).count
        }
        guard lineBytes.count > longLine else {
            return (String(decoding: lineBytes, as: UTF8.self), characters(lineStart..<start),
                    max(1, characters(start..<spanEnd)))
        }
        // Cut at character boundaries: never inside the bytes of an ä.
        func isContinuation(_ offset: Int) -> Bool { offset < lineEnd && file.bytes[offset] & 0xC0 == 0x80 }
        var from = max(lineStart, start - context * 2)
        while from < start, isContinuation(from) { from += 1 }
        var to = min(lineEnd, min(spanEnd, start + longLine) + context * 2)
        while to > spanEnd, isContinuation(to) { to -= 1 }
        let before = from > lineStart ? "…" : ""
        let after = to < lineEnd ? "…" : ""
        let text = before + String(decoding: file.bytes[from..<to], as: UTF8.self) + after
        return (text, before.count + characters(from..<start), max(1, characters(start..<min(spanEnd, to))))
    }

    private func appendFooter(_ diagnostic: Diagnostic, to out: inout String, gutter: String) {
        if let help = diagnostic.help {
            out += "\(gutter) \(paint("=", "34")) hjälp: \(DiagnosticRenderer.visible(help))\n"
        }
        for note in diagnostic.notes {
            var text = note.message
            if let span = note.span, Int(span.file) < sources.files.count {
                let file = sources[span.file]
                text += " (\(file.path):\(file.location(of: Int(span.start))))"
            }
            out += "\(gutter) \(paint("=", "34")) not: \(DiagnosticRenderer.visible(text))\n"
        }
    }

    /// One line per diagnostic, for summaries and machine-ish logs.
    public func location(_ span: SourceSpan) -> String {
        guard Int(span.file) < sources.files.count else { return "?" }
        let file = sources[span.file]
        return "\(file.path):\(file.location(of: Int(span.start)))"
    }
}
