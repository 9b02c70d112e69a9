/// One line of the formatted file before its columns are aligned: a statement (or the
/// part of one on this line), an own-line comment, or a blank line.
struct FormatLine {
    enum Kind { case code, comment, blank }

    var kind: Kind
    /// Block depth; the lines after the first of a statement written over several
    /// lines (inside parentheses) are two levels deeper.
    var depth: Int
    var tokens: [FormatToken] = []
    /// The text of an own-line comment, or the comment at the end of a code line.
    var comment: String?
    /// Part of a statement written over several lines: such lines are never aligned.
    var spansLines = false

    var isCode: Bool { kind == .code }
    var opensBlock: Bool { tokens.last?.kind == .leftBrace }
    var closesBlock: Bool { tokens.first?.kind == .rightBrace }
    /// A line of a table: a statement on one line with cells, whose first cell need not
    /// stand tight against the name before it (see `TokenSpacing.endsNameTightly`).
    var isTableRow: Bool {
        guard kind == .code, !spansLines, let first = tokens.firstIndex(where: \.startsCell) else { return false }
        return first == 0 || !TokenSpacing.endsNameTightly(tokens[first - 1], tokens[first])
    }
}
