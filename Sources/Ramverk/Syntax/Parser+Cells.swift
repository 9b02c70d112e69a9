/// Columns and cells: `kolumn 2021 "Budget 2021"`, and a post's or total's `2021: 20 500`,
/// one value per column.
extension Parser {
    /// column_stmt = "kolumn" column_key [ STRING ] [ "år" NUMBER ] [ "period" NUMBER MINUS NUMBER ]
    ///               [ "=" expression ] ;
    mutating func parseColumn() throws(Failure) -> Statement {
        let keyword = tokens.advance()
        let key = try parseColumnKey()
        var label: String?
        var year: Int?
        if tokens.peek().kind == .string {
            label = Lexer.stringValue(tokens.advance(), in: tokens.file)
        }
        if tokens.peek().isKeyword(.ar) {
            tokens.advance()
            year = try parseYear()
        } else if let number = Int(key.text), key.text.utf8.count == 4 {
            year = number
        }
        var period: (year: Int, month: Int, span: SourceSpan)?
        if tokens.peek().isKeyword(.period) {
            let start = tokens.advance()
            let periodYear = try parseYear()
            _ = try expect(.minus, "'-' mellan år och månad, t.ex. 2024-04")
            let monthToken = tokens.peek()
            guard monthToken.kind == .number, let month = tokens.number().integer else { throw expected("en månad, t.ex. 04") }
            tokens.advance()
            period = (periodYear, month, spanFrom(start))
        }
        var formula: Expression?
        if tokens.peek().kind == .equals {
            tokens.advance()
            formula = try parseExpression()
        }
        return .column(ColumnStatement(key: key, label: label, year: year ?? period?.year, period: period,
                                       formula: formula, span: spanFrom(keyword)))
    }

    /// column_key = NUMBER | WORD ;
    mutating func parseColumnKey() throws(Failure) -> Name {
        let token = tokens.peek()
        switch token.kind {
        case .number where tokens.number().integer != nil, .word, .keyword:
            tokens.advance()
            return Name(text: tokens.text(token), span: tokens.span(token))
        default:
            throw expected("en kolumn (t.ex. 2021 eller Budget)")
        }
    }

    mutating func parseCells() throws(Failure) -> CellRange {
        let start = cells.count
        while tokens.peek().isNameWord && tokens.peek(1).kind == .colon {
            cells.append(try parseCell())
        }
        return CellRange(start: cellBase + Int32(start), count: Int32(cells.count - start))
    }

    /// cell = column_key ":" expression ;
    mutating func parseCell() throws(Failure) -> Cell {
        let keyToken = tokens.peek()
        let index = try internedKey(keyToken)
        _ = try expect(.colon, "':'")
        let value = try parseCellValue()
        roles?.cells.append(keyToken.start..<tokens.previousEnd)
        return Cell(keyIndex: Int32(index), keyStart: keyToken.start, value: value)
    }

    /// The index of a cell's key among the keys written so far (interned on first use).
    mutating func internedKey(_ token: Token) throws(Failure) -> Int {
        if let found = cellKeys.index(of: tokens.file.bytes, token.range) {
            tokens.advance()
            return found
        }
        return cellKeys.add(try parseColumnKey().text)
    }

    /// A common post line read by the lexer's fast reader (see `Lexer.readPostLine`), or
    /// nil, nothing read, when the line needs the parser.
    mutating func readPostLine(after keyword: Token) -> PostStatement? {
        let start = cells.count
        guard let line = tokens.readPostLine(keys: cellKeys, into: &cells, negationAllowed: depth < Parser.maxDepth)
        else { return nil }
        let nameSpan = SourceSpan(file: tokens.fileIndex, start: line.nameStart, end: line.nameEnd)
        // A quoted name is its text between the quotes (the reader took none with escapes).
        let quoted = tokens.file.bytes[line.nameStart] == UInt8(ascii: "\"")
        let text = tokens.file.bytes.withUnsafeBufferPointer { source in
            names.string(source, quoted ? line.nameStart + 1..<line.nameEnd - 1 : nameSpan.range)
        }
        return PostStatement(name: Name(text: text, span: nameSpan),
                             cells: CellRange(start: cellBase + Int32(start), count: Int32(cells.count - start)),
                             profileBox: nil, span: spanFrom(keyword))
    }

    /// A cell's value. Most cells are a lone number ("2021: 20 500"): that case is read
    /// directly, without descending through every level of the expression grammar.
    mutating func parseCellValue() throws(Failure) -> Expression {
        let token = tokens.peek()
        if token.kind == .number {
            switch tokens.peek(1).kind {
            case .newline, .endOfFile, .rightBrace, .semicolon, .word:
                let value = tokens.number()
                advance(as: .amount)
                return .number(value, span: tokens.span(token))
            case .number where tokens.peek(2).kind == .colon:
                let value = tokens.number()
                advance(as: .amount)
                return .number(value, span: tokens.span(token))
            default:
                break
            }
        }
        return try parseExpression()
    }
}
