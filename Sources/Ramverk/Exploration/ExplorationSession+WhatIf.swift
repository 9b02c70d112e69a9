/// What-ifs in a session: a change typed in the language's `change` syntax is put in
/// place by the `WhatIf` engine, which evaluates again only what depends on it; each
/// change keeps the state it replaced, so undoing is putting that back.
extension ExplorationSession {
    /// Tries `line[start...]` as a change (`Folkhälsa = 800`, `X ökar med 10 %`) and keeps
    /// it in force.
    public mutating func whatIf(_ line: String, from start: Int) -> WhatIfOutcome {
        let file = SourceFile(path: ExplorationSession.typedPath, text: line)
        let index = addTyped(file)
        let parsed = Parser.parseChangeInput(file, fileIndex: index, range: min(start, file.bytes.count)..<file.bytes.count)
        if parsed.incomplete { return .incomplete }
        guard case .change(let syntax)? = parsed.input else { return .failed(parsed.diagnostics) }
        let (resolved, problems) = resolver.resolveTyped(syntax, file: index)
        guard let change = resolved else { return .failed(problems) }
        guard whatIf != nil, let column else { return .noColumn }

        let before = whatIf!.figures()
        let oldValue = currentValue(of: change.target, sign: change.sign)
        guard let value = whatIf!.newValue(for: change) else { return .failed(takeEvaluatorDiagnostics()) }
        let plan = whatIf!.plan([change.target])
        let saved = whatIf!.snapshot(plan)
        whatIf!.apply(plan, values: [value])
        let after = whatIf!.figures()
        let pairs = checkState.update(nodes: plan.targetNodes + plan.reached, &whatIf!.evaluator, tolerance: tolerance)
        let text = file.text(Int(syntax.span.start)..<file.bytes.count).trimmingWhitespace()
        let applied = AppliedChange(line: line, start: start, text: text, target: change.target,
                                    targetText: change.targetText, sign: change.sign,
                                    before: oldValue, after: currentValue(of: change.target, sign: change.sign),
                                    plan: plan, saved: saved)
        changes.append(applied)
        var totals: [TotalChange] = []
        for (offset, node) in (plan.targetNodes + plan.reached).enumerated() where offset >= plan.targetNodes.count {
            guard case .area(let slot) = whatIf!.evaluator.slot(node) else { continue }
            let old = saved[offset].state == .done ? saved[offset].money : nil
            if let total = areaChange(slot: slot, before: old, column: column) { totals.append(total) }
        }
        let (failing, passing) = CheckState.flips(pairs)
        return .applied(WhatIfResult(change: applied, before: before, after: after, totals: totals,
                                     nowFailing: failing, nowPassing: passing,
                                     diagnostics: takeEvaluatorDiagnostics()))
    }

    /// Takes back the latest change; nil when none is in force.
    public mutating func undo() -> AppliedChange? {
        guard let last = changes.popLast() else { return nil }
        guard whatIf != nil else { return last }
        whatIf!.restore(last.plan, last.saved)
        _ = checkState.update(nodes: last.plan.targetNodes + last.plan.reached, &whatIf!.evaluator, tolerance: tolerance)
        _ = takeEvaluatorDiagnostics()
        return last
    }

    /// Takes back every change: the model as loaded (with its typed declarations).
    public mutating func undoAll() {
        var nodes = Set<Int>()
        while let last = changes.popLast() {
            whatIf?.restore(last.plan, last.saved)
            nodes.formUnion(last.plan.targetNodes + last.plan.reached)
        }
        guard whatIf != nil, !nodes.isEmpty else { return }
        _ = checkState.update(nodes: nodes.sorted(), &whatIf!.evaluator, tolerance: tolerance)
        _ = takeEvaluatorDiagnostics()
    }

    /// Everything the changes in force have changed against the model as loaded.
    public mutating func difference() -> SessionDifference {
        var difference = SessionDifference()
        guard whatIf != nil, let column else { return difference }
        for change in changes {
            let base = value(of: change.target, in: baseEvaluation, sign: change.sign)
            difference.changes.append((change, base, currentValue(of: change.target, sign: change.sign)))
        }
        difference.before = whatIf!.base
        difference.after = whatIf!.figures()
        var seen = Set<Int>()
        for change in changes {
            for node in change.plan.reached where seen.insert(node).inserted {
                guard case .area(let slot) = whatIf!.evaluator.slot(node) else { continue }
                let area = slot / max(model.columns.count, 1)
                let base = baseEvaluation.total(area: area, column: slot % max(model.columns.count, 1))
                if let total = areaChange(slot: slot, before: base, column: column) { difference.totals.append(total) }
            }
        }
        difference.totals.sort { $0.order < $1.order }
        (difference.nowFailing, difference.nowPassing) = ExplorationSession.flips(from: baseEvaluation.checks, to: checkState.all)
        return difference
    }

    /// The figures of the current state.
    public mutating func currentFigures() -> AnalysisFigures? {
        whatIf?.figures()
    }

    /// The base figures (as loaded).
    public var baseFigures: AnalysisFigures? { whatIf?.base }

    /// Every check of the current state, in the order `kör` lists them.
    public var checks: [CheckResult] { checkState.all }

    /// The whole evaluation of the current state (for the driftbudget report).
    public mutating func currentEvaluation() -> Evaluation {
        guard whatIf != nil else { return baseEvaluation }
        let evaluation = whatIf!.evaluator.evaluateAll(resolver.toleranceExpression)
        whatIf!.evaluator.diagnostics = []
        return evaluation
    }

