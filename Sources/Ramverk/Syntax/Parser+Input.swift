/// Input typed in an exploration session (the REPL): statements that extend the model,
/// an expression to evaluate, or a change to try. Input is incomplete when the parser
/// stopped at its end inside a block or parentheses, so the REPL asks for another line
/// rather than reporting an error (Lua's rule; braces are never counted).
extension Parser {
    /// What a piece of typed input turned out to be.
    enum Input {
        /// Statements (declarations), as the syntax tree of their own file.
        case statements(SyntaxTree)
        case expression(Expression)
        case change(ChangeSyntax)
    }

    /// The outcome of parsing typed input: the input (nil after an error), its problems,
    /// and whether more lines could complete it.
    struct InputParse {
        var input: Input?
        var diagnostics: [Diagnostic]
        var incomplete: Bool
    }

    /// Keywords that start an expression rather than a statement.
    private static let expressionKeywords: Set<Keyword> = [.periodandel, .procent, .kr, .tkr, .mnkr, .mdkr]

    /// Parses `range` of `file` as statements when it starts like one (a keyword that
    /// starts a statement), else as one expression.
    static func parseInput(_ file: SourceFile, fileIndex: Int32, range: Range<Int>) -> InputParse {
        var parser = Parser(file: file, fileIndex: fileIndex, range: range)
        parser.skipSeparators()
        return parser.startsStatement() ? parser.parseInputStatements(range) : parser.parseInputExpression(range)
    }

    /// Parses `range` of `file` as one change (`:om` in the REPL).
    static func parseChangeInput(_ file: SourceFile, fileIndex: Int32, range: Range<Int>) -> InputParse {
        var parser = Parser(file: file, fileIndex: fileIndex, range: range)
        parser.skipSeparators()
        var change: ChangeSyntax?
        var incomplete = false
        do {
            change = try parser.parseChange()
            try parser.expectEndOfInput()
        } catch {
            change = nil
            incomplete = parser.stoppedInsideParentheses(range)
        }
        return parser.finish(change.map(Input.change), incomplete: incomplete)
    }

    /// True when the next token starts a statement: `summa(…)` and `ram 2021` alone are
    /// expressions, `ram 2021 = …` is a statement.
    private mutating func startsStatement() -> Bool {
        let token = tokens.peek()
        guard token.kind == .keyword, let keyword = token.keyword,
              !Parser.expressionKeywords.contains(keyword) else { return false }
        switch keyword {
        case .summa: return tokens.peek(1).kind != .leftParen
        case .ram: return tokens.peek(1).kind == .number && tokens.peek(2).kind == .equals
        default: return true
        }
    }

    /// statement { statement_sep statement } up to the end of the input.
    private mutating func parseInputStatements(_ range: Range<Int>) -> InputParse {
        var statements: [Statement] = []
        var incomplete = false
        while true {
            skipSeparators()
            let token = tokens.peek()
            if token.kind == .endOfFile { break }
            if token.kind == .rightBrace {
                diagnostics.append(Diagnostic(.unmatchedClosingBrace, at: tokens.span(token)))
                tokens.advance()
                continue
            }
            do {
                statements.append(try parseStatement())
                try endStatement()
            } catch {
                if stoppedInsideParentheses(range) { incomplete = true }
                synchronize()
            }
        }
        // A block is only ever reported unclosed when its items ran into the end.
        if diagnostics.contains(where: { if case .unclosedBlock = $0.problem { true } else { false } }) {
            incomplete = true
        }
        let tree = SyntaxTree(file: tokens.fileIndex, statements: statements, cells: cells, cellKeys: cellKeys.texts)
        return finish(.statements(tree), incomplete: incomplete)
    }

    private mutating func parseInputExpression(_ range: Range<Int>) -> InputParse {
        do {
            let expression = try parseExpression()
            try expectEndOfInput()
            return finish(.expression(expression), incomplete: false)
        } catch {
            return finish(nil, incomplete: stoppedInsideParentheses(range))
        }
    }

    /// Only line ends may follow what was typed.
    private mutating func expectEndOfInput() throws(Failure) {
        skipSeparators()
        if tokens.peek().kind != .endOfFile {
            try endStatement()
            throw expected("radslut")
        }
    }

    /// True when the parser stopped at the end of the input with a parenthesis open
    /// (`(Badhus.2024 +` as much as `(Badhus.2024`).
    private mutating func stoppedInsideParentheses(_ range: Range<Int>) -> Bool {
        guard tokens.peek().kind == .endOfFile, let last = diagnostics.last else { return false }
        if case .unclosedParenthesis = last.problem { return true }
        // The parse functions have closed their parentheses while unwinding: count them.
        var stream = TokenStream(lexer: Lexer(file: tokens.file, fileIndex: tokens.fileIndex, range: range))
        var open = 0
        while true {
            switch stream.advance().kind {
            case .leftParen: open += 1
            case .rightParen: open = max(0, open - 1)
            case .endOfFile: return open > 0
            default: break
            }
        }
    }

    private func finish(_ input: Input?, incomplete: Bool) -> InputParse {
        let all = (tokens.lexer.diagnostics + diagnostics).sorted { ($0.span?.start ?? 0) < ($1.span?.start ?? 0) }
        let failed = all.contains { $0.severity == .error }
        return InputParse(input: failed ? nil : input, diagnostics: all, incomplete: incomplete)
    }
}
