/// Builds the syntax tree of one file by recursive descent. Each parse function
/// starts with the production of Grammar/ramverk.ebnf it implements. On an error the
/// parser records a diagnostic, skips to the end of the statement and goes on, so one
/// run reports every syntax error of the file.
public struct Parser {
    var tokens: TokenStream
    var diagnostics: [Diagnostic] = []
    var quota = DiagnosticQuota()
    /// The cells of every post and total, in order (see `SyntaxTree.cells`).
    var cells: [Cell] = []
    /// Where this parser's cells will sit in the joined tree's cell array, when it reads
    /// the second part of a file (`ParallelParse`); cell ranges count from here.
    var cellBase: Int32 = 0
    /// Column keys written in cells, each once.
    var cellKeys = CellKeyTable()
    /// The names of the post lines read so far, each made a string once.
    var names = NameInterner()
    /// Whether an `inkludera` was read (see `SyntaxTree.mayInclude`).
    var sawInclude = false
    /// `post` statements read (see `SyntaxTree.postCount`).
    var postCount = 0
    /// For a mapped file: where the source this parser has passed and not yet given
    /// back begins (see `releasePassedSource`); Int.max for a file in memory.
    var unreleasedFrom = Int.max
    /// Nesting of blocks and parentheses; bounded so no input can exhaust the stack.
    var depth = 0
    static let maxDepth = 200
    /// What the tokens are, for the formatter; nil (and not collected) otherwise.
    var roles: TokenRoles?

    /// Unwinds to the statement being parsed after a diagnostic has been recorded.
    struct Failure: Error {}

    /// `cellCapacity`: how many cells to make room for (the ':' in the range read,
    /// unless a larger tree will be joined onto this one).
    public init(file: SourceFile, fileIndex: Int32, range: Range<Int>? = nil, cellCapacity: Int? = nil) {
        tokens = TokenStream(lexer: Lexer(file: file, fileIndex: fileIndex, range: range))
        // Every cell has a ':'; sizing the cell array once avoids holding both the old
        // and the doubled array while a large file is read.
        cells.reserveCapacity(cellCapacity ?? Parser.colons(in: file, range ?? 0..<file.bytes.count))
        if file.bytes.isMapped { unreleasedFrom = range?.lowerBound ?? 0 }
    }

    /// How much passed source is given back at a time: large enough that the calls cost
    /// nothing, small enough that little of a 90 MB file is resident at once.
    static let releaseStep = 4 << 20

    /// Gives back the memory of a mapped file's pages before `token`, which the parser
    /// has passed (`SourceBytes.release`): the tree holds what it needs of them, and a
    /// diagnostic that shows a line reads it in again. This keeps the file out of the
    /// peak memory of a large run, the tree being at its largest as parsing ends.
    mutating func releasePassedSource(before token: Token) {
        let offset = Int(token.start)
        guard offset - unreleasedFrom >= Parser.releaseStep else { return }
        tokens.file.bytes.release(unreleasedFrom..<offset)
        unreleasedFrom = offset
    }

    static func colons(in file: SourceFile, _ range: Range<Int>) -> Int {
        file.bytes.withUnsafeBufferPointer { buffer in
            ByteScan.count(UInt8(ascii: ":"), in: UnsafeBufferPointer(rebasing: buffer[range]))
        }
    }

    /// Parses a whole file. Lexer and parser diagnostics come back together, in order.
    /// A large file is read in two parts at once (see `ParallelParse`).
    public static func parse(_ file: SourceFile, fileIndex: Int32) -> (SyntaxTree, [Diagnostic]) {
        if let parts = ParallelParse.split(file) { return ParallelParse.parse(file, fileIndex: fileIndex, at: parts) }
        return parse(file, fileIndex: fileIndex, range: nil)
    }

    /// Parses `range` of a file (all of it when nil).
    static func parse(_ file: SourceFile, fileIndex: Int32, range: Range<Int>?,
                      cellCapacity: Int? = nil) -> (SyntaxTree, [Diagnostic]) {
        var parser = Parser(file: file, fileIndex: fileIndex, range: range, cellCapacity: cellCapacity)
        return parser.parseAll()
    }

