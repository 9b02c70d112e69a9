/// What the parser learns about tokens that their kinds alone do not say: which number
/// is an amount and which a year or a key, which minus is an operator and which part of
/// a name or a period, where a declared name and a cell begin and end. The formatter
/// needs this to change spacing and spelling without changing meaning.
///
/// Kept only when asked for (`Parser.parseWithRoles`): the normal parse leaves
/// `Parser.roles` nil, so each hook costs one nil check. The hooks sit in the shared
/// parse functions (names, cells, expressions), so a new statement built from them is
/// described without any change here or in the formatter.
struct TokenRoles {
    enum Role: UInt8 {
        /// A number that is a value in an expression (`20 500`), not a year, a column key
        /// or a word of a name: its digit groups may be rewritten.
        case amount
        /// `−` or `+` before an operand.
        case prefixOperator
        /// `+ − × /` between two operands.
        case infixOperator
        /// A word read as a keyword in any case (`budget`, `prognos`, `utfall`).
        case caseFreeKeyword
    }

    /// Roles by the byte offset where the token starts.
    var roles: [Int32: Role] = [:]
    /// Declared names (`post Södertörns miljö- och hälsoskyddsförbund`), in file order:
    /// byte ranges from the first word's start to the last word's end.
    var names: [Range<Int32>] = []
    /// Cells (`2021: 20 500`), in file order: from the key's start to the value's end.
    var cells: [Range<Int32>] = []

    mutating func mark(_ token: Token, _ role: Role) {
        roles[token.start] = role
    }

    func role(of token: Token) -> Role? {
        roles[token.start]
    }
}

extension Parser {
    /// Consumes the next token and notes its role when roles are collected. (Not
    /// `roles?.mark(tokens.advance(), …)`: optional chaining would skip the advance.)
    mutating func advance(as role: TokenRoles.Role) {
        let token = tokens.advance()
        roles?.mark(token, role)
    }

    /// Parses a whole file with one parser (never in parts: the roles are collected in
    /// file order) and returns what it learnt about the tokens too.
    static func parseWithRoles(_ file: SourceFile, fileIndex: Int32) -> (SyntaxTree, [Diagnostic], TokenRoles) {
        var parser = Parser(file: file, fileIndex: fileIndex)
        parser.roles = TokenRoles()
        let tree = parser.parseScenario()
        let all = (parser.tokens.lexer.diagnostics + parser.diagnostics).sorted {
            ($0.span?.start ?? 0) < ($1.span?.start ?? 0)
        }
        return (tree, all, parser.roles ?? TokenRoles())
    }
}
