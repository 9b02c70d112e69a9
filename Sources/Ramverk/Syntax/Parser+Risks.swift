/// Risks named in a document's risk analysis.
extension Parser {
    /// risk_stmt = "risk" name_ref "{" { statement_sep } { risk_item { statement_sep } } "}" ;
    mutating func parseRisk() throws(Failure) -> Statement {
        let keyword = tokens.advance()
        let name = try parseNameRef()
        let header = spanFrom(keyword)
        _ = try expect(.leftBrace, "'{'")
        var risk = RiskStatement(name: name, span: header)
        let items = parseItems(of: "risk", opener: keyword, header: header) { (parser: inout Parser) throws(Failure) in
            try parser.parseRiskItem()
        }
        for item in items {
            switch item {
            case .description(let text): risk.description = text
            case .direction(let direction): risk.direction = direction
            case .coveredBy(let text): risk.coveredBy = text
            case .effect(let effect):
                if risk.effect != nil {
                    record(Diagnostic(.duplicateRiskEffect(risk.name.text), at: effect.span))
                } else {
                    risk.effect = effect
                }
            }
        }
        return .risk(risk)
    }

    enum RiskItem {
        case description(String), direction(RiskDirection), coveredBy(String), effect(RiskEffectSyntax)
    }

    /// risk_item = "beskrivning" STRING | "riktning" ( "negativ" | "positiv" | "båda" )
    ///           | "täcks" STRING | risk_effect ;
    mutating func parseRiskItem() throws(Failure) -> RiskItem {
        let token = tokens.peek()
        switch token.keyword {
        case .beskrivning:
            tokens.advance()
            return .description(Lexer.stringValue(try expect(.string, "en beskrivning inom citattecken"), in: tokens.file))
        case .riktning:
            tokens.advance()
            // The directions are spelled as their keywords.
            guard let direction = tokens.peek().keyword.flatMap({ RiskDirection(rawValue: $0.spelling) }) else {
                throw expected("negativ, positiv eller båda")
            }
            tokens.advance()
            return .direction(direction)
        case .tacks:
            tokens.advance()
            return .coveredBy(Lexer.stringValue(try expect(.string, "vad som täcker risken, inom citattecken"), in: tokens.file))
        default:
            if atWord("påverkar") { return .effect(try parseRiskEffect()) }
            throw expected("beskrivning, riktning, täcks eller påverkar")
        }
    }
}
