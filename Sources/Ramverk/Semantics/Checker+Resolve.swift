/// The resolving pass: once every name is declared, each queued expression has its
/// references bound to areas, posts, named values, columns and rams.
extension Checker {
    /// Which column a reference without an explicit column means.
    enum ColumnContext {
        /// The column of the cell being defined (or of a ram's year).
        case fixed(Int)
        /// Decided where the named value is used.
        case dynamic
        /// No column: a reference to a post or area must name one.
        case none
    }

    mutating func resolvePending() {
        // Överföringar and correlations last: they need every reserve and every
        // quantified risk.
        func last(_ item: Pending) -> Bool {
            switch item {
            case .carryOver, .correlation: true
            default: false
            }
        }
        let queue = pending.filter { !last($0) } + pending.filter(last)
        pending = []
        warnAboutUncheckedRams(queue)
        for item in queue {
            switch item {
            case .cell(let post, let column, let expression, let scope):
                let resolved = resolve(expression, scope, .fixed(column))
                model.cells[post * model.columns.count + column] = .expression(resolved, sign: scope.sign)
            case .total(let area, let column, let expression, let scope):
                let resolved = resolve(expression, scope, .fixed(column))
                model.areas[area].printedTotal?.cells[column] = .expression(resolved, sign: scope.sign)
            case .named(let index, let expression, let scope):
                model.namedValues[index].expression = resolve(expression, scope, .dynamic)
            case .ram(let index, let expression, let scope):
                let context = model.column(forYear: model.rams[index].year).map(ColumnContext.fixed) ?? .none
                model.rams[index].expression = resolve(expression, scope, context)
            case .tolerance(let expression, let scope):
                toleranceExpression = resolve(expression, scope, .none)
            case .bridge(let year, let statement, let scope):
                model.bridges.append(resolveBridge(year, statement, scope))
            case .formula(let column, let expression, let scope):
                resolvingFormula = true
                formulaColumn = column
                defer { formulaColumn = nil }
                let formula = resolve(expression, scope, .none)
                model.columns[column].formula = formula
                if !Checker.readsRow(formula) {
                    report(.formulaReadsNoColumn(model.columns[column].key), expression.span)
                }
                model.columns[column].formulaText = program.sources[expression.span.file].text(expression.span.range)
                resolvingFormula = false
            case .expectation(let statement, let scope):
                model.expectations.append(resolveExpectation(statement, scope))
            case .profile(let index, let statement, let scope):
                model.profiles[index].shares = statement.shares.map { resolve($0, scope, .none) }
            case .postProfile(let post, let name):
                if let profile = profileIndex[name.text] {
                    model.postProfiles[post] = profile
                } else {
                    report(.unknownProfile(name.text, suggestion: suggestion(for: name.text, among: profileIndex.keys)),
                           name.span)
                }
            case .carryOver(let statement, let scope):
                if let carryOver = resolveCarryOver(statement, scope) { model.carryOvers.append(carryOver) }
            case .capitalGains(let statement, let scope):
                let context = model.column(forYear: statement.year).map(ColumnContext.fixed) ?? .none
                var gains = CapitalGains(year: statement.year, span: statement.span)
                for (figure, amount) in statement.figures {
                    let resolved = resolve(amount, scope, context)
                    switch figure {
                    case .budget: gains.budget = resolved
                    case .prognos: gains.forecast = resolved
                    case .utfall: gains.actual = resolved
                    }
                }
                model.capitalGains.append(gains)
            case .balance(let statement, let scope):
                model.balances.append(resolveBalance(statement, scope))
            case .revision(let statement, let scope):
                resolveRevision(statement, scope)
            case .reserve(let statement, let scope):
                if let reserve = resolveReserve(statement, scope) { model.reserves.append(reserve) }
            case .riskEffect, .sensitivity, .correlation, .simulation:
                resolveRiskAnalysisItem(item)
            case .alternative(let index, let statement, let scope):
                resolveAlternative(index, statement, scope)
            case .condition(let statement, let scope):
                model.conditions.append(Condition(
                    label: statement.label, span: statement.span, sign: scope.sign,
                    left: resolve(statement.left, scope, .none), comparison: statement.comparison,
                    right: resolve(statement.right, scope, .none),
                    text: program.sources[statement.span.file].text(statement.span.range)))
            }
        }
    }

    /// True when a formula reads some column of its row (else it gives every row the same
    /// value, or nothing).
    static func readsRow(_ expression: ResolvedExpression) -> Bool {
        switch expression {
        case .rowColumn: true
        case .sum(let parts, _): parts.contains(where: readsRow)
        case .withUnit(let inner, _, _), .percentOf(let inner, _), .negate(let inner, _), .periodShare(let inner, _):
            readsRow(inner)
        case .binary(_, let left, let right, _): readsRow(left) || readsRow(right)
        default: false
        }
    }

