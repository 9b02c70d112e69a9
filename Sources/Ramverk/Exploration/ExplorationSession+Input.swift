/// Typed input in a session: an expression is resolved in the file's scope and
/// evaluated in the current state; declarations extend the model, which is checked and
/// evaluated again with them (the changes in force are made again on top).
extension ExplorationSession {
    /// The outcome of one piece of typed input.
    public enum InputOutcome {
        /// An expression's value, in the file's sign convention; problems that did not
        /// stop it (warnings).
        case value(Value, [Diagnostic])
        /// Declarations that now extend the model: the named values they declared with
        /// their values (in the declaring sign), warnings, and changes that no longer
        /// apply.
        case declared(named: [(name: String, value: Value?)], warnings: [Diagnostic],
                      dropped: [(AppliedChange, [Diagnostic])])
        /// Problems, with the files to render them from.
        case failed([Diagnostic], SourceSet)
        /// The scenario file could not be read again.
        case unreadable(path: String, FileReadError)
        /// A block or parenthesis left open: more lines may complete it.
        case incomplete
    }

    /// Interprets `text` (one or more lines) as declarations or an expression.
    public mutating func interpret(_ text: String) -> InputOutcome {
        let file = SourceFile(path: ExplorationSession.typedPath, text: text)
        let index = addTyped(file)
        let parsed = Parser.parseInput(file, fileIndex: index, range: 0..<file.bytes.count)
        if parsed.incomplete { return .incomplete }
        switch parsed.input {
        case .expression(let expression)?:
            return evaluate(expression, file: index)
        case .statements?:
            return declare(file)
        case .change?, nil:
            return .failed(parsed.diagnostics, sources)
        }
    }

    /// True when `text` is incomplete input (an open block or parenthesis at its end).
    public static func isIncomplete(_ text: String) -> Bool {
        let file = SourceFile(path: typedPath, text: text)
        return Parser.parseInput(file, fileIndex: 0, range: 0..<file.bytes.count).incomplete
    }

    private mutating func evaluate(_ expression: Expression, file: Int32) -> InputOutcome {
        let (resolved, problems) = resolver.resolveTyped(expression, file: file)
        if problems.contains(where: { $0.severity == .error }) { return .failed(problems, sources) }
        let value: Value?
        if whatIf != nil {
            value = whatIf!.evaluator.evaluate(resolved, sign: model.displaySign, column: column)
        } else {
            value = plainEvaluator.evaluate(resolved, sign: model.displaySign, column: column)
        }
        let found = takeEvaluatorDiagnostics()
        guard let value else { return .failed(problems + found, sources) }
        return .value(value, problems + found)
    }

    /// The model built again with `file` as one more declaration.
    private mutating func declare(_ file: SourceFile) -> InputOutcome {
        let rebuilt = self.rebuilt(declarations: declarations + [file])
        switch rebuilt {
        case .failure(.unreadable(let path, let error)):
            return .unreadable(path: path, error)
        case .failure(.invalid(let diagnostics, let sources)):
            // Only the problems of the new declaration: the rest was there before.
            let newFile = Int32(sources.files.count - 1)
            let own = diagnostics.filter { $0.span?.file == newFile || $0.span == nil }
            return .failed(own.isEmpty ? diagnostics : own, sources)
        case .success(let (session, dropped)):
            self = session
            let newFile = Int32(sources.files.firstIndex { $0 === file }.map { $0 } ?? -1)
            let warnings = loadDiagnostics.filter { $0.span?.file == newFile }
            return .declared(named: declaredValues(in: newFile), warnings: warnings, dropped: dropped)
        }
    }

    /// The named values declared in file `file` (a typed declaration), with their values
    /// in the column analysed.
    private mutating func declaredValues(in file: Int32) -> [(name: String, value: Value?)] {
        var found: [(name: String, value: Value?)] = []
        for (index, named) in model.namedValues.enumerated() where named.span.file == file {
            var value: Value?
            if whatIf != nil {
                value = whatIf!.evaluator.named(index, column, from: named.span)
                    .flatMap { whatIf!.evaluator.internalValue($0, sign: named.sign) }
            } else {
                value = plainEvaluator.named(index, column, from: named.span)
                    .flatMap { plainEvaluator.internalValue($0, sign: named.sign) }
            }
            found.append((named.name, value))
        }
        _ = takeEvaluatorDiagnostics()
        return found
    }
}
