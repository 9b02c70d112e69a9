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

    /// `beslut "KS 2021-03-15 § 45"`: the keyword and the decision's reference.
    mutating func parseDecisionReference() throws(Failure) -> (keyword: Token, reference: String, span: SourceSpan) {
        let keyword = try expectKeyword(.beslut)
        let token = try expect(.string, "beslutets referens inom citattecken, t.ex. \"KS 2021-03-15 § 45\"")
        return (keyword, Lexer.stringValue(token, in: tokens.file), tokens.span(token))
    }

    /// decision = "beslut" STRING expression "till" ( reference | "extern" STRING ) [ STRING ] ;
    mutating func parseDecision() throws(Failure) -> ReserveStatement.Decision {
        let decision = try parseDecisionReference()
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
        return ReserveStatement.Decision(
            reference: decision.reference, referenceSpan: decision.span, amount: amount, destination: destination,
            note: optionalLabel(), span: spanFrom(decision.keyword))
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
        let decision = try parseDecisionReference()
        let amount = try parseExpression()
        return RevisionStatement.Decision(reference: decision.reference, referenceSpan: decision.span, amount: amount,
                                          note: optionalLabel(), span: spanFrom(decision.keyword))
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
            let decision = try parseDecisionReference()
            var projects = [try parseReference()]
            while tokens.peek().kind == .comma {
                tokens.advance()
                projects.append(try parseReference())
            }
            return .decision(reference: decision.reference, referenceSpan: decision.span, projects: projects)
        }
        guard token.kind == .word else { throw expected("budget, utfall eller beslut") }
        switch tokens.text(token).lowercased() {
        case "budget":
            advance(as: .caseFreeKeyword)
            return .budgetColumn(try parseColumnKey())
        case "utfall":
            advance(as: .caseFreeKeyword)
            return .actualColumn(try parseColumnKey())
        default:
            throw expected("budget, utfall eller beslut")
        }
    }
}
