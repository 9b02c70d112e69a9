/// Resolving what is typed in an exploration session against a checked model: the
/// checker of the loaded scenario is kept (see `Checker.checked`), and typed expressions
/// and changes are resolved in the file's scope as if written at its end.
extension Checker {
    /// The scope of typed input: the file level, in the display unit and sign.
    func sessionScope(file: Int32) -> Scope {
        Scope(file: file, area: nil, unit: model.displayUnit, sign: model.displaySign)
    }

    /// Makes a file of typed input known, so messages can show its line.
    mutating func addTypedFile(_ file: SourceFile) -> Int32 {
        program.sources.add(file)
    }

    /// Resolves a typed expression; a reference without a column means the column the
    /// session evaluates in. Problems come back (and are cleared from the checker).
    mutating func resolveTyped(_ expression: Expression, file: Int32) -> (ResolvedExpression, [Diagnostic]) {
        diagnostics = []
        let resolved = resolve(expression, sessionScope(file: file), .dynamic)
        defer { diagnostics = [] }
        return (resolved, diagnostics)
    }

    /// Resolves a typed change, read in the sign of the table its target is written in
    /// (what the user sees for that value); nil with problems when it cannot be made.
    mutating func resolveTyped(_ change: ChangeSyntax, file: Int32) -> (Change?, [Diagnostic]) {
        diagnostics = []
        defer { diagnostics = [] }
        var scope = sessionScope(file: file)
        let target: ChangeTarget
        switch resolveReference(change.target, scope, .dynamic) {
        case .post(let post, let column, _):
            target = .cell(post: post, column: column)
            scope.sign = model.posts[post].sign
        case .areaTotal(let area, let column, _):
            target = .area(area, column: column)
            scope.sign = model.areas[area].sign
        case .named(let named, _, _):
            target = .named(named)
            scope.sign = model.namedValues[named].sign
        default:
            // A reference resolves to one of the above, or failed with its own message.
            return (nil, diagnostics)
        }
        let kind: Change.Kind
        switch change.kind {
        case .set(let expression): kind = .set(resolve(expression, scope, .dynamic))
        case .increase(let expression, let points): kind = .increase(resolve(expression, scope, .dynamic), points: points)
        case .decrease(let expression, let points): kind = .decrease(resolve(expression, scope, .dynamic), points: points)
        case .vanishes: kind = .vanishes
        }
        if diagnostics.contains(where: { $0.severity == .error }) { return (nil, diagnostics) }
        return (Change(target: target, targetText: change.target.text, kind: kind, sign: scope.sign, span: change.span),
                diagnostics)
    }

    /// Builds the index of every name once (for the first reference that needs it, and
    /// ahead of a session, so its first typed nested name does not pay for it: a million
    /// names take a while).
    mutating func prepareGlobalIndex() {
        guard globalIndex == nil else { return }
        var index: [String: [Member]] = [:]
        // Each scope's members are the names its table holds, in declaration order
        // (`claim` and `attach` go together): the file's, then each area's.
        for member in model.topLevel { index[name(of: member), default: []].append(member) }
        for area in model.areas.indices {
            for member in model.areas[area].members { index[name(of: member), default: []].append(member) }
        }
        globalIndex = index
    }
}
