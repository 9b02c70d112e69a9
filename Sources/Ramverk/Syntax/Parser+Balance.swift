/// The balanskravsutredning: a year's result, what the law takes out, and the goal.
extension Parser {
    /// balance_stmt = "balanskrav" NUMBER "{" { statement_sep } { balance_item { statement_sep } } "}" ;
    mutating func parseBalance() throws(Failure) -> Statement {
        let block = try parseYearBlock("balanskrav") { (parser: inout Parser) throws(Failure) in
            try parser.parseBalanceItem()
        }
        return .balance(BalanceStatement(year: block.year, yearSpan: block.yearSpan, items: block.items, span: block.span))
    }

    /// balance_item = "resultat" expression | "realisationsvinster" expression
    ///              | "justering" STRING expression | "till" "resultatreserv" expression
    ///              | "från" "resultatreserv" expression | "skatteintäkter" expression
    ///              | "resultatmål" expression ;
    mutating func parseBalanceItem() throws(Failure) -> (item: BalanceStatement.Item, span: SourceSpan) {
        let token = tokens.peek()
        let item: BalanceStatement.Item
        switch token.keyword {
        case .resultat:
            tokens.advance()
            item = .result(try parseExpression())
        case .realisationsvinster:
            tokens.advance()
            item = .capitalGains(try parseExpression())
        case .justering:
            tokens.advance()
            let text = Lexer.stringValue(try expect(.string, "justeringens beskrivning inom citattecken"), in: tokens.file)
            item = .adjustment(text: text, try parseExpression())
        case .till, .fran:
            tokens.advance()
            _ = try expectKeyword(.resultatreserv)
            let amount = try parseExpression()
            item = token.keyword == .till ? .toReserve(amount) : .fromReserve(amount)
        case .skatteintakter:
            tokens.advance()
            item = .taxRevenue(try parseExpression())
        case .resultatmal:
            tokens.advance()
            item = .goal(try parseExpression())
        default:
            throw expected("resultat, realisationsvinster, justering, till/från resultatreserv, skatteintäkter eller resultatmål")
        }
        return (item, spanFrom(token))
    }

    /// capital_gains_stmt = "realisationsvinster" NUMBER "{" { statement_sep } { gains_item { statement_sep } } "}" ;
    /// gains_item = ( "budget" | "prognos" | "utfall" ) expression ;
    mutating func parseCapitalGains() throws(Failure) -> Statement {
        let block = try parseYearBlock("realisationsvinster") { (parser: inout Parser) throws(Failure) in
            try parser.parseCapitalGainsItem()
        }
        return .capitalGains(CapitalGainsStatement(year: block.year, yearSpan: block.yearSpan, figures: block.items,
                                                   span: block.span))
    }

    mutating func parseCapitalGainsItem() throws(Failure) -> (figure: CapitalGainsStatement.Figure, amount: Expression) {
        let token = tokens.peek()
        guard token.kind == .word, let figure = CapitalGainsStatement.Figure(rawValue: tokens.text(token).lowercased()) else {
            throw expected("budget, prognos eller utfall")
        }
        advance(as: .caseFreeKeyword)
        return (figure, try parseExpression())
    }
}
