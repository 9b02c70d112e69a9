/// How a figure came about (`:förklara` in the REPL): the figure, how it is made (a value
/// written in the file, a formula, a sum of lines, a decision, a what-if change), where
/// that is written, and the same for each figure it is made of, down to what the file
/// states.
public struct Explanation: Sendable {
    /// What the figure is: "Folkhälsa, Budget 2021", "Summa Fritid, Budget 2025".
    public var label: String
    /// Its value now (with the changes in force), in the sign its table is shown in.
    public var value: Value?
    /// How it is made, in Swedish: "skrivet i filen", "= Idrottsplatser.2024 × 102 %".
    public var how: String
    public var location: SourceSpan?
    public var steps: [Explanation] = []
}

extension ExplorationSession {
    /// How deep an explanation goes, and how many parts of a sum it lists.
    static let explanationDepth = 6
    static let explainedMembers = 25

    /// Explains `text`: a reference, `ram 2021`, `summa(…)` or any expression.
    public mutating func explain(_ text: String) -> Result<Explanation, ExplorationProblem> {
        let file = SourceFile(path: ExplorationSession.typedPath, text: text)
        let index = addTyped(file)
        let parsed = Parser.parseInput(file, fileIndex: index, range: 0..<file.bytes.count)
        guard case .expression(let expression)? = parsed.input else {
            return .failure(ExplorationProblem(diagnostics: parsed.diagnostics, sources: sources))
        }
        let (resolved, problems) = resolver.resolveTyped(expression, file: index)
        if problems.contains(where: { $0.severity == .error }) {
            return .failure(ExplorationProblem(diagnostics: problems, sources: sources))
        }
        var seen = Set<String>()
        var root: Explanation
        switch resolved {
        case .post, .areaTotal, .named, .ram:
            root = explainReference(resolved, column: column, depth: 0, seen: &seen)
                ?? Explanation(label: text.trimmingWhitespace(), how: "")
        default:
            let value = whatIf != nil ? whatIf!.evaluator.evaluate(resolved, sign: model.displaySign, column: column)
                                      : plainEvaluator.evaluate(resolved, sign: model.displaySign, column: column)
            root = Explanation(label: text.trimmingWhitespace(), value: value, how: "uträkning", location: nil)
            root.steps = references(in: resolved, column: column)
                .compactMap { explainReference($0.0, column: $0.1, depth: 1, seen: &seen) }
        }
        _ = takeEvaluatorDiagnostics()
        return .success(root)
    }

    /// The references an expression reads, each with the column it is read in.
    func references(in expression: ResolvedExpression, column: Int?) -> [(ResolvedExpression, Int?)] {
        switch expression {
        case .post(_, let explicit, _), .areaTotal(_, let explicit, _), .named(_, let explicit, _):
            return [(expression, explicit ?? column)]
        case .ram: return [(expression, column)]
        case .sum(let parts, _): return parts.flatMap { references(in: $0, column: column) }
        case .withUnit(let inner, _, _), .percentOf(let inner, _), .negate(let inner, _), .periodShare(let inner, _):
            return references(in: inner, column: column)
        case .binary(_, let left, let right, _): return references(in: left, column: column) + references(in: right, column: column)
        default: return []
        }
    }

    private mutating func explainReference(_ reference: ResolvedExpression, column: Int?, depth: Int,
                                           seen: inout Set<String>) -> Explanation? {
        switch reference {
        case .post(let post, let explicit, _):
            guard let column = explicit ?? column else { return nil }
            return explainCell(post: post, column: column, depth: depth, seen: &seen)
        case .areaTotal(let area, let explicit, _):
            guard let column = explicit ?? column else { return nil }
            return explainArea(area, column: column, depth: depth, seen: &seen)
        case .named(let named, let explicit, _):
            return explainNamed(named, column: explicit ?? column, depth: depth, seen: &seen)
        case .ram(let ram, _):
            return explainRam(ram)
        default:
            return nil
        }
    }

    /// The change in force on `target`, if any (the latest wins).
    private func change(on target: ChangeTarget) -> AppliedChange? {
        changes.last { $0.target == target }
    }