    /// The tree of everything this parser reads, with the lexer's and the parser's
    /// diagnostics together, in order.
    mutating func parseAll() -> (SyntaxTree, [Diagnostic]) {
        let tree = parseScenario()
        let all = (tokens.lexer.diagnostics + diagnostics).sorted {
            ($0.span?.start ?? 0) < ($1.span?.start ?? 0)
        }
        return (tree, all)
    }

    // MARK: - Helpers

    mutating func fail(_ problem: Problem, _ span: SourceSpan) -> Failure {
        record(Diagnostic(problem, at: span))
        return Failure()
    }

    /// Keeps a diagnostic, unless the file already has more than a run shows (a
    /// megabyte of `x;` is half a million statements in error).
    mutating func record(_ diagnostic: Diagnostic) {
        if quota.admits(diagnostic.severity) { diagnostics.append(diagnostic) }
    }

    mutating func expected(_ what: String) -> Failure {
        let token = tokens.peek()
        return fail(.expected(what, found: tokens.describe(token)), tokens.span(token))
    }

    mutating func expect(_ kind: TokenKind, _ what: String) throws(Failure) -> Token {
        guard tokens.peek().kind == kind else { throw expected(what) }
        return tokens.advance()
    }

    mutating func expectKeyword(_ keyword: Keyword) throws(Failure) -> Token {
        guard tokens.peek().isKeyword(keyword) else { throw expected("'\(keyword.spelling)'") }
        return tokens.advance()
    }

    func spanFrom(_ start: Token) -> SourceSpan {
        SourceSpan(file: tokens.fileIndex, start: Int(start.start), end: Int(max(tokens.previousEnd, start.end)))
    }

    mutating func enterNesting(at span: SourceSpan) throws(Failure) {
        guard depth < Parser.maxDepth else { throw fail(.nestingTooDeep(limit: Parser.maxDepth), span) }
        depth += 1
    }

    /// Skips to the end of the current statement: the next line end at this brace
    /// level, or a '}' that closes the enclosing block (left for the block to take).
    mutating func synchronize() {
        var braces = 0
        tokens.parenDepth = 0
        while true {
            let token = tokens.peek()
            switch token.kind {
            case .endOfFile: return
            case .newline where braces == 0, .semicolon where braces == 0:
                tokens.advance()
                return
            case .leftBrace: braces += 1
            case .rightBrace:
                if braces == 0 { return }
                braces -= 1
            default: break
            }
            tokens.advance()
        }
    }

    /// statement_sep = NEWLINE | ";" ;
    mutating func skipSeparators() {
        while tokens.peek().kind == .newline || tokens.peek().kind == .semicolon { tokens.advance() }
    }

    // MARK: - Files and blocks

    /// scenario = { statement_sep } { statement { statement_sep } } EOF ;
    mutating func parseScenario() -> SyntaxTree {
        var statements: [Statement] = []
        while true {
            skipSeparators()
            let token = tokens.peek()
            if token.kind == .endOfFile { break }
            if token.kind == .rightBrace {
                record(Diagnostic(.unmatchedClosingBrace, at: tokens.span(token)))
                tokens.advance()
                continue
            }
            releasePassedSource(before: token)
            parseStatementInto(&statements)
        }
        var tree = SyntaxTree(file: tokens.fileIndex, statements: statements, cells: cells, cellKeys: cellKeys.texts)
        tree.mayInclude = sawInclude
        tree.postCount = postCount
        return tree
    }

    /// block = "{" { statement_sep } { statement { statement_sep } } "}" ;
    mutating func parseBlock(opener: Token, keyword: String) throws(Failure) -> [Statement] {
        _ = try expect(.leftBrace, "'{'")
        guard depth < Parser.maxDepth else {
            // Too deep: one diagnostic, and the whole block (with its inner blocks) is
            // passed over, so the levels outside it still close properly.
            let failure = fail(.nestingTooDeep(limit: Parser.maxDepth), tokens.span(opener))
            skipRestOfBlock()
            throw failure
        }
        depth += 1
        defer { depth -= 1 }
        return parseItems(of: keyword, opener: opener, header: tokens.span(opener),
                          post: { (parser: inout Parser, keyword: Token) throws(Failure) in try parser.parsePost(after: keyword) },
                          { (parser: inout Parser) throws(Failure) in try parser.parseStatement() })
    }