    private mutating func resolveBalance(_ statement: BalanceStatement, _ scope: Scope) -> Balance {
        let context = model.column(forYear: statement.year).map(ColumnContext.fixed) ?? .none
        var balance = Balance(year: statement.year, span: statement.span, adjustments: [])
        for (item, _) in statement.items {
            switch item {
            case .result(let expression): balance.result = resolve(expression, scope, context)
            case .capitalGains(let expression): balance.capitalGains = resolve(expression, scope, context)
            case .adjustment(let text, let expression): balance.adjustments.append((text, resolve(expression, scope, context)))
            case .toReserve(let expression): balance.toReserve = resolve(expression, scope, context)
            case .fromReserve(let expression): balance.fromReserve = resolve(expression, scope, context)
            case .taxRevenue(let expression): balance.taxRevenue = resolve(expression, scope, context)
            case .goal(let expression): balance.goal = resolve(expression, scope, context)
            }
        }
        if balance.result == nil { report(.balanceWithoutResult(year: statement.year), statement.yearSpan) }
        return balance
    }

    private mutating func resolveExpectation(_ statement: ExpectationStatement, _ scope: Scope) -> Expectation {
        // "2,0 %" is stated to one decimal: it holds for anything that rounds to it.
        var implied: Ratio?
        switch statement.expected {
        case .percent(.number(let literal, _), _), .negate(.percent(.number(let literal, _), _), _):
            implied = Ratio(micros: ExactArithmetic.pow10(Ratio.decimals - 2 - min(literal.decimals, 4)) / 2)
        case .number(let literal, _), .negate(.number(let literal, _), _):
            implied = Ratio(micros: ExactArithmetic.pow10(Ratio.decimals - min(literal.decimals, 6)) / 2)
        default:
            implied = nil
        }
        return Expectation(
            label: statement.label, span: statement.span, sign: scope.sign,
            actual: resolve(statement.actual, scope, .none), expected: resolve(statement.expected, scope, .none),
            tolerance: statement.tolerance.map { resolve($0, scope, .none) }, impliedTolerance: implied,
            text: program.sources[statement.span.file].text(statement.span.range))
    }

    /// A ram whose year has no column cannot be checked; unless it is the starting point
    /// of a ramförändring, that is likely a mistake.
    private mutating func warnAboutUncheckedRams(_ queue: [Pending]) {
        var bases = Set<Int>()
        for item in queue {
            if case .bridge(let year, let statement, _) = item,
               !statement.items.contains(where: { if case .base = $0 { true } else { false } }) {
                bases.insert(year - 1)
            }
        }
        for ram in model.rams where model.column(forYear: ram.year) == nil && !bases.contains(ram.year) {
            report(.ramNotChecked(year: ram.year), ram.span)
        }
    }

    private mutating func resolveBridge(_ year: Int, _ statement: BridgeStatement, _ scope: Scope) -> Bridge {
        let context = model.column(forYear: year).map(ColumnContext.fixed) ?? .none
        var bridge = Bridge(year: year, span: statement.span, changes: [], oneOffs: [])
        for item in statement.items {
            switch item {
            case .base(let expression, let span):
                bridge.base = resolve(expression, scope, context)
                bridge.baseSpan = span
            case .change(let text, let amount, let span):
                bridge.changes.append(Bridge.Item(text: text, span: span, amount: resolve(amount, scope, context)))
            case .oneOff(let text, let amount, let span):
                bridge.oneOffs.append(Bridge.Item(text: text, span: span, amount: resolve(amount, scope, context)))
            case .printedTotal(let expression, let span):
                bridge.printedTotal = resolve(expression, scope, context)
                bridge.printedTotalSpan = span
            }
        }
        if bridge.base == nil, ramIndex[year - 1] == nil {
            report(.bridgeWithoutBase(year: year), statement.yearSpan)
        }
        if ramIndex[year] == nil {
            report(.unknownRamYear(year), statement.yearSpan)
        }
        return bridge
    }

