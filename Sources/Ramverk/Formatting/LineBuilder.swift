/// Turns the tokens and comments of a file into lines, from the block structure alone:
/// a statement ends at a line end outside parentheses or at ';', a '{' ends its line and
/// opens a level, a '}' stands on a line of its own. No statement kind is named here,
/// so statements added to the language later are laid out the same way.
struct LineBuilder {
    private let source: SourceFile
    private let trivia: TokensWithTrivia
    private let roles: TokenRoles
    /// Per declared name: true when the parser read it with its spaces made plain.
    private let normalizedNames: [Bool]

    private var lines: [FormatLine] = []
    private var current: [FormatToken] = []
    private var trailingComment: String?
    private var depth = 0
    private var parens = 0
    /// The statement being read has gone on past a line end inside parentheses.
    private var continued = false
    /// The current line continues a statement begun on an earlier line.
    private var onContinuationLine = false
    /// Something (a token or a comment) stood on the current source line.
    private var lineHasContent = false
    /// The line last finished on the current source line (by '{' or ';'): a comment
    /// later on the same source line belongs to it.
    private var finishedOnThisLine: Int?
    private var nameIndex = 0
    private var cellIndex = 0

    init(source: SourceFile, trivia: TokensWithTrivia, roles: TokenRoles) {
        self.source = source
        self.trivia = trivia
        self.roles = roles
        normalizedNames = LineBuilder.normalizedNames(trivia.tokens, roles.names, source.bytes)
    }

    static func build(source: SourceFile, trivia: TokensWithTrivia, roles: TokenRoles) -> [FormatLine] {
        var builder = LineBuilder(source: source, trivia: trivia, roles: roles)
        return builder.run()
    }

    private mutating func run() -> [FormatLine] {
        for (index, token) in trivia.tokens.enumerated() {
            if let comment = trivia.comments[index] { place(comment: source.text(comment)) }
            switch token.kind {
            case .newline:
                newline()
            case .semicolon where parens == 0:
                finishStatement()
                lineHasContent = true
            case .endOfFile:
                finishStatement()
            case .leftBrace:
                append(token)
                finishStatement()
                depth += 1
            case .rightBrace:
                finishStatement()
                depth = max(0, depth - 1)
                append(token)
            default:
                if token.kind == .leftParen { parens += 1 }
                if token.kind == .rightParen { parens = max(0, parens - 1) }
                append(token)
            }
        }
        return lines
    }

    // MARK: - Lines

    private mutating func append(_ token: Token) {
        current.append(formatToken(token))
        lineHasContent = true
    }

    private mutating func place(comment: String) {
        lineHasContent = true
        if !current.isEmpty {
            trailingComment = comment
        } else if let finished = finishedOnThisLine {
            lines[finished].comment = comment
        } else {
            lines.append(FormatLine(kind: .comment, depth: lineDepth, comment: comment))
        }
    }

    private mutating func newline() {
        if parens > 0 {
            // A line end inside parentheses continues the statement on the next line.
            if !current.isEmpty {
                continued = true
                finishLine()
                onContinuationLine = true
            }
        } else if !current.isEmpty {
            finishStatement()
        } else if !lineHasContent {
            lines.append(FormatLine(kind: .blank, depth: depth))
        }
        lineHasContent = false
        finishedOnThisLine = nil
    }

    private mutating func finishLine() {
        guard !current.isEmpty else { return }
        lines.append(FormatLine(kind: .code, depth: lineDepth, tokens: current, comment: trailingComment,
                                spansLines: continued))
        finishedOnThisLine = lines.count - 1
        current = []
        trailingComment = nil
    }

    private mutating func finishStatement() {
        finishLine()
        continued = false
        onContinuationLine = false
        parens = 0
    }

    /// Continuation lines stand two levels deeper than their statement.
    private var lineDepth: Int { depth + (onContinuationLine ? 2 : 0) }

    // MARK: - Tokens

    private mutating func formatToken(_ token: Token) -> FormatToken {
        let names = roles.names
        while nameIndex < names.count && names[nameIndex].upperBound <= token.start { nameIndex += 1 }
        let name = nameIndex < names.count && names[nameIndex].contains(token.start) ? nameIndex : nil
        let cells = roles.cells
        while cellIndex < cells.count && cells[cellIndex].upperBound <= token.start { cellIndex += 1 }
        let cell = cellIndex < cells.count && cells[cellIndex].contains(token.start) ? cells[cellIndex] : nil
        let role = roles.role(of: token)
        let text = CanonicalSpelling.text(of: token, role: role, inNormalizedName: name.map { normalizedNames[$0] } ?? false,
                                          source: source)
        return FormatToken(kind: token.kind, keyword: token.keyword, role: role, text: text,
                           start: token.start, end: token.end, name: name,
                           startsCell: cell?.lowerBound == token.start, endsCell: cell?.upperBound == token.end)
    }

    /// Which names the parser read with `normalizeSpaces` rather than as their source
    /// text: those whose words are not all one plain space (or nothing) apart.
    private static func normalizedNames(_ tokens: [Token], _ names: [Range<Int32>], _ bytes: SourceBytes) -> [Bool] {
        var result = [Bool](repeating: false, count: names.count)
        var index = 0
        var previous: Token?
        for token in tokens {
            while index < names.count && names[index].upperBound <= token.start {
                index += 1
                previous = nil
            }
            guard index < names.count, names[index].contains(token.start) else { continue }
            if let previous, previous.end != token.start,
               !(token.start == previous.end + 1 && bytes[Int(previous.end)] == 0x20) {
                result[index] = true
            }
            previous = token
        }
        return result
    }
}