    private func sourceText(_ span: SourceSpan) -> String {
        sources[span.file].text(span.range)
    }

    private mutating func explainCell(post: Int, column: Int, depth: Int, seen: inout Set<String>) -> Explanation {
        let info = model.posts[post]
        var node = Explanation(label: "\(model.path(of: .post(post))), \(model.columns[column].label)",
                               value: cellValue(post, column), how: "", location: info.span)
        let isSessionColumn = column == self.column
        if let changed = change(on: .cell(post: post, column: column))
            ?? (isSessionColumn ? change(on: .cell(post: post, column: nil)) : nil) {
            node.how = "ändrad i sessionen: \(changed.text)"
            return node
        }
        guard seen.insert("c\(post).\(column)").inserted else {
            node.how = "(se ovan)"
            return node
        }
        switch model.cell(post: post, column: column) {
        case .literal:
            node.how = "skrivet i filen"
        case .expression(let expression, _):
            node.how = "= " + sourceText(expression.span)
            if depth < ExplorationSession.explanationDepth {
                node.steps = references(in: expression, column: column)
                    .compactMap { explainReference($0.0, column: $0.1, depth: depth + 1, seen: &seen) }
            }
        case .empty:
            if let formula = model.columns[column].formula {
                node.how = "= \(model.columns[column].formulaText ?? "") (kolumnens formel)"
                node.location = model.columns[column].span ?? info.span
                if depth < ExplorationSession.explanationDepth {
                    node.steps = formulaColumns(formula).map { explainCell(post: post, column: $0, depth: depth + 1, seen: &seen) }
                }
            } else {
                node.how = "tom (räknas som 0)"
            }
        }
        node.steps += reserveSteps(post: post, column: column)
        return node
    }

    /// The columns of its own row a column formula reads.
    private func formulaColumns(_ expression: ResolvedExpression) -> [Int] {
        switch expression {
        case .rowColumn(let column, _): return [column]
        case .sum(let parts, _): return parts.flatMap(formulaColumns)
        case .withUnit(let inner, _, _), .percentOf(let inner, _), .negate(let inner, _), .periodShare(let inner, _):
            return formulaColumns(inner)
        case .binary(_, let left, let right, _): return formulaColumns(left) + formulaColumns(right)
        default: return []
        }
    }

    /// Decisions that draw on the post as a reserve, or give it money from one.
    private func reserveSteps(post: Int, column: Int) -> [Explanation] {
        var steps: [Explanation] = []
        for reserve in model.reserves where reserve.column == column {
            for decision in reserve.decisions {
                let amount = sourceText(decision.amount.span)
                if reserve.post == post {
                    let destination: String
                    switch decision.destination {
                    case .post(let target): destination = model.posts[target].name
                    case .external(let receiver): destination = "extern \"\(receiver)\""
                    }
                    steps.append(Explanation(label: "beslut \(decision.reference)",
                                             how: "tar \(amount) ur reserven till \(destination)", location: decision.span))
                } else if case .post(post) = decision.destination {
                    steps.append(Explanation(label: "beslut \(decision.reference)",
                                             how: "för \(amount) hit från reserven \(model.posts[reserve.post].name)",
                                             location: decision.span))
                }
            }
        }
        return steps
    }

