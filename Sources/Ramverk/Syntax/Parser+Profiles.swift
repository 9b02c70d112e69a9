/// Monthly profiles: how a year's budget is spread over its months.
extension Parser {
    /// profile_stmt = "profil" name_ref "=" expression { "," expression } ;
    mutating func parseProfile() throws(Failure) -> Statement {
        let keyword = tokens.advance()
        let name = try parseNameRef()
        _ = try expect(.equals, "'='")
        var shares = [try parseExpression()]
        while tokens.peek().kind == .comma {
            tokens.advance()
            shares.append(try parseExpression())
        }
        return .profile(ProfileStatement(name: name, shares: shares, span: spanFrom(keyword)))
    }
}