    mutating func resolve(_ expression: Expression, _ scope: Scope, _ context: ColumnContext) -> ResolvedExpression {
        switch expression {
        case .number(let literal, let span):
            guard let ratio = literal.ratio else {
                report(.numberTooPrecise(allowed: Ratio.decimals), span)
                return .invalid(span: span)
            }
            return .bareNumber(ratio, unit: scope.unit, span: span)
        case .withUnit(.number(let literal, _), let unit, let span):
            guard let money = exactMoney(literal, unit, span) else { return .invalid(span: span) }
            return .money(money, span: span)
        case .withUnit(let inner, let unit, let span):
            return .withUnit(resolve(inner, scope, context), unit, span: span)
        case .percent(.number(let literal, _), let span):
            // 3,7 % is 0,037: exact when the literal has at most four decimals.
            guard let ratio = literal.ratio, ratio.micros % 100 == 0 else {
                report(.numberTooPrecise(allowed: Ratio.decimals - 2), span)
                return .invalid(span: span)
            }
            return .percent(Ratio(micros: ratio.micros / 100), span: span)
        case .percent(let inner, let span):
            return .percentOf(resolve(inner, scope, context), span: span)
        case .negate(let inner, let span):
            return .negate(resolve(inner, scope, context), span: span)
        case .binary(let op, let left, let right, let span):
            return .binary(op, resolve(left, scope, context), resolve(right, scope, context), span: span)
        case .reference(let reference):
            return resolveReference(reference, scope, context)
        case .sum(let references, let span):
            return .sum(references.map { resolveReference($0, scope, context) }, span: span)
        case .periodShare(let months?, let span):
            return .periodShare(resolve(months, scope, context), span: span)
        case .periodShare(nil, let span):
            // periodandel(): the months of the period of the column being computed.
            guard let column = formulaColumn, let month = model.columns[column].period?.month else {
                report(.periodShareWithoutPeriod, span)
                return .invalid(span: span)
            }
            return .periodShare(.bareNumber(Ratio(micros: Int64(month) * Ratio.scale), unit: scope.unit, span: span), span: span)
        case .ram(let year, let span):
            guard let index = ramIndex[year] else {
                report(.unknownRamYear(year), span)
                return .invalid(span: span)
            }
            return .ram(index, span: span)
        }
    }

    // MARK: - References

    mutating func resolveReference(_ reference: Reference, _ scope: Scope, _ context: ColumnContext) -> ResolvedExpression {
        let segments = reference.segments
        let span = reference.span
        if resolvingFormula, segments.count == 1, let column = columnIndex[segments[0].text] {
            return .rowColumn(column, span: span)
        }
        guard var current = lookUpFirst(segments[0], from: scope.area) else { return .invalid(span: span) }
        var column: Int?
        var index = 1
        while index < segments.count {
            let segment = segments[index]
            if case .area(let area) = current, let child = child(named: segment.text, in: area) {
                current = child
            } else if index == segments.count - 1, let key = columnIndex[segment.text] {
                column = key
            } else if index == segments.count - 1, segment.text.first?.isNumber == true || !isArea(current) {
                report(.unknownColumn(segment.text, suggestion: suggestion(for: segment.text, among: model.columns.map(\.key))),
                       segment.span)
                return .invalid(span: span)
            } else {
                let candidates: [String]
                if case .area(let area) = current {
                    candidates = model.areas[area].members.map { name(of: $0) } + model.columns.map(\.key)
                } else {
                    candidates = model.columns.map(\.key)
                }
                report(.unknownName(segment.text, suggestion: suggestion(for: segment.text, among: candidates)),
                       segment.span)
                return .invalid(span: span)
            }
            index += 1
        }
        if column == nil {
            switch context {
            case .fixed(let fixed): column = fixed
            case .dynamic: break
            case .none:
                if case .named = current { break }
                report(.columnNeeded(reference.text), span)
                return .invalid(span: span)
            }
        }
        switch current {
        case .post(let post): return .post(post, column: column, span: span)
        case .area(let area): return .areaTotal(area, column: column, span: span)
        case .named(let named):
            usedNamedValues.insert(named)
            return .named(named, column: column, span: span)
        }
    }

    private func isArea(_ member: Member) -> Bool {
        if case .area = member { return true }
        return false
    }

    /// The first segment: the innermost enclosing scope that declares it, else the one
    /// member of the whole model with that name.
    mutating func lookUpFirst(_ segment: Name, from area: Int?) -> Member? {
        var scope = area
        while true {
            if let member = child(named: segment.text, in: scope) { return member }
            guard let current = scope else { break }
            scope = model.areas[current].parent
        }
        prepareGlobalIndex()
        let found = globalIndex?[segment.text] ?? []
        if found.count == 1 { return found[0] }
        if found.count > 1 {
            let paths = found.map { model.path(of: $0) }.sorted()
            report(.ambiguousName(segment.text, candidates: paths), segment.span)
            return nil
        }
        let suggestion = suggestion(for: segment.text, among: (globalIndex ?? [:]).keys)
        var notes: [Diagnostic.Note] = []
        if let suggestion, let member = globalIndex?[suggestion]?.first {
            let line = program.sources[span(of: member).file].line(of: Int(span(of: member).start))
            notes.append(Diagnostic.Note(message: "'\(suggestion)' är deklarerad på rad \(line)", span: nil))
        }
        report(.unknownName(segment.text, suggestion: suggestion), segment.span, notes: notes)
        return nil
    }
}
