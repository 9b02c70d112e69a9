/// Reserves and the decisions that draw on them; revisions of a year's ram.
extension Parser {
    /// reserve_stmt = "reserv" reference "{" { statement_sep } { decision { statement_sep } } "}" ;
    mutating func parseReserve() throws(Failure) -> Statement {
        let keyword = tokens.advance()
        let post = try parseReference()
        let header = spanFrom(keyword)
        _ = try expect(.leftBrace, "'{'")
        let decisions = parseItems(of: "reserv", opener: keyword, header: header) { (parser: inout Parser) throws(Failure) in
            try parser.parseDecision()
        }
        return .reserve(ReserveStatement(post: post, decisions: decisions, span: header))
    }

    /// decision = "beslut" STRING expression "till" ( reference | "extern" STRING ) [ STRING ] ;
    mutating func parseDecision() throws(Failure) -> ReserveStatement.Decision {
        let keyword = try expectKeyword(.beslut)
        let referenceToken = try expect(.string, "beslutets referens inom citattecken, t.ex. \"KS 2021-03-15 § 45\"")
        let amount = try parseExpression()
        _ = try expectKeyword(.till)
        let destination: ReserveStatement.Decision.Destination
        if tokens.peek().isKeyword(.extern) {
            tokens.advance()
            let receiver = try expect(.string, "mottagaren inom citattecken")
            destination = .external(Lexer.stringValue(receiver, in: tokens.file))
        } else {
            destination = .post(try parseReference())
        }
        var note: String?
        if tokens.peek().kind == .string { note = Lexer.stringValue(tokens.advance(), in: tokens.file) }
        return ReserveStatement.Decision(
            reference: Lexer.stringValue(referenceToken, in: tokens.file), referenceSpan: tokens.span(referenceToken),
            amount: amount, destination: destination, note: note, span: spanFrom(keyword))
    }

    /// revision_stmt = "justering" NUMBER "{" { statement_sep } { revision { statement_sep } } "}" ;
    mutating func parseRevision() throws(Failure) -> Statement {
        let block = try parseYearBlock("justering") { (parser: inout Parser) throws(Failure) in
            try parser.parseRevisionDecision()
        }
        return .revision(RevisionStatement(year: block.year, yearSpan: block.yearSpan, decisions: block.items,
                                           span: block.span))
    }

    /// revision = "beslut" STRING expression [ STRING ] ;
    mutating func parseRevisionDecision() throws(Failure) -> RevisionStatement.Decision {
        let keyword = try expectKeyword(.beslut)
        let referenceToken = try expect(.string, "beslutets referens inom citattecken, t.ex. \"KF 2020-06-15 § 90\"")
        let amount = try parseExpression()
        var note: String?
        if tokens.peek().kind == .string { note = Lexer.stringValue(tokens.advance(), in: tokens.file) }
        return RevisionStatement.Decision(
            reference: Lexer.stringValue(referenceToken, in: tokens.file), referenceSpan: tokens.span(referenceToken),
            amount: amount, note: note, span: spanFrom(keyword))
    }
}
