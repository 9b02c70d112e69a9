/// The statements a user writes to check a document: expected figures, conditions that
/// must hold, and unique numbers.
extension Parser {
    /// expect_stmt = "förvänta" [ STRING ] expression "=" expression [ "±" expression ] ;
    mutating func parseExpectation() throws(Failure) -> Statement {
        let keyword = tokens.advance()
        let label = optionalLabel()
        let actual = try parseExpression()
        _ = try expect(.equals, "'='")
        let expected = try parseExpression()
        var tolerance: Expression?
        if tokens.peek().kind == .plusMinus {
            tokens.advance()
            tolerance = try parseExpression()
        }
        return .expectation(ExpectationStatement(label: label, actual: actual, expected: expected,
                                                 tolerance: tolerance, span: spanFrom(keyword)))
    }

    /// check_stmt = "kontroll" [ STRING ] expression comparison expression ;
    /// comparison = "<" | "<=" | "≤" | ">" | ">=" | "≥" | "=" | "!=" | "≠" ;
    mutating func parseCondition() throws(Failure) -> Statement {
        let keyword = tokens.advance()
        let label = optionalLabel()
        let left = try parseExpression()
        let comparison: Comparison
        switch tokens.peek().kind {
        case .less: comparison = .less
        case .lessEqual: comparison = .lessOrEqual
        case .greater: comparison = .greater
        case .greaterEqual: comparison = .greaterOrEqual
        case .equals: comparison = .equal
        case .notEqual: comparison = .notEqual
        default: throw expected("en jämförelse (<, ≤, >, ≥, = eller ≠)")
        }
        tokens.advance()
        let right = try parseExpression()
        return .condition(ConditionStatement(label: label, left: left, comparison: comparison, right: right,
                                             span: spanFrom(keyword)))
    }

    /// unique_stmt = "unika" "nummer" ;
    mutating func parseUniqueNumbers() throws(Failure) -> Statement {
        let keyword = tokens.advance()
        _ = try expectKeyword(.nummer)
        return .uniqueNumbers(span: spanFrom(keyword))
    }

    /// A text in quotes, when one is written (a check's name, a decision's note).
    mutating func optionalLabel() -> String? {
        guard tokens.peek().kind == .string else { return nil }
        return Lexer.stringValue(tokens.advance(), in: tokens.file)
    }
}