    /// `KEYWORD YEAR { items }`: a year's block of one kind of item (ramförändring,
    /// justering, balanskrav).
    mutating func parseYearBlock<Item>(_ keyword: String, _ item: (inout Parser) throws(Failure) -> Item)
        throws(Failure) -> (year: Int, yearSpan: SourceSpan, items: [Item], span: SourceSpan) {
        let opener = tokens.advance()
        let yearToken = tokens.peek()
        let year = try parseYear()
        let header = spanFrom(opener)
        _ = try expect(.leftBrace, "'{'")
        let items = parseItems(of: keyword, opener: opener, header: header, item)
        return (year, tokens.span(yearToken), items, header)
    }

    /// The items of a block whose '{' was just read, one a line, up to its '}': the
    /// statements of an area, the items of a ramförändring, the decisions of a reserve.
    /// A missing '}' is reported at `header` (what was read is kept); a broken item is
    /// skipped to the end of its line.
    ///
    /// `post`, for a block of statements: a post after its keyword. A line that starts
    /// with `post` is then found in the bytes (`TokenStream.postKeyword`) rather than
    /// token by token — the line end before it, and the `post`, are most of the tokens of
    /// a large area — and its statement ended by the next line's being found so.
    mutating func parseItems<Item>(of keyword: String, opener: Token, header: SourceSpan,
                                   post: ((inout Parser, Token) throws(Failure) -> Item)? = nil,
                                   _ item: (inout Parser) throws(Failure) -> Item) -> [Item] {
        var items: [Item] = []
        // Whether the last item's end (a line end or ';') is still to be read.
        var endPending = false
        while true {
            if let post, roles == nil, let postKeyword = tokens.postKeyword(afterLineEnd: endPending) {
                releasePassedSource(before: postKeyword)
                do {
                    items.append(try post(&self, postKeyword))
                    endPending = true
                } catch {
                    synchronize()
                    endPending = false
                }
                continue
            }
            if endPending {
                endPending = false
                do { try endStatement() } catch { synchronize() }
            }
            skipSeparators()
            let token = tokens.peek()
            if token.kind == .rightBrace {
                tokens.advance()
                return items
            }
            if token.kind == .endOfFile {
                let line = tokens.file.line(of: Int(opener.start))
                record(Diagnostic(.unclosedBlock(keyword: keyword, line: line), at: header))
                return items
            }
            releasePassedSource(before: token)
            do {
                items.append(try item(&self))
                try endStatement()
            } catch {
                synchronize()
            }
        }
    }

    /// Skips past the '}' that closes the block just opened.
    private mutating func skipRestOfBlock() {
        var open = 1
        while open > 0 {
            switch tokens.advance().kind {
            case .leftBrace: open += 1
            case .rightBrace: open -= 1
            case .endOfFile: return
            default: break
            }
        }
    }

    private mutating func parseStatementInto(_ statements: inout [Statement]) {
        do {
            statements.append(try parseStatement())
            try endStatement()
        } catch {
            synchronize()
        }
    }

    /// A statement ends at a line end, ';', a closing '}' or the end of the file.
    mutating func endStatement() throws(Failure) {
        let token = tokens.peek()
        switch token.kind {
        case .newline, .semicolon: tokens.advance()
        case .rightBrace, .endOfFile: break
        case .word where tokens.previous.kind == .word && tokens.previous.end < token.start,
             .keyword where tokens.previous.kind == .word && tokens.previous.end < token.start:
            // `Kommunstyrelsens reserv.2021` in an expression: a name of two words.
            let suggestion = tokens.file.text(Int(tokens.previous.start)..<Int(token.end))
            throw fail(.unquotedName(found: tokens.describe(token), suggestion: suggestion), tokens.span(token))
        default: throw expected("radslut")
        }
    }
}
