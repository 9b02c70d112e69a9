/// Expressions: the usual precedence (× ÷ before + −), unary minus, and postfix
/// units and percent: `ram 2020 × 102 %`, `−1 167 tkr`, `summa(Förtroendemannaorganisation)`.
extension Parser {
    /// expression = term { ( "+" | MINUS ) term } ;
    mutating func parseExpression() throws(Failure) -> Expression {
        var left = try parseTerm()
        // Each operator puts the tree a level deeper: a long chain nests like parentheses
        // (a line of 300 000 '+ 1' overflowed the stack of every pass over the tree).
        var levels = 0
        defer { depth -= levels }
        while true {
            let op: BinaryOperator
            let token = tokens.peek()
            switch token.kind {
            case .plus: op = .add
            case .minus: op = .subtract
            default: return left
            }
            advance(as: .infixOperator)
            try enterNesting(at: tokens.span(token))
            levels += 1
            let right = try parseTerm()
            left = .binary(op, left, right, span: left.span.through(right.span))
        }
    }

    /// term = unary { ( TIMES | DIVIDE ) unary } ;
    mutating func parseTerm() throws(Failure) -> Expression {
        var left = try parseUnary()
        // Each operator puts the tree a level deeper: a long chain nests like parentheses
        // (a line of 300 000 '+ 1' overflowed the stack of every pass over the tree).
        var levels = 0
        defer { depth -= levels }
        while true {
            let op: BinaryOperator
            let token = tokens.peek()
            switch token.kind {
            case .times: op = .multiply
            case .divide: op = .divide
            default: return left
            }
            advance(as: .infixOperator)
            try enterNesting(at: tokens.span(token))
            levels += 1
            let right = try parseUnary()
            left = .binary(op, left, right, span: left.span.through(right.span))
        }
    }

    /// unary = ( "+" | MINUS ) unary | postfix ;
    mutating func parseUnary() throws(Failure) -> Expression {
        let token = tokens.peek()
        guard token.kind == .minus || token.kind == .plus else { return try parsePostfix() }
        advance(as: .prefixOperator)
        try enterNesting(at: tokens.span(token))
        defer { depth -= 1 }
        let operand = try parseUnary()
        let span = tokens.span(token).through(operand.span)
        return token.kind == .minus ? .negate(operand, span: span) : operand
    }

    /// postfix = primary [ "%" | "procent" | unit ] ;
    mutating func parsePostfix() throws(Failure) -> Expression {
        let primary = try parsePrimary()
        let token = tokens.peek()
        if token.kind == .percent || token.isKeyword(.procent) {
            tokens.advance()
            return .percent(primary, span: primary.span.through(tokens.span(token)))
        }
        if let unit = token.keyword?.unit {
            tokens.advance()
            return .withUnit(primary, unit, span: primary.span.through(tokens.span(token)))
        }
        return primary
    }

    /// primary = NUMBER | "(" expression ")" | "summa" "(" reference { "," reference } ")"
    ///         | "ram" NUMBER | "periodandel" "(" [ expression ] ")" | reference ;
    mutating func parsePrimary() throws(Failure) -> Expression {
        let token = tokens.peek()
        switch token.kind {
        case .number:
            let value = tokens.number()
            advance(as: .amount)
            return .number(value, span: tokens.span(token))
        case .leftParen:
            tokens.advance()
            try enterNesting(at: tokens.span(token))
            tokens.parenDepth += 1
            defer {
                depth -= 1
                tokens.parenDepth = max(0, tokens.parenDepth - 1)
            }
            let inner = try parseExpression()
            guard tokens.peek().kind == .rightParen else {
                let line = tokens.file.line(of: Int(token.start))
                throw fail(.unclosedParenthesis(line: line), tokens.span(token))
            }
            tokens.advance()
            return inner
        case .word, .string:
            return .reference(try parseReference())
        case .keyword where token.keyword == .summa:
            return try parseSumCall()
        case .keyword where token.keyword == .periodandel:
            tokens.advance()
            let open = try expect(.leftParen, "'('")
            tokens.parenDepth += 1
            defer { tokens.parenDepth = max(0, tokens.parenDepth - 1) }
            let months = tokens.peek().kind == .rightParen ? nil : try parseExpression()
            guard tokens.peek().kind == .rightParen else {
                throw fail(.unclosedParenthesis(line: tokens.file.line(of: Int(open.start))), tokens.span(open))
            }
            tokens.advance()
            return .periodShare(months, span: spanFrom(token))
        case .keyword where token.keyword == .ram:
            tokens.advance()
            let year = try parseYear()
            return .ram(year: year, span: spanFrom(token))
        default:
            throw expected("ett uttryck")
        }
    }

    private mutating func parseSumCall() throws(Failure) -> Expression {
        let keyword = tokens.advance()
        let open = try expect(.leftParen, "'('")
        tokens.parenDepth += 1
        defer { tokens.parenDepth = max(0, tokens.parenDepth - 1) }
        var references = [try parseReference()]
        while tokens.peek().kind == .comma {
            tokens.advance()
            references.append(try parseReference())
        }
        let next = tokens.peek()
        if next.kind == .word || next.kind == .keyword, tokens.previous.kind == .word {
            let suggestion = tokens.file.text(Int(tokens.previous.start)..<Int(next.end))
            throw fail(.unquotedName(found: tokens.describe(next), suggestion: suggestion), tokens.span(next))
        }
        guard tokens.peek().kind == .rightParen else {
            throw fail(.unclosedParenthesis(line: tokens.file.line(of: Int(open.start))), tokens.span(open))
        }
        tokens.advance()
        return .sum(references, span: spanFrom(keyword))
    }

    /// reference = name_ref { "." ( name_ref | NUMBER ) } ;
    mutating func parseReference() throws(Failure) -> Reference {
        var segments = [try parseNameRef()]
        while tokens.peek().kind == .dot {
            tokens.advance()
            let token = tokens.peek()
            if token.kind == .number, tokens.number().integer != nil {
                tokens.advance()
                segments.append(Name(text: tokens.text(token), span: tokens.span(token)))
            } else {
                segments.append(try parseNameRef())
            }
        }
        let span = segments[0].span.through(segments[segments.count - 1].span)
        return Reference(segments: segments, span: span)
    }
}
