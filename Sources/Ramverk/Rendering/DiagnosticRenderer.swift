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
            out += "\(label): \(paint(diagnostic.message, "1"))\n"
            appendFooter(diagnostic, to: &out, gutter: "")
            return out
        }
        let file = sources[span.file]
        let start = min(Int(span.start), file.bytes.count)
        let location = file.location(of: start)
        out += "\(file.path):\(location): \(label): \(paint(diagnostic.message, "1"))\n"

        let lineNumber = String(location.line)
        let gutter = String(repeating: " ", count: lineNumber.count)
        // Tabs as one space and other control characters as their visible symbols
        // (NUL → ␀), one column each, so the caret still lines up and no control
        // character reaches the terminal.
        var lineString = ""
        for scalar in file.lineText(location.line).unicodeScalars {
            if scalar == "\t" { lineString += " " }
            else if scalar.value < 0x20 || scalar.value == 0x7F {
                lineString.unicodeScalars.append(Unicode.Scalar(scalar.value == 0x7F ? 0x2421 : 0x2400 + scalar.value)!)
            } else { lineString.unicodeScalars.append(scalar) }
        }
        out += "\(gutter) \(paint("|", "34"))\n"
        out += "\(paint(lineNumber, "34")) \(paint("|", "34")) \(lineString)\n"
        // Carets under the span's characters on this line (at least one).
        let lineEndOffset = Int(file.lineStarts[location.line - 1]) + file.lineBytes(location.line).count
        let end = max(start, min(Int(span.end), lineEndOffset))
        let width = max(1, String(decoding: file.bytes[start..<end], as: UTF8.self).count)
        let padding = String(repeating: " ", count: location.column - 1)
        out += "\(gutter) \(paint("|", "34")) \(padding)\(paint(String(repeating: "^", count: width), severityColour))\n"
        appendFooter(diagnostic, to: &out, gutter: gutter)
        return out
    }

    private func appendFooter(_ diagnostic: Diagnostic, to out: inout String, gutter: String) {
        if let help = diagnostic.help {
            out += "\(gutter) \(paint("=", "34")) hjälp: \(help)\n"
        }
        for note in diagnostic.notes {
            var text = note.message
            if let span = note.span, Int(span.file) < sources.files.count {
                let file = sources[span.file]
                text += " (\(file.path):\(file.location(of: Int(span.start))))"
            }
            out += "\(gutter) \(paint("=", "34")) not: \(text)\n"
        }
    }

    /// One line per diagnostic, for summaries and machine-ish logs.
    public func location(_ span: SourceSpan) -> String {
        guard Int(span.file) < sources.files.count else { return "?" }
        let file = sources[span.file]
        return "\(file.path):\(file.location(of: Int(span.start)))"
    }
}
