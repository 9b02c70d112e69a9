/// The parser's view of the lexer: a small lookahead buffer over tokens pulled on
/// demand, the number value of each number token, and the rule that line ends inside
/// parentheses do not end a statement.
struct TokenStream {
    private struct Entry {
        var token: Token
        var number: NumberLiteral
    }

    private(set) var lexer: Lexer
    /// A ring of looked-ahead tokens: `count` of them from `head`. Its size is a power
    /// of two and grows only when a long run of line ends is looked past.
    private var ring: [Entry]
    private var head = 0
    private var count = 0
    /// Open parentheses around the current position; line ends are skipped inside.
    var parenDepth = 0
    /// The last consumed token, for spans that end at it and for hints.
    private(set) var previous = Token(kind: .newline, start: 0, end: 0)
    var previousEnd: Int32 { previous.end }

    init(lexer: Lexer) {
        self.lexer = lexer
        let empty = Entry(token: Token(kind: .endOfFile, start: 0, end: 0), number: NumberLiteral(mantissa: 0, decimals: 0))
        ring = Array(repeating: empty, count: 8)
    }

    var file: SourceFile { lexer.file }
    var fileIndex: Int32 { lexer.fileIndex }

    private mutating func fill(_ needed: Int) {
        while count < needed {
            if count == ring.count { grow() }
            let token = lexer.next()
            let number = token.kind == .number ? lexer.numberValue : NumberLiteral(mantissa: 0, decimals: 0)
            ring[(head + count) & (ring.count - 1)] = Entry(token: token, number: number)
            count += 1
        }
    }

    private mutating func grow() {
        var bigger = ring + ring
        for offset in 0..<count { bigger[offset] = ring[(head + offset) & (ring.count - 1)] }
        ring = bigger
        head = 0
    }

    private func entry(_ offset: Int) -> Entry {
        ring[(head + offset) & (ring.count - 1)]
    }

    /// Keywords that can only start a statement: inside parentheses, a line end
    /// followed by one of these ends the expression (so a missing ')' does not swallow
    /// the rest of the file).
    private static func startsStatement(_ token: Token) -> Bool {
        switch token.kind {
        case .rightBrace, .endOfFile: return true
        case .keyword:
            switch token.keyword {
            // Words that only ever open a statement (not `ram` or `summa`, which also
            // appear inside expressions).
            case .post, .omrade, .lat, .kolumn, .enhet, .tecken, .inkludera, .ramforandring,
                 .kommun, .namnd, .styrelse, .tolerans, .forvanta, .kontroll, .unika, .reserv, .profil,
                 .justering, .balanskrav, .risk, .overforing, .antagande, .kanslighet, .korrelation, .simulering, .scenario:
                return true
            default: return false
            }
        default: return false
        }
    }

    private mutating func dropContinuationLines() {
        guard parenDepth > 0 else { return }
        fill(1)
        while entry(0).token.kind == .newline {
            var lookahead = 1
            fill(lookahead + 1)
            while entry(lookahead).token.kind == .newline {
                lookahead += 1
                fill(lookahead + 1)
            }
            if TokenStream.startsStatement(entry(lookahead).token) { return }
            head = (head + lookahead) & (ring.count - 1)
            count -= lookahead
        }
    }

    mutating func peek(_ offset: Int = 0) -> Token {
        dropContinuationLines()
        fill(offset + 1)
        return entry(offset).token
    }

    /// The value of the number token at `offset`.
    mutating func number(_ offset: Int = 0) -> NumberLiteral {
        dropContinuationLines()
        fill(offset + 1)
        return entry(offset).number
    }

    @discardableResult
    mutating func advance() -> Token {
        dropContinuationLines()
        fill(1)
        let token = entry(0).token
        head = (head + 1) & (ring.count - 1)
        count -= 1
        previous = token
        return token
    }

    /// A common post line read by the lexer itself (`Lexer.readPostLine`), when nothing
    /// has been looked ahead at; its last token becomes `previous`.
    mutating func readPostLine(keys: CellKeyTable, into cells: inout [Cell], negationAllowed: Bool) -> Lexer.PostLine? {
        guard count == 0 && parenDepth == 0,
              let line = lexer.readPostLine(keys: keys, into: &cells, negationAllowed: negationAllowed) else { return nil }
        previous = line.last
        return line
    }

    /// A `post` keyword read straight from the bytes (`Lexer.postKeyword`), when nothing
    /// has been looked ahead at; it becomes `previous`.
    mutating func postKeyword(afterLineEnd: Bool) -> Token? {
        guard count == 0 && parenDepth == 0, let keyword = lexer.postKeyword(afterLineEnd: afterLineEnd) else { return nil }
        previous = keyword
        return keyword
    }

    func span(_ token: Token) -> SourceSpan {
        SourceSpan(file: fileIndex, start: Int(token.start), end: Int(token.end))
    }

    func text(_ token: Token) -> String {
        file.text(token.range)
    }

    /// How a token is named in "väntade …, fann …".
    func describe(_ token: Token) -> String {
        switch token.kind {
        case .newline: "radslut"
        case .endOfFile: "filslut"
        case .number: "talet \(text(token))"
        case .string: "texten \(text(token))"
        case .word: "ordet '\(text(token))'"
        case .keyword: "nyckelordet '\(text(token))'"
        default: "'\(text(token))'"
        }
    }
}
