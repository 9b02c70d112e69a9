/// The ramförändring block: how one year's ram follows from the year before.
extension Parser {
    /// bridge_stmt = "ramförändring" NUMBER bridge_block ;
    /// bridge_block = "{" { statement_sep } { bridge_item { statement_sep } } "}" ;
    mutating func parseBridge() throws(Failure) -> Statement {
        let block = try parseYearBlock("ramförändring") { (parser: inout Parser) throws(Failure) in
            try parser.parseBridgeItem()
        }
        return .bridge(BridgeStatement(year: block.year, yearSpan: block.yearSpan, items: block.items, span: block.span))
    }

    /// bridge_item = "från" expression | "förändring" STRING expression
    ///             | "engångspost" STRING expression | "summa" expression ;
    mutating func parseBridgeItem() throws(Failure) -> BridgeStatement.Item {
        let token = tokens.peek()
        switch token.keyword {
        case .fran:
            tokens.advance()
            let base = try parseExpression()
            return .base(base, span: spanFrom(token))
        case .forandring, .engangspost:
            tokens.advance()
            let text = Lexer.stringValue(try expect(.string, "en beskrivning inom citattecken"), in: tokens.file)
            let amount = try parseExpression()
            return token.keyword == .forandring
                ? .change(text: text, amount: amount, span: spanFrom(token))
                : .oneOff(text: text, amount: amount, span: spanFrom(token))
        case .summa:
            tokens.advance()
            let total = try parseExpression()
            return .printedTotal(total, span: spanFrom(token))
        default:
            throw expected("från, förändring, engångspost eller summa")
        }
    }
}
