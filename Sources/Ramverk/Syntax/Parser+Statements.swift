/// The statements of the core language (Grammar/ramverk.ebnf, `statement`): the dispatch
/// on the leading keyword, and header, unit, sign, tolerance, ram, named value, area,
/// post, total and include. The larger statements have files of their own.
extension Parser {
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
        try parsePost(after: tokens.advance())
    }

    /// A post whose `post` keyword was just read.
    mutating func parsePost(after keyword: Token) throws(Failure) -> Statement {
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