    private mutating func explainArea(_ area: Int, column: Int, depth: Int, seen: inout Set<String>) -> Explanation {
        let info = model.areas[area]
        var node = Explanation(label: "Summa \(model.path(of: .area(area))), \(model.columns[column].label)",
                               value: areaValue(area, column), how: "", location: info.span)
        if let changed = change(on: .area(area, column: column))
            ?? (column == self.column ? change(on: .area(area, column: nil)) : nil) {
            node.how = "ändrad i sessionen: \(changed.text)"
            return node
        }
        guard seen.insert("a\(area).\(column)").inserted else {
            node.how = "(se ovan)"
            return node
        }
        let lines = info.members.filter { if case .named = $0 { false } else { true } }
        node.how = lines.count == 1 ? "summan av 1 rad" : "summan av \(lines.count) rader"
        if let printed = info.printedTotal, case let cell = printed.cells[column], !isEmpty(cell) {
            node.how += "; tryckt summa på rad \(sources[printed.span.file].line(of: Int(printed.span.start)))"
        }
        guard depth < ExplorationSession.explanationDepth else { return node }
        for member in lines.prefix(ExplorationSession.explainedMembers) {
            switch member {
            case .post(let post): node.steps.append(explainCell(post: post, column: column, depth: depth + 1, seen: &seen))
            case .area(let child): node.steps.append(explainArea(child, column: column, depth: depth + 1, seen: &seen))
            case .named: break
            }
        }
        if lines.count > ExplorationSession.explainedMembers {
            node.steps.append(Explanation(label: "… och \(lines.count - ExplorationSession.explainedMembers) rader till",
                                          how: ""))
        }
        return node
    }

    private func isEmpty(_ cell: CellSource) -> Bool {
        if case .empty = cell { return true }
        return false
    }

    private mutating func explainNamed(_ named: Int, column: Int?, depth: Int, seen: inout Set<String>) -> Explanation {
        let info = model.namedValues[named]
        let suffix = column.map { ", \(model.columns[$0].label)" } ?? ""
        var node = Explanation(label: (info.isAssumption ? "antagande " : "") + model.path(of: .named(named)) + suffix,
                               value: namedValue(named, column), how: "", location: info.span)
        if let changed = change(on: .named(named)) {
            node.how = "ändrad i sessionen: \(changed.text)"
            return node
        }
        guard seen.insert("n\(named).\(column ?? -1)").inserted else {
            node.how = "(se ovan)"
            return node
        }
        node.how = "= " + sourceText(info.expression.span)
        if depth < ExplorationSession.explanationDepth {
            node.steps = references(in: info.expression, column: column)
                .compactMap { explainReference($0.0, column: $0.1, depth: depth + 1, seen: &seen) }
        }
        return node
    }

    private mutating func explainRam(_ index: Int) -> Explanation {
        let ram = model.rams[index]
        let value = whatIf != nil ? whatIf!.evaluator.ram(index, from: ram.span) : plainEvaluator.ram(index, from: ram.span)
        var node = Explanation(label: "Ram \(ram.year)", value: value.map(Value.money),
                               how: "= " + sourceText(ram.expression.span) + (ram.decision.map { " enligt \"\($0)\"" } ?? ""),
                               location: ram.span)
        for revision in ram.revisions {
            node.steps.append(Explanation(label: "justering \(revision.reference)",
                                          how: sourceText(revision.amount.span), location: revision.span))
        }
        return node
    }

    // MARK: - Values now, in the sign their table is shown in

    mutating func cellValue(_ post: Int, _ column: Int) -> Value? {
        let span = model.posts[post].span
        let found = whatIf != nil ? whatIf!.evaluator.cell(post, column, from: span) : plainEvaluator.cell(post, column, from: span)
        guard let found, let money = found else { return nil }
        return money.negatedIf(model.posts[post].sign.factor < 0).map(Value.money)
    }

    mutating func areaValue(_ area: Int, _ column: Int) -> Value? {
        let span = model.areas[area].span
        let found = whatIf != nil ? whatIf!.evaluator.areaTotal(area, column, from: span)
                                  : plainEvaluator.areaTotal(area, column, from: span)
        guard let found, let money = found else { return nil }
        return money.negatedIf(model.areas[area].sign.factor < 0).map(Value.money)
    }

    mutating func namedValue(_ named: Int, _ column: Int?) -> Value? {
        let info = model.namedValues[named]
        let found = whatIf != nil ? whatIf!.evaluator.named(named, column, from: info.span)
                                  : plainEvaluator.named(named, column, from: info.span)
        return found.flatMap { plainEvaluator.internalValue($0, sign: info.sign) }
    }
}

/// Problems with typed input, and the files to render them from.
public struct ExplorationProblem: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public var sources: SourceSet
}
