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
    /// Whether an `inkludera` was read (see `SyntaxTree.mayInclude`).
    var sawInclude = false
    /// `post` statements read (see `SyntaxTree.postCount`).
    var postCount = 0
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
        return parseItems(of: keyword, opener: opener, header: tokens.span(opener)) { (parser: inout Parser) throws(Failure) in
            try parser.parseStatement()
        }
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
    mutating func parseItems<Item>(of keyword: String, opener: Token, header: SourceSpan,
                                   _ item: (inout Parser) throws(Failure) -> Item) -> [Item] {
        var items: [Item] = []
        while true {
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

    // MARK: - Statements

    /// statement = header_stmt | unit_stmt | sign_stmt | tolerance_stmt | column_stmt
    ///           | ram_stmt | let_stmt | area_stmt | post_stmt | total_stmt
    ///           | bridge_stmt | include_stmt ;
    mutating func parseStatement() throws(Failure) -> Statement {
        let token = tokens.peek()
        guard token.kind == .keyword, let keyword = token.keyword else {
            throw expected("en sats (t.ex. post, område, ram)")
        }
        switch keyword {
        case .kommun, .namnd, .styrelse: return try parseHeader()
        case .enhet: return try parseUnitStatement()
        case .tecken: return try parseSignStatement()
        case .tolerans: return try parseTolerance()
        case .kolumn: return try parseColumn()
        case .ram: return try parseRam()
        case .lat, .antagande: return try parseNamedValue()
        case .omrade: return try parseArea()
        case .post: return try parsePost()
        case .summa: return try parseTotal()
        case .ramforandring: return try parseBridge()
        case .inkludera: return try parseInclude()
        case .forvanta: return try parseExpectation()
        case .kontroll: return try parseCondition()
        case .unika: return try parseUniqueNumbers()
        case .reserv: return try parseReserve()
        case .profil: return try parseProfile()
        case .justering: return try parseRevision()
        case .balanskrav: return try parseBalance()
        case .risk: return try parseRisk()
        case .realisationsvinster: return try parseCapitalGains()
        case .overforing: return try parseCarryOver()
        case .kanslighet: return try parseSensitivity()
        case .korrelation: return try parseCorrelation()
        case .simulering: return try parseSimulation()
        case .scenario: return try parseScenarioBlock()
        default: throw expected("en sats (t.ex. post, område, ram)")
        }
    }

    /// header_stmt = ( "kommun" | "nämnd" | "styrelse" ) name ;
    mutating func parseHeader() throws(Failure) -> Statement {
        let keyword = tokens.advance()
        let kind: HeaderStatement.Kind = keyword.keyword == .kommun ? .municipality : .committee
        let name = try parseName()
        return .header(HeaderStatement(kind: kind, name: name, span: spanFrom(keyword)))
    }

    /// unit_stmt = "enhet" unit ;
    /// unit = "kr" | "tkr" | "mnkr" | "mdkr" ;
    mutating func parseUnitStatement() throws(Failure) -> Statement {
        let keyword = tokens.advance()
        guard let unit = tokens.peek().keyword?.unit else { throw expected("en enhet (kr, tkr, mnkr, mdkr)") }
        tokens.advance()
        return .unit(unit, span: spanFrom(keyword))
    }

    /// sign_stmt = "tecken" ( "nettokostnad" | "bokföring" | "resultat" ) ;
    mutating func parseSignStatement() throws(Failure) -> Statement {
        let keyword = tokens.advance()
        // The conventions are spelled as their keywords.
        guard let sign = tokens.peek().keyword.flatMap({ SignConvention(rawValue: $0.spelling) }) else {
            throw expected("nettokostnad, bokföring eller resultat")
        }
        tokens.advance()
        return .sign(sign, span: spanFrom(keyword))
    }

    /// tolerance_stmt = "tolerans" expression ;
    mutating func parseTolerance() throws(Failure) -> Statement {
        let keyword = tokens.advance()
        let value = try parseExpression()
        return .tolerance(value, span: spanFrom(keyword))
    }

    mutating func parseYear() throws(Failure) -> Int {
        let token = tokens.peek()
        guard token.kind == .number, let year = tokens.number().integer, (1000...9999).contains(year) else {
            // "ram 2021 247 000": the digit groups made the year and the amount one number.
            let bytes = Array(tokens.text(token).utf8)
            let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
            if token.kind == .number, bytes.count > 5, bytes[0..<4].allSatisfy(isDigit), !isDigit(bytes[4]) {
                throw fail(.yearRunsIntoAmount(tokens.text(token)), tokens.span(token))
            }
            throw expected("ett årtal")
        }
        tokens.advance()
        return year
    }

    /// ram_stmt = "ram" NUMBER "=" expression [ "enligt" STRING ] ;
    mutating func parseRam() throws(Failure) -> Statement {
        let keyword = tokens.advance()
        let yearToken = tokens.peek()
        let year = try parseYear()
        _ = try expect(.equals, "'='")
        let amount = try parseExpression()
        var decision: String?
        if tokens.peek().isKeyword(.enligt) {
            tokens.advance()
            decision = Lexer.stringValue(try expect(.string, "ett beslut inom citattecken"), in: tokens.file)
        }
        return .ram(RamStatement(year: year, yearSpan: tokens.span(yearToken), amount: amount,
                                 decision: decision, span: spanFrom(keyword)))
    }

    /// let_stmt = "låt" name_ref "=" expression ;
    mutating func parseNamedValue() throws(Failure) -> Statement {
        let keyword = tokens.advance()
        let name = try parseNameRef()
        _ = try expect(.equals, "'='")
        let value = try parseExpression()
        return .namedValue(NamedValueStatement(name: name, value: value, span: spanFrom(keyword),
                                               isAssumption: keyword.isKeyword(.antagande)))
    }

    /// area_stmt = "område" name block ;
    mutating func parseArea() throws(Failure) -> Statement {
        let keyword = tokens.advance()
        let name = try parseName()
        let header = spanFrom(keyword)
        let body = try parseBlock(opener: keyword, keyword: "område")
        return .area(AreaStatement(name: name, body: body, span: header))
    }

    /// post_stmt = "post" name { cell } [ "profil" name_ref ] ;
    mutating func parsePost() throws(Failure) -> Statement {
        let keyword = tokens.advance()
        postCount += 1
        if roles == nil, let post = readPostLine(after: keyword) { return .post(post) }  // the common line, fast
        let name = try parseName()
        let cells = try parseCells()
        try rejectPunctuationAfterName(cells.count == 0)
        var profile: NameBox?
        if tokens.peek().isKeyword(.profil) {
            tokens.advance()
            profile = NameBox(try parseNameRef())
        }
        return .post(PostStatement(name: name, cells: cells, profileBox: profile, span: spanFrom(keyword)))
    }

    /// total_stmt = "summa" [ STRING ] { cell } ;
    mutating func parseTotal() throws(Failure) -> Statement {
        let keyword = tokens.advance()
        var label: String?
        if tokens.peek().kind == .string {
            label = Lexer.stringValue(tokens.advance(), in: tokens.file)
        }
        let cells = try parseCells()
        return .total(TotalStatement(label: label, cells: cells, span: spanFrom(keyword)))
    }

    /// include_stmt = "inkludera" STRING ;
    mutating func parseInclude() throws(Failure) -> Statement {
        let keyword = tokens.advance()
        sawInclude = true
        let pathToken = try expect(.string, "ett filnamn inom citattecken")
        return .include(IncludeStatement(path: Lexer.stringValue(pathToken, in: tokens.file),
                                         pathSpan: tokens.span(pathToken), span: spanFrom(keyword)))
    }
}
