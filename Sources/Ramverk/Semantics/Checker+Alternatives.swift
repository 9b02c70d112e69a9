/// Scenarios: declared with the file (the posts they add become posts only they have),
/// resolved against the base once every name is known.
extension Checker {
    mutating func declareAlternative(_ statement: ScenarioStatement, _ scope: Scope) {
        if let first = model.alternatives.first(where: { $0.name == statement.name.text }) {
            report(.duplicateName(statement.name.text, kind: "scenariot"), statement.name.span,
                   notes: [Diagnostic.Note(message: "först deklarerat här", span: first.span)])
            return
        }
        let index = model.alternatives.count
        model.alternatives.append(Alternative(name: statement.name.text, span: statement.name.span))
        for item in statement.items {
            guard case .statement(let inner) = item else { continue }
            switch inner {
            case .post(let post):
                declareAlternativePost(post, in: scope, index)
            case .area(let area):
                // `område Befintligt { post … }`: new lines in an area of the base.
                guard case .area(let existing)? = lookUpFirst(area.name, from: nil) else {
                    report(.unknownName(area.name.text, suggestion: suggestion(for: area.name.text, among: model.areas.map(\.name))),
                           area.name.span)
                    continue
                }
                var inner = scope
                inner.area = existing
                for statement in area.body {
                    if case .post(let post) = statement {
                        declareAlternativePost(post, in: inner, index)
                    } else {
                        report(.scenarioOutsideFile, statementSpan(statement))
                    }
                }
            case .risk, .reserve:
                break
            default:
                report(.scenarioOutsideFile, statementSpan(inner))
            }
        }
        pending.append(.alternative(index, statement, scope))
    }

    private mutating func declareAlternativePost(_ post: PostStatement, in scope: Scope, _ alternative: Int) {
        let index = model.posts.count
        declarePost(post, scope)
        guard model.posts.count > index else { return }
        model.posts[index].alternative = alternative
        model.alternativePosts.append(index)
    }

    private func statementSpan(_ statement: Statement) -> SourceSpan? {
        switch statement {
        case .post(let post): post.span
        case .area(let area): area.span
        case .namedValue(let named): named.span
        case .ram(let ram): ram.span
        default: nil
        }
    }

    mutating func resolveAlternative(_ index: Int, _ statement: ScenarioStatement, _ scope: Scope) {
        if let base = statement.base {
            if let found = model.alternatives.firstIndex(where: { $0.name == base.text }), found != index {
                model.alternatives[index].base = found
            } else {
                let others = model.alternatives.map(\.name).filter { $0 != statement.name.text }
                report(.unknownName(base.text, suggestion: suggestion(for: base.text, among: others)), base.span)
            }
        }
        for item in statement.items {
            switch item {
            case .change(let change):
                if let resolved = resolveChange(change, scope) { model.alternatives[index].changes.append(resolved) }
            case .ram(let year, let yearSpan, let amount, let span):
                guard let ram = model.rams.firstIndex(where: { $0.year == year }) else {
                    report(.unknownRamYear(year), yearSpan)
                    continue
                }
                let context = model.column(forYear: year).map(ColumnContext.fixed) ?? .none
                model.alternatives[index].rams.append((ram, resolve(amount, scope, context), span))
            case .removal(let reference, let span):
                switch resolveReference(reference, scope, .dynamic) {
                case .post(let post, _, _): model.alternatives[index].removedPosts.append((post, span))
                case .invalid: break
                default: report(.removalNotAPost(reference.text), reference.span)
                }
            case .statement(.risk(let risk)):
                resolveAlternativeRisk(risk, index, scope)
            case .statement(.reserve(let reserve)):
                // The base's note on a reserve without decisions is about the base.
                let withDecisions = reservesWithDecisions
                if let resolved = resolveReserve(reserve, scope) { model.alternatives[index].reserves.append(resolved) }
                reservesWithDecisions = withDecisions
            case .statement:
                break
            }
        }
        // A scenario that builds on itself, directly or through others.
        var seen = [index]
        var current = model.alternatives[index].base
        while let next = current {
            if next == index {
                report(.cycle(names: (seen + [index]).map { model.alternatives[$0].name }), statement.name.span)
                model.alternatives[index].base = nil
                break
            }
            if seen.contains(next) { break }
            seen.append(next)
            current = model.alternatives[next].base
        }
    }

    /// `risk Lokalbanken { påverkar … }` in a scenario: the base's risk of that name,
    /// quantified otherwise.
    private mutating func resolveAlternativeRisk(_ risk: RiskStatement, _ index: Int, _ scope: Scope) {
        guard let existing = model.risks.firstIndex(where: { $0.name.text == risk.name.text }) else {
            report(.unknownName(risk.name.text, suggestion: suggestion(for: risk.name.text, among: model.risks.map(\.name.text))),
                   risk.name.span)
            return
        }
        guard let effect = risk.effect else {
            report(.riskNotQuantified(risk.name.text), risk.name.span)
            return
        }
        if var quantified = quantifiedRisk(existing, effect, scope) {
            quantified.alternative = index
            model.alternatives[index].risks.append(quantified)
        }
    }
}
