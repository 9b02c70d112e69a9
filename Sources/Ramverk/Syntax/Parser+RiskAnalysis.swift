/// The risk- och känslighetsanalys: quantified risks, känsligheter, correlations and
/// the simulation settings. The words inside these statements (`påverkar`, `triangel`,
/// `troligast` …) are matched by their spelling where they are expected rather than
/// made keywords, so they stay free as names everywhere else.
extension Parser {
    /// True when the next token is the word `spelling` (case as written).
    mutating func atWord(_ spelling: String) -> Bool {
        let token = tokens.peek()
        return token.kind == TokenKind.word && tokens.text(token) == spelling
    }

    mutating func expectWord(_ spelling: String, _ what: String) throws(Failure) -> Token {
        guard atWord(spelling) else { throw expected(what) }
        return tokens.advance()
    }

    /// risk_effect = "påverkar" reference ( "med" | "blir" ) distribution ;
    mutating func parseRiskEffect() throws(Failure) -> RiskEffectSyntax {
        let keyword = tokens.advance()
        let target = try parseReference()
        let replaces: Bool
        if atWord("med") {
            replaces = false
        } else if atWord("blir") {
            replaces = true
        } else {
            throw expected("'med' (förändringen läggs till värdet) eller 'blir' (utfallet ersätter värdet)")
        }
        tokens.advance()
        let distribution = try parseDistribution()
        return RiskEffectSyntax(target: target, replaces: replaces, distribution: distribution, span: spanFrom(keyword))
    }

    /// distribution = "triangel" "min" expression "troligast" expression "max" expression
    ///              | "likformig" "min" expression "max" expression
    ///              | ( "normal" | "lognormal" ) "medel" expression "standardavvikelse" expression
    ///              | "händelse" "sannolikhet" expression ( "belopp" expression | distribution )
    ///              | "belopp" expression ;
    mutating func parseDistribution() throws(Failure) -> DistributionSyntax {
        let start = tokens.peek()
        let kinds = "en fördelning (triangel, likformig, normal, lognormal, händelse eller belopp)"
        guard start.kind == .word else { throw expected(kinds) }
        switch tokens.text(start) {
        case "triangel":
            tokens.advance()
            let min = try labelled("min")
            let mode = try labelled("troligast")
            let max = try labelled("max")
            return .triangular(min: min, mode: mode, max: max, span: spanFrom(start))
        case "likformig":
            tokens.advance()
            let min = try labelled("min")
            let max = try labelled("max")
            return .uniform(min: min, max: max, span: spanFrom(start))
        case "normal", "lognormal":
            let log = tokens.text(start) == "lognormal"
            tokens.advance()
            let mean = try labelled("medel")
            let deviation = try labelled("standardavvikelse")
            return log ? .lognormal(mean: mean, deviation: deviation, span: spanFrom(start))
                       : .normal(mean: mean, deviation: deviation, span: spanFrom(start))
        case "händelse":
            tokens.advance()
            let probability = try labelled("sannolikhet")
            let outcome = try parseDistribution()
            if case .event = outcome { throw fail(.expected(kinds, found: "händelse"), outcome.span) }
            return .event(probability: probability, then: outcome, span: spanFrom(start))
        case "belopp":
            tokens.advance()
            return .fixed(try parseExpression(), span: spanFrom(start))
        default:
            throw expected(kinds)
        }
    }

    /// `label expression`: a parameter of a distribution or a simulation setting.
    private mutating func labelled(_ label: String) throws(Failure) -> Expression {
        _ = try expectWord(label, "'\(label)'")
        return try parseExpression()
    }

