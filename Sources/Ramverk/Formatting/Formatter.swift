/// The canonical layout of a scenario file (`ramverk formatera`; the rules are in
/// docs/handbok.md, "Formatera filer"). Works from the tokens, the comments between
/// them and the block structure, with the roles the parser gives tokens — never from
/// a printer per statement — so syntax added later formats sensibly unchanged.
///
/// The output means exactly what the input meant: only spacing, line breaks and the
/// spelling of amounts, operators and comparisons change. Line ends are written as LF
/// (a CR LF file becomes LF), and a byte-order mark is dropped.
public enum Formatter {
    public enum Outcome: Sendable, Equatable {
        /// The file in canonical form (the same bytes when it already was).
        case formatted([UInt8])
        /// The file has syntax errors and is left as it is. Spans refer to file index 0.
        case syntaxErrors([Diagnostic])
        /// The formatter produced text that does not parse: a bug in Ramverk. The file
        /// is left as it is; the diagnostics are those of the produced text.
        case internalError([Diagnostic])
    }

    public static func format(_ file: SourceFile) -> Outcome {
        if let bad = UTF8Validation.firstInvalidOffset(file.bytes) {
            return .syntaxErrors([Diagnostic(.invalidUTF8, at: SourceSpan(file: 0, start: bad, end: bad + 1))])
        }
        let (_, diagnostics, roles) = Parser.parseWithRoles(file, fileIndex: 0)
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { return .syntaxErrors(errors) }

        let trivia = TokensWithTrivia(file: file)
        let lines = LineBuilder.build(source: file, trivia: trivia, roles: roles)
        let output = LineWriter(source: file).write(lines)

        // A formatter that broke a file would be worse than none: what it writes must
        // parse as cleanly as what it read.
        let check = Parser.parse(SourceFile(path: file.path, bytes: output), fileIndex: 0).1
        let broken = check.filter { $0.severity == .error }
        if !broken.isEmpty { return .internalError(broken) }
        return .formatted(output)
    }
}