    /// The risk- och känslighetsanalys of the current state: the changes in force are
    /// the base the känsligheter and the simulation start from.
    public func riskAnalysis(options: RiskAnalysis.Options = .init()) -> RiskAnalysisResult? {
        guard var state = whatIf, year != nil else { return nil }
        state.rebase()
        return RiskAnalysis.run(&state, options: options)
    }

    // MARK: - Helpers

    mutating func addTyped(_ file: SourceFile) -> Int32 {
        let index = resolver.addTypedFile(file)
        sources = resolver.program.sources
        return index
    }

    mutating func takeEvaluatorDiagnostics() -> [Diagnostic] {
        if whatIf == nil {
            defer { plainEvaluator.diagnostics = [] }
            return plainEvaluator.diagnostics
        }
        defer { whatIf!.evaluator.diagnostics = [] }
        return whatIf!.evaluator.diagnostics
    }

    /// An area's total in the area's own sign, when it differs from `before` (internal).
    private mutating func areaChange(slot: Int, before: Money?, column: Int) -> TotalChange? {
        let columns = max(model.columns.count, 1)
        let (area, areaColumn) = (slot / columns, slot % columns)
        let span = model.areas[area].span
        let now = whatIf!.evaluator.areaTotal(area, areaColumn, from: span) ?? nil
        guard now != before else { return nil }
        let flip = model.areas[area].sign.factor < 0
        return TotalChange(name: model.path(of: .area(area)), columnLabel: model.columns[areaColumn].label,
                           before: before.flatMap { $0.negatedIf(flip) }, after: now.flatMap { $0.negatedIf(flip) },
                           order: slot)
    }

    /// A target's value now, in `sign` (an empty cell is zero).
    mutating func currentValue(of target: ChangeTarget, sign: SignConvention) -> Value? {
        guard whatIf != nil, let value = whatIf!.baseValue(of: target) else { return nil }
        return whatIf!.evaluator.internalValue(value, sign: sign)
    }

    /// A target's value in an evaluation, in `sign`.
    func value(of target: ChangeTarget, in evaluation: Evaluation, sign: SignConvention) -> Value? {
        guard let column else { return nil }
        switch target {
        case .cell(let post, let explicit):
            let money = evaluation.value(post: post, column: explicit ?? column) ?? .zero
            return money.negatedIf(sign.factor < 0).map(Value.money)
        case .area(let area, let explicit):
            let money = evaluation.total(area: area, column: explicit ?? column) ?? .zero
            return money.negatedIf(sign.factor < 0).map(Value.money)
        case .named(let named):
            // Kept in the sign of the table that declares it, which is `sign` here.
            return evaluation.namedValues[named * model.columns.count + column]
        }
    }

    /// Checks that failed where they held before, and held where they failed.
    static func flips(from before: [CheckResult], to after: [CheckResult]) -> (failing: [CheckResult], passing: [CheckResult]) {
        // Usually the same checks in the same order: compared pairwise, without keys.
        if before.count == after.count,
           zip(before, after).allSatisfy({ $0.kind == $1.kind && $0.span == $1.span && $0.column == $1.column }) {
            let pairs = zip(before, after)
            return (pairs.filter { $0.passed && !$1.passed }.map(\.1), pairs.filter { !$0.passed && $1.passed }.map(\.1))
        }
        let key = CheckState.key
        var passedBefore: [String: Bool] = [:]
        for check in before { passedBefore[key(check)] = check.passed }
        let failing = after.filter { !$0.passed && passedBefore[key($0)] != false }
        let passing = after.filter { $0.passed && passedBefore[key($0)] == false }
        return (failing, passing)
    }
}

/// A what-if change in force.
public struct AppliedChange: Sendable {
    /// The line as typed, and where in it the change starts (after `:om`).
    public let line: String
    public let start: Int
    /// The change as typed: `Folkhälsa = 800`.
    public let text: String
    public let target: ChangeTarget
    public let targetText: String
    /// The sign the target's values are shown in (its table's).
    public let sign: SignConvention
    /// The target's value before and after the change, in `sign`.
    public let before: Value?
    public let after: Value?
    let plan: WhatIf.Plan
    let saved: [Evaluator.NodeSnapshot]
}

/// An area total a change moved, in the area's sign.
public struct TotalChange: Sendable {
    public var name: String
    public var columnLabel: String
    public var before: Money?
    public var after: Money?
    /// File order of areas, then columns.
    var order: Int
}

/// What one change did.
public struct WhatIfResult: Sendable {
    public var change: AppliedChange
    public var before: AnalysisFigures
    public var after: AnalysisFigures
    /// Area totals that moved, in file order.
    public var totals: [TotalChange]
    public var nowFailing: [CheckResult]
    public var nowPassing: [CheckResult]
    /// Problems the new values met (a division by zero further on); the change stays.
    public var diagnostics: [Diagnostic]
}

public enum WhatIfOutcome: Sendable {
    case applied(WhatIfResult)
    case failed([Diagnostic])
    /// A parenthesis left open at the end: more lines may complete the change.
    case incomplete
    /// The model has no column to make a change in.
    case noColumn
}

/// Everything the changes in force changed against the model as loaded.
public struct SessionDifference: Sendable {
    /// Each change with its target's value as loaded and now.
    public var changes: [(change: AppliedChange, loaded: Value?, now: Value?)] = []
    public var before = AnalysisFigures()
    public var after = AnalysisFigures()
    public var totals: [TotalChange] = []
    public var nowFailing: [CheckResult] = []
    public var nowPassing: [CheckResult] = []
}

extension String {
    /// Without spaces, tabs and line ends at either end.
    func trimmingWhitespace() -> String {
        let isSpace = { (c: Character) in c == " " || c == "\t" || c == "\n" || c == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