    /// sensitivity_stmt = "känslighet" STRING "{" { statement_sep } { change { statement_sep } } "}" ;
    mutating func parseSensitivity() throws(Failure) -> Statement {
        let keyword = tokens.advance()
        let label = Lexer.stringValue(try expect(.string, "faktorns namn inom citattecken, t.ex. \"Löner +1 %\""),
                                      in: tokens.file)
        let header = spanFrom(keyword)
        _ = try expect(.leftBrace, "'{'")
        let changes = parseItems(of: "känslighet", opener: keyword, header: header) { (parser: inout Parser) throws(Failure) in
            try parser.parseChange()
        }
        return .sensitivity(SensitivityStatement(label: label, changes: changes, span: header))
    }

    /// change = reference ( "=" expression
    ///                    | ( "ökar" | "minskar" ) "med" expression [ "procentenhet" | "procentenheter" ]
    ///                    | "uteblir" ) ;
    mutating func parseChange() throws(Failure) -> ChangeSyntax {
        let start = tokens.peek()
        let target = try parseReference()
        let kind: ChangeSyntax.Kind
        if tokens.peek().kind == .equals {
            tokens.advance()
            kind = .set(try parseExpression())
        } else if atWord("uteblir") {
            tokens.advance()
            kind = .vanishes
        } else if atWord("ökar") || atWord("minskar") {
            let increase = atWord("ökar")
            tokens.advance()
            _ = try expectWord("med", "'med'")
            let amount = try parseExpression()
            // "procentenhet" is singular after 1 ("1 procentenhet"), plural otherwise.
            let points = atWord("procentenhet") || atWord("procentenheter")
            if points { tokens.advance() }
            kind = increase ? .increase(amount, points: points) : .decrease(amount, points: points)
        } else {
            throw expected("'=', 'ökar med', 'minskar med' eller 'uteblir'")
        }
        return ChangeSyntax(target: target, kind: kind, span: spanFrom(start))
    }

    /// correlation_stmt = "korrelation" name_ref "och" name_ref "=" expression ;
    mutating func parseCorrelation() throws(Failure) -> Statement {
        let keyword = tokens.advance()
        let first = try parseNameRef()
        _ = try expectWord("och", "'och' och nästa risk")
        let second = try parseNameRef()
        _ = try expect(.equals, "'='")
        let coefficient = try parseExpression()
        return .correlation(CorrelationStatement(first: first, second: second, coefficient: coefficient,
                                                 span: spanFrom(keyword)))
    }

    /// simulation_stmt = "simulering" "{" { statement_sep } { simulation_item { statement_sep } } "}" ;
    mutating func parseSimulation() throws(Failure) -> Statement {
        let keyword = tokens.advance()
        let header = spanFrom(keyword)
        _ = try expect(.leftBrace, "'{'")
        let items = parseItems(of: "simulering", opener: keyword, header: header) { (parser: inout Parser) throws(Failure) in
            try parser.parseSimulationItem()
        }
        return .simulation(SimulationStatement(items: items, span: header))
    }

    /// simulation_item = "år" NUMBER | "resultat" expression | "iterationer" expression
    ///                 | "frö" NUMBER | "följ" [ STRING ] expression ;
    mutating func parseSimulationItem() throws(Failure) -> SimulationStatement.Item {
        let start = tokens.peek()
        if start.isKeyword(.ar) {
            tokens.advance()
            let yearToken = tokens.peek()
            return .year(try parseYear(), tokens.span(yearToken))
        }
        if start.isKeyword(.resultat) {
            tokens.advance()
            return .result(try parseExpression())
        }
        if atWord("iterationer") {
            tokens.advance()
            return .iterations(try parseExpression())
        }
        if atWord("frö") {
            tokens.advance()
            let token = tokens.peek()
            guard token.kind == .number else { throw expected("ett frö, ett heltal som 42") }
            guard let seed = tokens.number().integer else { throw fail(.seedNotInteger, tokens.span(token)) }
            tokens.advance()
            return .seed(UInt64(seed), tokens.span(token))
        }
        if atWord("följ") {
            tokens.advance()
            let label = optionalLabel()
            let expression = try parseExpression()
            return .follow(label: label, expression, spanFrom(start))
        }
        throw expected("år, resultat, iterationer, frö eller följ")
    }
}
