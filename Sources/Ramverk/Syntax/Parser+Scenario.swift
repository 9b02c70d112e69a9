/// Scenarios: alternatives written as what differs from the base.
extension Parser {
    /// scenario_stmt = "scenario" STRING [ "utgår" "från" STRING ]
    ///                 "{" { statement_sep } { scenario_item { statement_sep } } "}" ;
    mutating func parseScenarioBlock() throws(Failure) -> Statement {
        let keyword = tokens.advance()
        let nameToken = try expect(.string, "scenariots namn inom citattecken, t.ex. \"Alt B\"")
        let name = Name(text: Parser.canonicalName(Lexer.stringValue(nameToken, in: tokens.file)), span: tokens.span(nameToken))
        if Parser.isBlank(name.text) { throw fail(.emptyName, name.span) }
        var base: Name?
        if atWord("utgår") {
            tokens.advance()
            _ = try expectKeyword(.fran)
            let baseToken = try expect(.string, "namnet på scenariot det utgår från, inom citattecken")
            base = Name(text: Parser.canonicalName(Lexer.stringValue(baseToken, in: tokens.file)), span: tokens.span(baseToken))
        }
        let header = spanFrom(keyword)
        _ = try expect(.leftBrace, "'{'")
        guard depth < Parser.maxDepth else { throw fail(.nestingTooDeep(limit: Parser.maxDepth), header) }
        depth += 1
        defer { depth -= 1 }
        let items = parseItems(of: "scenario", opener: keyword, header: header) { (parser: inout Parser) throws(Failure) in
            try parser.parseScenarioItem()
        }
        return .scenario(ScenarioStatement(name: name, base: base, items: items, span: header))
    }

    /// scenario_item = change | "ram" NUMBER "=" expression | "ta" "bort" reference
    ///               | post_stmt | area_stmt | risk_stmt | reserve_stmt ;
    mutating func parseScenarioItem() throws(Failure) -> ScenarioStatement.Item {
        let start = tokens.peek()
        switch start.keyword {
        case .ram where start.kind == .keyword:
            tokens.advance()
            let yearToken = tokens.peek()
            let year = try parseYear()
            _ = try expect(.equals, "'='")
            let amount = try parseExpression()
            return .ram(year: year, yearSpan: tokens.span(yearToken), amount: amount, span: spanFrom(start))
        case .post where start.kind == .keyword: return .statement(try parsePost())
        case .omrade where start.kind == .keyword: return .statement(try parseArea())
        case .risk where start.kind == .keyword: return .statement(try parseRisk())
        case .reserv where start.kind == .keyword: return .statement(try parseReserve())
        default:
            if atWord("ta") {
                tokens.advance()
                _ = try expectWord("bort", "'bort'")
                let target = try parseReference()
                return .removal(target, span: spanFrom(start))
            }
            return .change(try parseChange())
        }
    }
}
