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

    /// carry_over_stmt = "överföring" NUMBER "{" { statement_sep } { carry_item { statement_sep } } "}" ;
    mutating func parseCarryOver() throws(Failure) -> Statement {
        let block = try parseYearBlock("överföring") { (parser: inout Parser) throws(Failure) in
            try parser.parseCarryOverItem()
        }
        return .carryOver(CarryOverStatement(year: block.year, yearSpan: block.yearSpan, items: block.items,
                                             span: block.span))
    }

    /// carry_item = "budget" column_key | "utfall" column_key
    ///            | "beslut" STRING reference { "," reference } ;
    mutating func parseCarryOverItem() throws(Failure) -> CarryOverStatement.Item {
        let token = tokens.peek()
        if token.isKeyword(.beslut) {
            tokens.advance()
            let referenceToken = try expect(.string, "beslutets referens inom citattecken, t.ex. \"KS 2022-02-14 § 20\"")
            var projects = [try parseReference()]
            while tokens.peek().kind == .comma {
                tokens.advance()
                projects.append(try parseReference())
            }
            return .decision(reference: Lexer.stringValue(referenceToken, in: tokens.file),
                             referenceSpan: tokens.span(referenceToken), projects: projects)
        }
        guard token.kind == .word else { throw expected("budget, utfall eller beslut") }
        switch tokens.text(token).lowercased() {
        case "budget":
            tokens.advance()
            return .budgetColumn(try parseColumnKey())
        case "utfall":
            tokens.advance()
            return .actualColumn(try parseColumnKey())
        default:
            throw expected("budget, utfall eller beslut")
        }
    }
}
